import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loginThrottle, totpCredentials } from '../../app/db/schema/auth'
import { users } from '../../app/db/schema/users'
import { attemptLogin } from '../../app/modules/auth/login.server'
import { verifyPassword } from '../../app/modules/auth/password.server'
import { encodeTotpKey, newTotpKey } from '../../app/modules/auth/second-factor.server'
import { totpCodeAt } from '../../app/modules/auth/totp'
import type { FormReply } from '../../app/modules/forms/submission'
import * as account from '../../app/routes/konto'
import * as login from '../../app/routes/logga-in'
import * as codePage from '../../app/routes/logga-in_.kod'
import { makeUser, signedIn, TEST_PASSWORD } from '../support/factories'
import { recording } from '../support/recording-db'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

const t0 = new Date('2025-03-03T07:00:00Z')
const SECOND = 1_000
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const later = (ms: number) => new Date(t0.getTime() + ms)
const IP = '192.0.2.10'
const invalid = { ok: false, reason: 'invalid' }

/** The value of one cookie a response sets, as a `name=value` pair for the next request; '' when it sets none. */
function cookieFrom(response: Response | null, name: string): string {
  const header = response?.headers.get('Set-Cookie') ?? ''
  const match = new RegExp(`(?:^|[,;]\\s*)${name}=([a-z2-7]+)`).exec(header)
  return match ? `${name}=${match[1]}` : ''
}

const deviceTokenOf = (cookie: string) => cookie.replace(/^device=/, '') || undefined

