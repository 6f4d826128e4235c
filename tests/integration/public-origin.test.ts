import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { outbox } from '../../app/db/schema/mail'
import { action as forgotPassword } from '../../app/routes/glomt-losenord'
import { action as meetingsAction } from '../../app/routes/moten+/_index'
import { makeOrganisation, makeUser, signedIn } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

// The tests run without PUBLIC_URL outside production: the portal's origin is then localhost on its port.
const PORTAL = 'http://localhost:3000'
const EVIL = 'http://evil.example.org:9999'
const context = { clientIp: '192.0.2.44', cspNonce: '', requestId: 'test' }

/** A request as an attacker sends it: the Host, Origin and forwarding headers all name their own server. */
function forged(url: string, init: RequestInit = {}): Request {
  return new Request(`${EVIL}${url}`, {
    ...init,
    headers: {
      Host: 'evil.example.org:9999',
      Origin: EVIL,
      'X-Forwarded-Host': 'evil.example.org:9999',
      'X-Forwarded-Proto': 'http',
      ...(init.headers as Record<string, string> | undefined),
    },
  })
}

async function outboxWhenSent(db: ReturnType<ReturnType<typeof useTestDatabase>>, count: number) {
  const deadline = Date.now() + 5_000
  for (;;) {
    const rows = await db.select().from(outbox)
    if (rows.length >= count || Date.now() > deadline) return rows
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe("links are built from the portal's own origin, never from request headers", () => {
  const db = useTestDatabase()

  it('mails a password-reset link to the portal, whatever Host the request names (reset poisoning)', async () => {
    const organisation = await makeOrganisation(db())
    await makeUser(db(), { email: 'offer@example.org', role: 'partner_editor', organisationId: organisation.id })
    const request = forged('/glomt-losenord', {
      method: 'POST',
      body: new URLSearchParams({ email: 'offer@example.org' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    await forgotPassword({ request, params: {}, context })
    const [mail] = await outboxWhenSent(db(), 1)
    expect(mail?.text).toContain(`${PORTAL}/aterstall/`)
    expect(mail?.text).not.toContain('evil.example.org')
  })

  it('gives the calendar feed address on the portal', async () => {
    const organisation = await makeOrganisation(db())
    const user = await makeUser(db(), { role: 'partner_editor', organisationId: organisation.id })
    const { cookie } = await signedIn(db(), user.id)
    const request = forged('/moten', {
      method: 'POST',
      body: new URLSearchParams({ intent: 'calendarFeed' }),
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    const result = await meetingsAction({ request, params: {}, context })
    const feed = JSON.stringify(result)
    expect(feed).toContain(`${PORTAL}/kalender/`)
    expect(feed).not.toContain('evil.example.org')
  })

  // One rule, checked over the source: no module takes an origin or host from a request.
  it('has no module that reads an origin from the request', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8')
          if (/request\.url\)\.(origin|host)|headers\.get\(['"](host|x-forwarded-host|origin)['"]\)/i.test(text))
            offenders.push(full)
        }
      }
    }
    walk(path.join(process.cwd(), 'app'))
    expect(offenders).toEqual([])
  })
})
