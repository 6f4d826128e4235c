import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { recoveryCodes, sessions, totpCredentials } from '../../app/db/schema/auth'
import { isCommonPassword } from '../../app/modules/auth/common-passwords.server'
import { totpCodeAt } from '../../app/modules/auth/totp'
import type { FormReply } from '../../app/modules/forms/submission'
import * as usersAdmin from '../../app/routes/admin+/anvandare'
import * as home from '../../app/routes/_index'
import * as account from '../../app/routes/konto'
import * as secondFactorPage from '../../app/routes/konto_.tvastegsverifiering'
import * as login from '../../app/routes/logga-in'
import * as codePage from '../../app/routes/logga-in_.kod'
import { getRequest, makeOrganisation, makeUser, signedIn, TEST_PASSWORD } from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

/** The cookie a redirect with Set-Cookie gives the browser. */
function cookieOf(response: Response | null): string {
  const header = response?.headers.get('Set-Cookie') ?? ''
  const match = /session=([^;]+)/.exec(header)
  if (!match) throw new Error(`No session cookie in: ${header}`)
  return `session=${match[1]}`
}

/** The device cookie a complete sign-in leaves, as the browser sends it back; '' when there is none. */
function deviceCookieOf(response: Response | null): string {
  const match = /(?:^|[,;]\s*)device=([a-z2-7]+)/.exec(response?.headers.get('Set-Cookie') ?? '')
  return match ? `device=${match[1]}` : ''
}

async function signInWithPassword(email: string, device?: string) {
  const result = await callRoute(
    login.action,
    postForm('/logga-in', { email, password: TEST_PASSWORD, redirectTo: '/moten' }, device),
  )
  expect(result.status).toBe(302)
  return { cookie: cookieOf(result.response), location: result.location }
}

type EnrolPage = { enrolment: { key: string; secret: string; qrSvg: string; uri: string } | null; mustEnrol: boolean }
type ActionBody = { codes: string[] | null; errors: Record<string, string>; off: boolean }

const keyOf = (secret: string) => decodeBase32IgnorePadding(secret.replace(/\s/g, ''))

