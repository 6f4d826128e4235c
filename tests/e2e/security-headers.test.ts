import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { baseUrl, expectNoAxeViolations, setupBrowser, visit } from '../support/e2e-browser'

const browser = setupBrowser()

function nonceOf(csp: string | null | undefined): string {
  const nonce = csp?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1]
  if (!nonce) throw new Error(`No nonce in Content-Security-Policy: ${csp}`)
  return nonce
}

/** A POST that announces a body of `length` bytes and sends none: the server must refuse on the header alone. */
function postAnnouncing(length: number): Promise<{ status: number; body: string }> {
  const target = new URL('/logga-in', baseUrl())
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: {
          Origin: target.origin,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': String(length),
        },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body })
          req.destroy()
        })
      },
    )
    req.on('error', reject)
    req.flushHeaders()
  })
}

describe('security headers and request checks', () => {
  it('sends a CSP nonce that every script on the page carries, and the usual headers', async () => {
    const page = await browser.open()
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    const response = await visit(page, '/logga-in')
    const headers = await response.allHeaders()
    const csp = headers['content-security-policy']
    const nonce = nonceOf(csp)
    expect(csp).toContain("script-src 'self' 'nonce-")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('same-origin')
    expect(headers['x-frame-options']).toBe('DENY')

    const scripts = await page.locator('script').evaluateAll((elements) =>
      elements.map((element) => ({
        inline: !(element as HTMLScriptElement).src,
        nonce: (element as HTMLScriptElement).nonce,
        type: (element as HTMLScriptElement).type,
      })),
    )
    // The server-rendered page has the Remix context and the module loader inline.
    expect(scripts.filter((script) => script.inline).length).toBeGreaterThanOrEqual(2)
    for (const script of scripts) expect(script).toMatchObject({ nonce })

    // The scripts were allowed to run: Remix hydrated and its router took over.
    await page.waitForFunction(
      () =>
        (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state
          .initialized === true,
    )
    await page.getByRole('button', { name: 'In English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
    await expectNoAxeViolations(page)

    // Every response gets a fresh nonce.
    const again = await fetch(new URL('/logga-in', baseUrl()))
    expect(nonceOf(again.headers.get('content-security-policy'))).not.toBe(nonce)
  })

  it('refuses a form post from another site with 403', async () => {
    const response = await fetch(new URL('/logga-in', baseUrl()), {
      method: 'POST',
      headers: { Origin: 'https://evil.example.org', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'karin.ek@example.org', password: 'gissning' }),
      redirect: 'manual',
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
    const body = await response.text()
    expect(body).toContain('Begäran nekades')
    expect(body).toContain('lang="sv"')
  })

  it('refuses a post without Origin or Sec-Fetch-Site with 403', async () => {
    const response = await fetch(new URL('/logga-in', baseUrl()), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40example.org&password=x',
      redirect: 'manual',
    })
    expect(response.status).toBe(403)
  })

  it('accepts a same-origin post (the check is not refusing everything)', async () => {
    const response = await fetch(new URL('/logga-in', baseUrl()), {
      method: 'POST',
      headers: { Origin: new URL(baseUrl()).origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'ingen.alls@example.org', password: 'fel lösenord' }),
      redirect: 'manual',
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Fel e-postadress eller lösenord.')
  })

  it('refuses a body over 1 MiB with 413 before reading it', async () => {
    const tooLarge = await postAnnouncing(1024 * 1024 + 1)
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.body).toContain('För mycket data')
  })
})