describe('attemptLogin', () => {
  const db = useTestDatabase()

  const throttleRows = async () =>
    Object.fromEntries((await db().select().from(loginThrottle)).map((row) => [row.key, row]))

  /** A browser signing in through the form: the password, then a code when the account has an app. */
  async function signInThroughTheForm(
    email: string,
    options: { device?: string; totpKey?: Uint8Array; step?: number } = {},
  ) {
    const page = await callRoute(
      login.action,
      postForm('/logga-in', { email, password: TEST_PASSWORD }, options.device),
    )
    if (page.status !== 302 || !options.totpKey) return { ...page, device: cookieFrom(page.response, 'device') }
    const session = cookieFrom(page.response, 'session')
    const cookies = [session, options.device].filter(Boolean).join('; ')
    const code = totpCodeAt(options.totpKey, new Date(), options.step ?? 0)
    const done = await callRoute(codePage.action, postForm('/logga-in/kod', { intent: 'code', code }, cookies))
    return { ...done, device: cookieFrom(done.response, 'device') || (options.device ?? '') }
  }

  it('signs in with the right password, and gives the same answer for an unknown e-mail, a wrong password and an inactive account', async () => {
    const user = await makeUser(db(), { email: 'kim.lind@example.org' })
    const inactive = await makeUser(db(), { email: 'ola.inaktiv@example.org', active: false })

    const ok = await attemptLogin(db(), { email: 'kim.lind@example.org', password: TEST_PASSWORD, ip: IP }, t0)
    expect(ok.ok && ok.user.id).toBe(user.id)

    expect(await attemptLogin(db(), { email: 'kim.lind@example.org', password: 'fel-lösenord', ip: IP }, t0)).toEqual(
      invalid,
    )
    expect(await attemptLogin(db(), { email: 'ingen.alls@example.org', password: TEST_PASSWORD, ip: IP }, t0)).toEqual(
      invalid,
    )
    expect(await attemptLogin(db(), { email: inactive.email, password: TEST_PASSWORD, ip: IP }, t0)).toEqual(invalid)
  })

  it('sends the same statements for an unknown e-mail, a wrong password and an inactive account', async () => {
    const user = await makeUser(db())
    const inactive = await makeUser(db(), { active: false })
    const work = async (email: string, password: string, deviceToken?: string) => {
      const statements: string[] = []
      const result = await attemptLogin(recording(db(), statements), { email, password, ip: IP, deviceToken }, t0)
      return { result, statements }
    }
    const wrong = await work(user.email, 'fel-lösenord')
    expect(wrong.result).toEqual(invalid)
    for (const other of [
      await work('ingen.alls@example.org', 'fel-lösenord'),
      await work(inactive.email, TEST_PASSWORD),
      await work('ingen.alls@example.org', 'fel-lösenord', 'a'.repeat(32)),
      await work(user.email, 'fel-lösenord', 'a'.repeat(32)),
    ]) {
      expect(other.result).toEqual(invalid)
      expect(other.statements).toEqual(wrong.statements)
    }
  })

  it('matches the e-mail case-insensitively and ignores surrounding spaces', async () => {
    const user = await makeUser(db(), { email: 'Stina.Aberg@Example.org' })
    const result = await attemptLogin(
      db(),
      { email: '  stina.aberg@EXAMPLE.ORG ', password: TEST_PASSWORD, ip: IP },
      t0,
    )
    expect(result.ok && result.user.id).toBe(user.id)
  })

  it('slows an unknown browser down after five failures, doubling the wait up to 15 minutes, and never locks the account', async () => {
    const user = await makeUser(db(), { email: 'lisa.strom@example.org' })
    const attempt = (password: string, at: Date, email = 'lisa.strom@example.org', ip = IP) =>
      attemptLogin(db(), { email, password, ip }, at)

    for (let i = 0; i < 4; i++) expect(await attempt('fel-lösenord', later(i * SECOND))).toEqual(invalid)
    expect((await throttleRows())['account:lisa.strom@example.org']).toMatchObject({ failures: 4, lockedUntil: null })

    // The fifth failure, typed in another case, counts for the same account and asks for 30 seconds' patience.
    expect(await attempt('fel-lösenord', later(4 * SECOND), 'LISA.STROM@example.org')).toEqual(invalid)
    expect((await throttleRows())['account:lisa.strom@example.org']!.lockedUntil).toEqual(later(34 * SECOND))
    // Meanwhile not even the right password is checked, from any address.
    expect(await attempt(TEST_PASSWORD, later(5 * SECOND))).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 29,
    })
    expect(await attempt(TEST_PASSWORD, later(6 * SECOND), undefined, '198.51.100.7')).toMatchObject({
      reason: 'throttled',
    })

    // Each further failure doubles the wait, up to 15 minutes.
    let at = later(34 * SECOND)
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      expect(await attempt('fel-lösenord', at)).toEqual(invalid)
      const until = (await throttleRows())['account:lisa.strom@example.org']!.lockedUntil!
      waits.push((until.getTime() - at.getTime()) / SECOND)
      at = until
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900])

    // Another account from the same address was never slowed.
    const other = await makeUser(db())
    expect((await attempt(TEST_PASSWORD, at, other.email)).ok).toBe(true)
    // Once the wait is over the right password works, and clears the count.
    const after = await attempt(TEST_PASSWORD, at)
    expect(after.ok && after.user.id).toBe(user.id)
    expect(await throttleRows()).not.toHaveProperty('account:lisa.strom@example.org')
  })

  it('forgets failures a day after the first of them, and a success resets the count', async () => {
    const user = await makeUser(db())
    const attempt = (password: string, at: Date) => attemptLogin(db(), { email: user.email, password, ip: IP }, at)

    for (let i = 0; i < 4; i++) await attempt('fel-lösenord', later(i * MINUTE))
    // A day after the first failure, a failure starts a new count.
    await attempt('fel-lösenord', later(24 * HOUR + MINUTE))
    expect((await throttleRows())[`account:${user.email}`]).toMatchObject({ failures: 1, lockedUntil: null })
    expect((await attempt(TEST_PASSWORD, later(24 * HOUR + 2 * MINUTE))).ok).toBe(true)

    // Without the reset, 1 + 4 failures would ask for a wait here.
    for (let i = 0; i < 4; i++) await attempt('fel-lösenord', later(24 * HOUR + 3 * MINUTE))
    expect((await throttleRows())[`account:${user.email}`]).toMatchObject({ failures: 4, lockedUntil: null })
    expect((await attempt(TEST_PASSWORD, later(24 * HOUR + 4 * MINUTE))).ok).toBe(true)
  })

  it('lets the coordinator in from a computer that has signed in before while someone tries 100 passwords from many addresses', async () => {
    const coordinator = await makeUser(db(), { role: 'coordinator', email: 'karin.ek@example.org' })
    const totpKey = newTotpKey()
    await db()
      .insert(totpCredentials)
      .values({ userId: coordinator.id, key: encodeTotpKey(totpKey), lastCounter: 0 })

    // Her own computer: a complete sign-in, password and code, last week.
    const before = await signInThroughTheForm(coordinator.email, { totpKey })
    expect(before.status).toBe(302)

    for (let i = 0; i < 100; i++) {
      const guess = await attemptLogin(db(), {
        email: 'karin.ek@example.org',
        password: `gissning-${i}`,
        ip: `203.0.113.${i}`,
      })
      expect(guess.ok).toBe(false)
    }

    // A browser that never signed in to the account is held back, even with the right password...
    const stranger = await callRoute(
      login.action,
      postForm('/logga-in', { email: coordinator.email, password: TEST_PASSWORD }),
    )
    expect(stranger.status).toBe(429)
    // ...but her own computer gets in, password and code, as usual.
    const again = await callRoute(
      login.action,
      postForm('/logga-in', { email: coordinator.email, password: TEST_PASSWORD }, before.device),
    )
    expect(again.status).toBe(302)
    expect(again.location).toBe('/logga-in/kod')
    const code = await callRoute(
      codePage.action,
      postForm(
        '/logga-in/kod',
        { intent: 'code', code: totpCodeAt(totpKey, new Date(), 1) },
        `${cookieFrom(again.response, 'session')}; ${before.device}`,
      ),
    )
    expect(code.status).toBe(302)
    expect(code.location).toBe('/')
  })

  it('gives a device that signed in before a count of its own: ten failures there slow that device, not the account', async () => {
    const user = await makeUser(db(), { email: 'nils.ek@example.org' })
    const { device } = await signInThroughTheForm(user.email)
    expect(device).not.toBe('')
    const deviceToken = deviceTokenOf(device)
    const fromDevice = (password: string, at: Date) =>
      attemptLogin(db(), { email: user.email, password, ip: IP, deviceToken }, at)

    for (let i = 0; i < 9; i++) expect(await fromDevice('fel-lösenord', later(i * SECOND))).toEqual(invalid)
    // Nine typos on a trusted device leave other browsers alone.
    expect(
      (await attemptLogin(db(), { email: user.email, password: TEST_PASSWORD, ip: IP }, later(10 * SECOND))).ok,
    ).toBe(true)
    expect(await fromDevice('fel-lösenord', later(11 * SECOND))).toEqual(invalid)
    expect(await fromDevice(TEST_PASSWORD, later(12 * SECOND))).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 29,
    })
    expect((await fromDevice(TEST_PASSWORD, later(41 * SECOND))).ok).toBe(true)
    // A token that never completed a sign-in for this account counts as an unknown browser.
    const other = await makeUser(db())
    for (let i = 0; i < 5; i++) {
      await attemptLogin(db(), { email: other.email, password: 'fel', ip: IP, deviceToken }, later(42 * SECOND))
    }
    expect((await throttleRows())[`account:${other.email}`]).toMatchObject({ failures: 5 })
  })

  it('does not hold back other people behind one address when 50 failures there were against known accounts', async () => {
    const targets = await Promise.all(Array.from({ length: 10 }, () => makeUser(db())))
    for (const [i, target] of targets.entries()) {
      for (let n = 0; n < 5; n++) {
        expect(
          await attemptLogin(db(), { email: target.email, password: 'fel-lösenord', ip: IP }, later(i * SECOND)),
        ).toEqual(invalid)
      }
    }
    const colleague = await makeUser(db())
    const result = await attemptLogin(db(), { email: colleague.email, password: TEST_PASSWORD, ip: IP }, later(MINUTE))
    expect(result.ok && result.user.id).toBe(colleague.id)
  })

  it('holds back an address after 50 failures for unknown addresses, counting concurrent failures, except for a device trusted for its account', async () => {
    const user = await makeUser(db())
    const { device } = await signInThroughTheForm(user.email)
    const failures = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        attemptLogin(db(), { email: `gissning-${i}@example.org`, password: 'fel-lösenord', ip: IP }, t0),
      ),
    )
    expect(failures.every((result) => !result.ok && result.reason === 'invalid')).toBe(true)

    const rows = await throttleRows()
    expect(rows[`ip:${IP}`]!.failures).toBe(50)
    expect(rows[`ip:${IP}`]!.lockedUntil).toEqual(later(15 * MINUTE))
    expect(rows['account:gissning-7@example.org']).toMatchObject({ failures: 1, lockedUntil: null })

    // The right password of an untouched account is held back from that address, not from another.
    expect(await attemptLogin(db(), { email: user.email, password: TEST_PASSWORD, ip: IP }, later(MINUTE))).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 14 * 60,
    })
    expect(
      (await attemptLogin(db(), { email: 'gissning-51@example.org', password: 'x', ip: IP }, later(MINUTE))).ok,
    ).toBe(false)
    const elsewhere = await attemptLogin(
      db(),
      { email: user.email, password: TEST_PASSWORD, ip: '198.51.100.7' },
      later(MINUTE),
    )
    expect(elsewhere.ok).toBe(true)
    // A computer that signed in to the account before is not held back by its neighbours.
    const trusted = await attemptLogin(
      db(),
      { email: user.email, password: TEST_PASSWORD, ip: IP, deviceToken: deviceTokenOf(device) },
      later(MINUTE),
    )
    expect(trusted.ok).toBe(true)
    const afterWait = await attemptLogin(
      db(),
      { email: user.email, password: TEST_PASSWORD, ip: IP },
      later(15 * MINUTE + 1),
    )
    expect(afterWait.ok).toBe(true)
  })

  it('keeps the counters in the database, shared by every app process', async () => {
    const user = await makeUser(db())
    await attemptLogin(db(), { email: user.email, password: 'fel-lösenord', ip: IP }, t0)
    await attemptLogin(db(), { email: user.email, password: 'fel-lösenord', ip: '2001:db8::1' }, later(MINUTE))
    await attemptLogin(db(), { email: 'okand@example.org', password: 'fel-lösenord', ip: '2001:db8::1' }, later(MINUTE))

    const rows = await throttleRows()
    expect(rows[`account:${user.email}`]).toMatchObject({ failures: 2, windowStartedAt: t0 })
    // An address counts only failures for addresses that are not accounts.
    expect(rows[`ip:${IP}`]).toMatchObject({ failures: 0 })
    expect(rows['ip:2001:db8::1']).toMatchObject({ failures: 1 })
  })

  it('counts wrong current passwords on /konto against the same throttle as signing in', async () => {
    const user = await makeUser(db())
    const { cookie } = await signedIn(db(), user.id)
    const change = (currentPassword: string) =>
      callRoute<{ result: FormReply }>(
        account.action,
        postForm('/konto', { currentPassword, newPassword: 'helt-ny-lösenfras' }, cookie),
      )
    for (let i = 0; i < 5; i++) {
      const wrong = await change('inte-mitt-lösen')
      expect(wrong.status).toBe(400)
      expect(wrong.body!.result.error?.currentPassword).toEqual(['account.wrongCurrent'])
    }
    const held = await change(TEST_PASSWORD)
    expect(held.status).toBe(429)
    expect(held.body!.result.error?.currentPassword).toEqual(['account.throttled'])
    const [row] = await db().select().from(users).where(eq(users.id, user.id))
    expect(await verifyPassword(row!.passwordHash!, TEST_PASSWORD)).toBe(true)
    // The same count holds back signing in from a browser the account has not used.
    expect(await attemptLogin(db(), { email: user.email, password: TEST_PASSWORD, ip: IP })).toMatchObject({
      reason: 'throttled',
    })
  })
})
