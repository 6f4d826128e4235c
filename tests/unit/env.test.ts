import { describe, expect, it } from 'vitest'
import {
  cookiesAreSecure,
  EnvError,
  meetingOrganizerEmail,
  parseEnv,
  portalOrigin,
  seedsDemo,
} from '../../app/config/env.server'

function parseError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source)
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    return error as EnvError
  }
  throw new Error('parseEnv accepted the environment')
}

describe('parseEnv', () => {
  it('refuses production without PUBLIC_URL, in Swedish and English', () => {
    const error = parseError({ NODE_ENV: 'production' })
    expect(error.message).toContain('PUBLIC_URL')
    expect(error.message).toContain('saknas')
    expect(error.message).toContain('is missing')
  })

  it('refuses a PUBLIC_URL that is not http(s)', () => {
    expect(parseError({ NODE_ENV: 'production', PUBLIC_URL: 'ftp://portal.example.org' }).message).toContain(
      'PUBLIC_URL',
    )
  })

  it("takes the portal's origin from PUBLIC_URL, or localhost on its port outside production", () => {
    expect(portalOrigin(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.org/x' }))).toBe(
      'https://portal.example.org',
    )
    expect(portalOrigin(parseEnv({ PORT: '4100' }))).toBe('http://localhost:4100')
  })

  it('loads the demo only when asked in production, and by default elsewhere', () => {
    expect(seedsDemo(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.org' }))).toBe(false)
    expect(
      seedsDemo(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://p.example.org', SEED_DEMO: 'true' })),
    ).toBe(true)
    expect(seedsDemo(parseEnv({}))).toBe(true)
    expect(seedsDemo(parseEnv({ SEED_DEMO: 'false' }))).toBe(false)
  })

  it('fills in the defaults for an empty environment', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PGLITE_DIR: './data/pglite',
      MAIL_FROM: 'Områdesansvarsportalen <noreply@example.org>',
      MUNICIPALITY_NAME: 'Vårgårda kommun',
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      MAX_BODY_BYTES: 1024 * 1024,
      LOG_LEVEL: 'info',
    })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.PUBLIC_URL).toBeUndefined()
    expect(env.SEED_DEMO).toBeUndefined()
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.COOKIE_SECURE).toBeUndefined()
  })

  it('treats empty strings as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', SESSION_IDLE_MINUTES: '', SMTP_URL: '' })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.SESSION_IDLE_MINUTES).toBe(30)
  })

  it('reads numbers, booleans and URLs', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://portal@db.example.org:5432/portal',
      PUBLIC_URL: 'https://portal.example.org',
      SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8',
      MAX_BODY_BYTES: '2048',
      SEED_DEMO: '0',
      COOKIE_SECURE: 'false',
    })
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://portal@db.example.org:5432/portal',
      SESSION_IDLE_MINUTES: 15,
      SESSION_ABSOLUTE_HOURS: 8,
      MAX_BODY_BYTES: 2048,
      SEED_DEMO: false,
      COOKIE_SECURE: false,
    })
  })

  it.each([
    ['DATABASE_URL', 'inte en url'],
    ['DATABASE_URL', 'mysql://user@localhost/db'],
    ['SESSION_IDLE_MINUTES', 'abc'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_ABSOLUTE_HOURS', '1.5'],
    ['SMTP_URL', 'http://mail.example.org'],
    ['PUBLIC_URL', 'portal.example.org'],
    ['MAX_BODY_BYTES', '10'],
    ['SEED_DEMO', 'yes'],
    ['NODE_ENV', 'staging'],
    ['MAP_TILE_URL', 'https://tile.example.org/tiles.png'],
    ['MAP_TILE_URL', 'ftp://tile.example.org/{z}/{x}/{y}.png'],
  ])('throws an EnvError naming %s for %j', (variable, value) => {
    const error = parseError({ [variable]: value })
    expect(error.message).toContain(`${variable}:`)
  })

  it('names every wrong variable at once, and only those', () => {
    const error = parseError({ DATABASE_URL: 'inte en url', SESSION_IDLE_MINUTES: 'abc', PGLITE_DIR: './data/x' })
    expect(error.message).toContain('DATABASE_URL')
    expect(error.message).toContain('SESSION_IDLE_MINUTES')
    expect(error.message).not.toContain('PGLITE_DIR')
  })
})

describe('meetingOrganizerEmail', () => {
  it("takes MEETING_ORGANIZER_EMAIL, a mailbox a calendar's answer reaches", () => {
    expect(meetingOrganizerEmail(parseEnv({ MEETING_ORGANIZER_EMAIL: 'beredskap@vargarda.example.org' }))).toBe(
      'beredskap@vargarda.example.org',
    )
  })

  it("falls back to MAIL_FROM's address", () => {
    expect(meetingOrganizerEmail(parseEnv({}))).toBe('noreply@example.org')
    expect(meetingOrganizerEmail(parseEnv({ MAIL_FROM: 'Krisportalen <kris@vargarda.example.org>' }))).toBe(
      'kris@vargarda.example.org',
    )
    expect(meetingOrganizerEmail(parseEnv({ MAIL_FROM: 'kris@vargarda.example.org' }))).toBe(
      'kris@vargarda.example.org',
    )
  })

  it('refuses a value that is not an address, naming the variable', () => {
    expect(parseError({ MEETING_ORGANIZER_EMAIL: 'beredskapen' }).message).toContain('MEETING_ORGANIZER_EMAIL')
  })
})

describe('map tiles', () => {
  it('defaults to OpenStreetMap with its attribution', () => {
    const env = parseEnv({})
    expect(env.MAP_TILE_URL).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    expect(env.MAP_TILE_ATTRIBUTION).toContain('OpenStreetMap')
    expect(env.MAP_TILE_ATTRIBUTION).toContain('href="https://www.openstreetmap.org/copyright"')
  })

  it('takes another tile service and its attribution', () => {
    const env = parseEnv({
      MAP_TILE_URL: 'https://maps.example.org/topowebb/{z}/{y}/{x}.png?key=abc',
      MAP_TILE_ATTRIBUTION: '&copy; Lantmäteriet',
    })
    expect(env.MAP_TILE_URL).toBe('https://maps.example.org/topowebb/{z}/{y}/{x}.png?key=abc')
    expect(env.MAP_TILE_ATTRIBUTION).toBe('&copy; Lantmäteriet')
  })
})

describe('cookiesAreSecure', () => {
  it('is on in production behind an https PUBLIC_URL', () => {
    expect(cookiesAreSecure(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.org' }))).toBe(true)
  })

  it('is off over plain http, without PUBLIC_URL, or outside production', () => {
    expect(cookiesAreSecure(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'http://portal.example.org' }))).toBe(false)
    expect(cookiesAreSecure(parseEnv({ NODE_ENV: 'development', PUBLIC_URL: 'https://portal.example.org' }))).toBe(
      false,
    )
  })

  it('follows COOKIE_SECURE when it is set', () => {
    expect(cookiesAreSecure(parseEnv({ NODE_ENV: 'development', COOKIE_SECURE: 'true' }))).toBe(true)
    expect(cookiesAreSecure(parseEnv({ NODE_ENV: 'development', COOKIE_SECURE: '1' }))).toBe(true)
    expect(
      cookiesAreSecure(
        parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.org', COOKIE_SECURE: 'false' }),
      ),
    ).toBe(false)
  })
})
