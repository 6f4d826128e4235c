import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl } from '../support/e2e-browser'
import { DEMO_PASSWORD, demoUsers } from '../support/e2e-constants'
import { freePort, inheritedButIgnored, snapshotBuild, stopServer, waitForHealth } from '../support/portal-server'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so that Host and the other headers a browser would not let a page set go out as written. */
function send(
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; base?: string } = {},
): Promise<Answer> {
  const url = new URL(target, options.base ?? baseUrl())
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: { Host: url.host, ...options.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.setHeader('Content-Length', Buffer.byteLength(options.body))
    req.end(options.body)
  })
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const formHeaders = () => ({ Origin: baseUrl(), 'Content-Type': 'application/x-www-form-urlencoded' })

async function signInCookie(): Promise<string> {
  const answer = await send('/logga-in', {
    method: 'POST',
    headers: formHeaders(),
    body: form({ email: demoUsers.partnerEditor, password: DEMO_PASSWORD, redirectTo: '/' }),
  })
  expect(answer.status).toBe(302)
  const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? [])
  const session = cookies.find((cookie) => /^(__Host-)?session=/.test(cookie))
  if (!session) throw new Error(`No session cookie in ${JSON.stringify(cookies)}`)
  return session.split(';')[0]!
}

describe('requests no form of the portal sends', () => {
  it.each([
    ['application/json', '{"email":"a@example.org","password":"x"}'],
    ['text/plain', 'email=a@example.org'],
    ['application/xml', '<a/>'],
  ])('refuses a %s body with 415 and the Swedish page', async (contentType, body) => {
    const answer = await send('/logga-in', {
      method: 'POST',
      headers: { Origin: baseUrl(), 'Content-Type': contentType },
      body,
    })
    expect(answer.status).toBe(415)
    expect(answer.body).toContain('<html lang="sv">')
  })

  it('answers broken multipart with 400, not 500', async () => {
    const cookie = await signInCookie()
    const answer = await send('/konto', {
      method: 'POST',
      headers: { Origin: baseUrl(), Cookie: cookie, 'Content-Type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toContain('lang="sv"')
  })

  it.each([
    ['newline', '/\n/evil.example.org'],
    ['ideographic space', '/\u3000/evil.example.org'],
    ['tab', '/\t/127.0.0.1:9999/'],
  ])('signs in with a redirectTo holding a %s and stays on the portal', async (_label, redirectTo) => {
    const answer = await send('/logga-in', {
      method: 'POST',
      headers: formHeaders(),
      body: form({ email: demoUsers.partnerEditor, password: DEMO_PASSWORD, redirectTo }),
    })
    expect(answer.status).toBe(302)
    expect(answer.headers.location).toBe('/')
    const page = await send(`/logga-in?redirectTo=${encodeURIComponent(redirectTo)}`)
    expect(page.status).toBe(200)
  })

  it('refuses a forged Host, with or without a matching Origin, and a mismatched X-Forwarded-Host, with 400', async () => {
    const reset = { method: 'POST', body: form({ email: demoUsers.coordinator }) }
    const forgedHost = await send('/glomt-losenord', {
      ...reset,
      headers: {
        Host: 'evil.example.org',
        Origin: 'http://evil.example.org',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    })
    expect(forgedHost.status).toBe(400)
    const forwarded = await send('/glomt-losenord', {
      ...reset,
      headers: { ...formHeaders(), 'X-Forwarded-Host': 'evil.example.org' },
    })
    expect(forwarded.status).toBe(400)
    expect((await send('/', { headers: { Host: 'evil.example.org' } })).status).toBe(400)
    // A load balancer's probe may use the server's address.
    expect((await send('/livez', { headers: { Host: '10.1.2.3:3000' } })).status).toBe(200)
  })
})

describe('signed-in responses', () => {
  it('carry Cache-Control: no-store, documents and data alike', async () => {
    const cookie = await signInCookie()
    for (const target of ['/', '/organisationer', '/_root.data', '/organisationer.data', '/tillganglighet']) {
      const answer = await send(target, { headers: { Cookie: cookie } })
      expect(answer.status, target).toBe(200)
      expect(answer.headers['cache-control'], target).toMatch(/no-store/)
    }
    const redirect = await send('/organisationer', {})
    expect(redirect.headers['cache-control']).toMatch(/no-store/)
  })

  it('keeps the long cache of the fingerprinted assets', async () => {
    const page = await send('/logga-in')
    const asset = page.body.match(/\/assets\/[\w.-]+\.js/)?.[0]
    expect(asset).toBeTruthy()
    const answer = await send(asset!)
    expect(answer.headers['cache-control']).toMatch(/immutable/)
  })
})

describe('a production start', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'start-check-'))
    await snapshotBuild(dir)
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** A production server on a fresh PGlite folder; with its own address as PUBLIC_URL unless told `withPublicUrl: false`. */
  async function start(extra: Record<string, string>, options: { withPublicUrl?: boolean } = {}) {
    const env: NodeJS.ProcessEnv = { ...process.env }
    for (const name of inheritedButIgnored) delete env[name]
    delete env.DEMO_PASSWORD
    const port = await freePort()
    if (options.withPublicUrl ?? true) env.PUBLIC_URL = `http://127.0.0.1:${port}`
    Object.assign(env, {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PGLITE_DIR: path.join(dir, `pglite-${port}`),
      DEMO_PASSWORD_FILE: path.join(dir, `demo-${port}.txt`),
      LOG_LEVEL: 'info',
      ...extra,
    })
    let output = ''
    const child = spawn(process.execPath, ['server.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    return {
      child,
      port,
      base: `http://127.0.0.1:${port}`,
      output: () => output,
      passwordFile: env.DEMO_PASSWORD_FILE!,
    }
  }

  it('refuses to start without PUBLIC_URL and says why, in Swedish and English', async () => {
    const server = await start({}, { withPublicUrl: false })
    const code = await new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    expect(code).toBe(1)
    expect(server.output()).toContain('PUBLIC_URL')
    expect(server.output()).toContain('saknas')
    expect(server.output()).toContain('is missing')
  })

  it('loads no demo into an empty database unless asked', async () => {
    const server = await start({})
    try {
      await waitForHealth(server.base, server.child, server.output)
      expect(server.output()).not.toContain('Demonätverket')
      const signIn = await send('/logga-in', {
        base: server.base,
        method: 'POST',
        headers: { Origin: server.base, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ email: demoUsers.coordinator, password: DEMO_PASSWORD }),
      })
      expect(signIn.status).toBe(400)
      expect(signIn.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/session=[^;]/))
    } finally {
      await stopServer(server.child)
    }
  }, 120_000)

  it('loads the demo when asked, writes its password to a file of its own and never to the log, and redacts token paths', async () => {
    const server = await start({ SEED_DEMO: 'true' })
    try {
      await waitForHealth(server.base, server.child, server.output)
      const password = (await readFile(server.passwordFile, 'utf8')).trim()
      expect(password.length).toBeGreaterThanOrEqual(12)
      expect((await stat(server.passwordFile)).mode & 0o777).toBe(0o600)
      expect(server.output()).toContain('Demonätverket är inläst')
      expect(server.output()).not.toContain(password)
      const secret = 'abcdefghijklmnopqrstuvwxyz234567'
      for (const target of [
        `/moten/svar/${secret}`,
        `/kalender/${secret}`,
        `/inbjudan/${secret}`,
        `/aterstall/${secret}`,
      ]) {
        await send(target, { base: server.base })
      }
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(server.output()).toContain('/moten/svar/[token]')
      expect(server.output()).toContain('/kalender/[token]')
      expect(server.output()).not.toContain(secret)
    } finally {
      await stopServer(server.child)
    }
  }, 120_000)
})