describe('the second factor', () => {
  const db = useTestDatabase()

  async function enrol(cookie: string) {
    const page = await callRoute<EnrolPage>(secondFactorPage.loader, getRequest('/konto/tvastegsverifiering', cookie))
    expect(page.status).toBe(200)
    const enrolment = page.body!.enrolment!
    const key = keyOf(enrolment.secret)
    const code = totpCodeAt(key, new Date())
    const done = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm('/konto/tvastegsverifiering', { intent: 'enrol', key: enrolment.key, code }, cookie),
    )
    expect(done.status).toBe(200)
    return { key, code, codes: done.body!.codes! }
  }

  it('makes a coordinator set up an authenticator app before anything else, then lets the session in', async () => {
    const user = await makeUser(db(), { role: 'coordinator' })
    const { cookie, location } = await signInWithPassword(user.email)
    expect(location).toBe('/konto/tvastegsverifiering?redirectTo=%2Fmoten')

    // Every page sends the half-signed-in session to the setup; a form post is refused.
    const blocked = await callRoute(home.loader, getRequest('/', cookie))
    expect(blocked.status).toBe(302)
    expect(blocked.location).toBe('/konto/tvastegsverifiering')
    const post = await callRoute(account.action, postForm('/konto', { currentPassword: 'x', newPassword: 'y' }, cookie))
    expect(post.status).toBe(401)

    const page = await callRoute<EnrolPage>(secondFactorPage.loader, getRequest('/konto/tvastegsverifiering', cookie))
    expect(page.body!.mustEnrol).toBe(true)
    const enrolment = page.body!.enrolment!
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//)
    expect(enrolment.qrSvg).toMatch(/^<svg/)
    const key = keyOf(enrolment.secret)

    // A wrong code keeps the same key on the page, so the app need not scan again.
    const wrong = await callRoute<ActionBody & { enrolment: { key: string } }>(
      secondFactorPage.action,
      postForm('/konto/tvastegsverifiering', { intent: 'enrol', key: enrolment.key, code: '000000' }, cookie),
    )
    expect(wrong.status).toBe(400)
    expect(wrong.body!.errors.code).toBe('secondFactor.enrol.wrong')
    expect(wrong.body!.enrolment.key).toBe(enrolment.key)

    const done = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(
        '/konto/tvastegsverifiering',
        { intent: 'enrol', key: enrolment.key, code: totpCodeAt(key, new Date()) },
        cookie,
      ),
    )
    expect(done.body!.codes).toHaveLength(10)
    expect(new Set(done.body!.codes).size).toBe(10)
    // Only hashes are kept.
    const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    expect(stored).toHaveLength(10)
    expect(stored.map((row) => row.codeHash)).not.toContain(done.body!.codes![0])

    expect((await callRoute(home.loader, getRequest('/', cookie))).status).toBe(200)
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'second_factor'), eq(auditLog.entityId, user.id)))
    expect(audit.map((entry) => entry.action)).toEqual(['enrol'])
  })

  it('asks for a code at the next sign-in, accepts each code once, and throttles guessing', async () => {
    const user = await makeUser(db(), { role: 'council_member' })
    const first = await signInWithPassword(user.email)
    const { key, code: spent } = await enrol(first.cookie)

    const { cookie, location } = await signInWithPassword(user.email)
    expect(location).toBe('/logga-in/kod?redirectTo=%2Fmoten')
    expect((await callRoute(home.loader, getRequest('/', cookie))).location).toBe('/logga-in/kod')

    // The code that set the app up was spent: the same time step cannot sign in again.
    const replay = await callRoute<ActionBody>(
      codePage.action,
      postForm('/logga-in/kod', { intent: 'code', code: spent, redirectTo: '/moten' }, cookie),
    )
    expect(replay.status).toBe(400)
    expect(replay.body!.errors.code).toBe('secondFactor.code.wrong')

    // The next step's code (an app a few seconds ahead) is fine, once; apps show it with a space.
    const next = totpCodeAt(key, new Date(), 1)
    const ok = await callRoute(
      codePage.action,
      postForm(
        '/logga-in/kod',
        { intent: 'code', code: `${next.slice(0, 3)} ${next.slice(3)}`, redirectTo: '/moten' },
        cookie,
      ),
    )
    expect(ok.status).toBe(302)
    expect(ok.location).toBe('/moten')
    expect((await callRoute(home.loader, getRequest('/', cookie))).status).toBe(200)

    // Someone guessing codes in another half-signed-in session is locked out after five tries.
    const other = await signInWithPassword(user.email)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const guess = await callRoute(
        codePage.action,
        postForm('/logga-in/kod', { intent: 'code', code: '123456' }, other.cookie),
      )
      statuses.push(guess.status)
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429])
    const [session] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, await sessionIdOf(other.cookie)))
    expect(session!.twoFactorVerified).toBe(false)
  })

  it("slows code guessing per session and per account without holding back the owner's own device", async () => {
    const user = await makeUser(db(), { role: 'council_member' })
    const { key, codes } = await enrol((await signInWithPassword(user.email)).cookie)
    // A complete sign-in on her own phone (password, then here a recovery code) makes it a known device.
    const own = await signInWithPassword(user.email)
    const passed = await callRoute(
      codePage.action,
      postForm('/logga-in/kod', { intent: 'recovery', recoveryCode: codes[0]! }, own.cookie),
    )
    expect(passed.status).toBe(302)
    const device = deviceCookieOf(passed.response)

    // Someone who has the password guesses codes from browsers of their own, session after session.
    const statuses: number[] = []
    for (let round = 0; round < 3; round++) {
      const attacker = await signInWithPassword(user.email)
      for (let i = 0; i < 4; i++) {
        const guess = await callRoute(
          codePage.action,
          postForm('/logga-in/kod', { intent: 'code', code: '123456' }, attacker.cookie),
        )
        statuses.push(guess.status)
      }
    }
    // The fifth wrong code of the account's unknown browsers asks for a wait, whatever the session.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429, 429, 429, 429, 429])

    // Her own phone signs in as usual meanwhile.
    const again = await signInWithPassword(user.email, device)
    const code = await callRoute(
      codePage.action,
      postForm(
        '/logga-in/kod',
        { intent: 'code', code: totpCodeAt(key, new Date(), 1), redirectTo: '/moten' },
        `${again.cookie}; ${device}`,
      ),
    )
    expect(code.status).toBe(302)
    expect(code.location).toBe('/moten')
  })

  it('lets a recovery code in once, and says how many are left', async () => {
    const user = await makeUser(db(), { role: 'coordinator' })
    const { codes } = await enrol((await signInWithPassword(user.email)).cookie)
    const { cookie } = await signInWithPassword(user.email)
    const used = await callRoute(
      codePage.action,
      postForm('/logga-in/kod', { intent: 'recovery', recoveryCode: ` ${codes[3]!.toUpperCase()} ` }, cookie),
    )
    expect(used.status).toBe(302)
    expect(used.location).toBe('/konto/tvastegsverifiering')
    expect(used.notice).toEqual({ kind: 'info', message: 'secondFactor.recovery.left', values: { count: 9 } })
    expect((await callRoute(home.loader, getRequest('/', cookie))).status).toBe(200)

    const again = await signInWithPassword(user.email)
    const reused = await callRoute<ActionBody>(
      codePage.action,
      postForm('/logga-in/kod', { intent: 'recovery', recoveryCode: codes[3]! }, again.cookie),
    )
    expect(reused.status).toBe(400)
    expect(reused.body!.errors.recoveryCode).toBe('secondFactor.recovery.wrong')
  })

  it('leaves it optional for a partner editor, who may turn it on and off; a coordinator may not turn it off', async () => {
    const editor = await makeUser(db(), { role: 'partner_editor' })
    const signed = await signInWithPassword(editor.email)
    expect(signed.location).toBe('/moten')
    const { key } = await enrol(signed.cookie)
    const off = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(
        '/konto/tvastegsverifiering',
        { intent: 'off', currentCode: totpCodeAt(key, new Date(), 1) },
        signed.cookie,
      ),
    )
    expect(off.body!.off).toBe(true)
    expect(await db().select().from(totpCredentials).where(eq(totpCredentials.userId, editor.id))).toHaveLength(0)
    expect((await signInWithPassword(editor.email)).location).toBe('/moten')

    const coordinator = await makeUser(db(), { role: 'coordinator' })
    const session = (await signInWithPassword(coordinator.email)).cookie
    const enrolled = await enrol(session)
    const refused = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(
        '/konto/tvastegsverifiering',
        { intent: 'off', currentCode: totpCodeAt(enrolled.key, new Date(), 1) },
        session,
      ),
    )
    expect(refused.status).toBe(400)
    expect(refused.body!.errors.currentCode).toBe('secondFactor.off.notAllowed')
    expect(await db().select().from(totpCredentials).where(eq(totpCredentials.userId, coordinator.id))).toHaveLength(1)
  })

  it('lets the coordinator reset the app of someone who lost their phone: their sessions end and they set it up again', async () => {
    const organisation = await makeOrganisation(db())
    const admin = await makeUser(db(), { role: 'coordinator', organisationId: organisation.id })
    const member = await makeUser(db(), { role: 'council_member' })
    const memberSession = (await signInWithPassword(member.email)).cookie
    await enrol(memberSession)

    const adminCookie = (await signedIn(db(), admin.id)).cookie
    const reset = await callRoute(
      usersAdmin.action,
      postForm('/admin/anvandare', { intent: 'resetSecondFactor', userId: member.id, name: member.name }, adminCookie),
    )
    expect(reset.status).toBe(200)
    expect(await db().select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0)
    expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, member.id))).toHaveLength(0)
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'second_factor'), eq(auditLog.action, 'remove')))
    expect(entry).toMatchObject({ userId: admin.id, entityId: member.id })
    expect((await signInWithPassword(member.email)).location).toBe('/konto/tvastegsverifiering?redirectTo=%2Fmoten')

    // Someone who is not the coordinator may not.
    const editor = await makeUser(db(), { role: 'partner_editor' })
    const denied = await callRoute(
      usersAdmin.action,
      postForm(
        '/admin/anvandare',
        { intent: 'resetSecondFactor', userId: admin.id, name: 'x' },
        (await signedIn(db(), editor.id)).cookie,
      ),
    )
    expect(denied.status).toBe(403)
  })

  it('keeps a passed second factor when the password changes, and refuses the most common passwords', async () => {
    const user = await makeUser(db(), { role: 'coordinator' })
    const { cookie } = await signedIn(db(), user.id)
    const common = await callRoute<{ result: FormReply }>(
      account.action,
      postForm('/konto', { currentPassword: TEST_PASSWORD, newPassword: 'Password1' }, cookie),
    )
    expect(common.status).toBe(400)
    expect(common.body!.result.error?.newPassword).toEqual(['password.common'])
    expect(JSON.stringify(common.body)).not.toContain(TEST_PASSWORD)
    const changed = await callRoute(
      account.action,
      postForm('/konto', { currentPassword: TEST_PASSWORD, newPassword: 'fyra ord i rad' }, cookie),
    )
    expect(changed.status).toBe(302)
    expect(changed.location).toBe('/konto')
    expect(changed.notice).toEqual({ kind: 'success', message: 'account.changed' })
    expect((await callRoute(home.loader, getRequest('/', cookieOf(changed.response)))).status).toBe(200)
    expect(isCommonPassword('sommarstuga-vid-sjön')).toBe(false)
    expect(isCommonPassword('QWERTY123')).toBe(true)
  })
})

async function sessionIdOf(cookie: string): Promise<string> {
  const { hashToken } = await import('../../app/modules/auth/tokens.server')
  return hashToken(cookie.replace('session=', ''))
}
