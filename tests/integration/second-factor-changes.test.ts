import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { recoveryCodes, totpCredentials } from '../../app/db/schema/auth'
import { totpCodeAt } from '../../app/modules/auth/totp'
import * as secondFactorPage from '../../app/routes/konto_.tvastegsverifiering'
import * as login from '../../app/routes/logga-in'
import * as codePage from '../../app/routes/logga-in_.kod'
import { getRequest, makeUser, signedIn, TEST_PASSWORD } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// Item 9 of issue 14: a session alone (say, one left open on a shared
// computer) may not replace the authenticator app, turn it off or make new
// recovery codes: each needs a current code from the app or the password.

type Enrolment = { key: string; secret: string }
type PageBody = { enrolment: Enrolment | null }
type ActionBody = {
  codes: string[] | null
  off: boolean
  errors: Record<string, string>
  values?: Record<string, string>
  enrolment: Enrolment | null
  minutes?: number
}

const PATH = '/konto/tvastegsverifiering'
const keyOf = (secret: string) => decodeBase32IgnorePadding(secret.replace(/\s/g, ''))

describe('changing a second factor that is set up', () => {
  const db = useTestDatabase()

  /** An account with an app, signed in with it; the app's key and the step its last code used. */
  async function enrolled(role: 'partner_editor' | 'coordinator' = 'partner_editor') {
    const user = await makeUser(db(), { role })
    const { cookie } = await signedIn(db(), user.id, { twoFactorVerified: false })
    const page = await callRoute<PageBody>(secondFactorPage.loader, getRequest(PATH, cookie))
    const key = keyOf(page.body!.enrolment!.secret)
    const done = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'enrol', key: page.body!.enrolment!.key, code: totpCodeAt(key, new Date()) }, cookie),
    )
    expect(done.body!.codes).toHaveLength(10)
    let step = 0
    return { user, cookie, key, nextCode: () => totpCodeAt(key, new Date(), ++step) }
  }

  async function newApp(cookie: string) {
    const page = await callRoute<PageBody>(secondFactorPage.loader, getRequest(`${PATH}?byt=1`, cookie))
    const enrolment = page.body!.enrolment!
    return { field: enrolment.key, key: keyOf(enrolment.secret) }
  }

  const storedKey = async (userId: string) =>
    (await db().select().from(totpCredentials).where(eq(totpCredentials.userId, userId)))[0]!.key
  const storedCodes = async (userId: string) =>
    (await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).map((row) => row.codeHash).sort()

  it('refuses to replace the app without a current code or the password, and keeps the other input', async () => {
    const { user, cookie, nextCode } = await enrolled()
    const before = { key: await storedKey(user.id), codes: await storedCodes(user.id) }
    const replacement = await newApp(cookie)
    const newCode = totpCodeAt(replacement.key, new Date())

    const bare = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'enrol', key: replacement.field, code: newCode }, cookie),
    )
    expect(bare.status).toBe(400)
    expect(bare.body!.codes).toBeNull()
    expect(bare.body!.errors).toEqual({ currentCode: 'secondFactor.confirm.missing' })

    const wrong = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'enrol', key: replacement.field, code: newCode, currentCode: '000000' }, cookie),
    )
    expect(wrong.status).toBe(400)
    expect(wrong.body!.errors).toEqual({ currentCode: 'secondFactor.code.wrong' })
    // The new app's key and its code stay on the page.
    expect(wrong.body!.enrolment!.key).toBe(replacement.field)
    expect(wrong.body!.values).toEqual({ code: newCode })
    // On the page: the Swedish message at the field, the new app's code still typed in.
    const loaderData = (await callRoute(secondFactorPage.loader, getRequest(`${PATH}?byt=1`, cookie))).body
    const html = await renderRoute(secondFactorPage.default, { loaderData, actionData: wrong.body })
    expect(html).toMatch(/<p class="field__error" id="[^"]+">Koden stämmer inte[^<]*<\/p><input[^>]*name="currentCode"/)
    expect(html).toMatch(new RegExp(`name="code"[^>]*value="${newCode}"`))

    const wrongPassword = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(
        PATH,
        { intent: 'enrol', key: replacement.field, code: newCode, currentPassword: 'fel lösenord' },
        cookie,
      ),
    )
    expect(wrongPassword.status).toBe(400)
    expect(wrongPassword.body!.errors).toEqual({ currentPassword: 'secondFactor.confirm.wrongPassword' })
    expect(wrongPassword.body!.values).toEqual({ code: newCode })

    expect(await storedKey(user.id)).toBe(before.key)
    expect(await storedCodes(user.id)).toEqual(before.codes)

    const confirmed = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'enrol', key: replacement.field, code: newCode, currentCode: nextCode() }, cookie),
    )
    expect(confirmed.status).toBe(200)
    expect(confirmed.body!.codes).toHaveLength(10)
    expect(await storedKey(user.id)).toBe(replacement.field)
  })

  it('accepts the password instead of a code, for someone who signed in with a recovery code', async () => {
    const { user, cookie } = await enrolled()
    const replacement = await newApp(cookie)
    const replaced = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(
        PATH,
        {
          intent: 'enrol',
          key: replacement.field,
          code: totpCodeAt(replacement.key, new Date()),
          currentPassword: TEST_PASSWORD,
        },
        cookie,
      ),
    )
    expect(replaced.status).toBe(200)
    expect(await storedKey(user.id)).toBe(replacement.field)

    const renewed = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'renew', currentPassword: TEST_PASSWORD }, cookie),
    )
    expect(renewed.body!.codes).toHaveLength(10)
    const off = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'off', currentPassword: TEST_PASSWORD }, cookie),
    )
    expect(off.body!.off).toBe(true)
  })

  it('refuses new recovery codes and turning it off with neither, or with a wrong one', async () => {
    const { user, cookie } = await enrolled()
    const before = await storedCodes(user.id)
    for (const intent of ['renew', 'off']) {
      const bare = await callRoute<ActionBody>(secondFactorPage.action, postForm(PATH, { intent }, cookie))
      expect(bare.status).toBe(400)
      expect(bare.body!.errors).toEqual({ currentCode: 'secondFactor.confirm.missing' })
      const wrong = await callRoute<ActionBody>(
        secondFactorPage.action,
        postForm(PATH, { intent, currentPassword: 'inte mitt lösenord' }, cookie),
      )
      expect(wrong.status).toBe(400)
      expect(wrong.body!.errors).toEqual({ currentPassword: 'secondFactor.confirm.wrongPassword' })
    }
    expect(await storedCodes(user.id)).toEqual(before)
    expect(await db().select().from(totpCredentials).where(eq(totpCredentials.userId, user.id))).toHaveLength(1)
  })

  it('counts wrong codes here with the sign-in code page', async () => {
    const { user, cookie, nextCode } = await enrolled()
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const guess = await callRoute(
        secondFactorPage.action,
        postForm(PATH, { intent: 'renew', currentCode: '123456' }, cookie),
      )
      statuses.push(guess.status)
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400])
    const locked = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'renew', currentCode: nextCode() }, cookie),
    )
    expect(locked.status).toBe(429)
    expect(locked.body!.errors).toEqual({ currentCode: 'secondFactor.code.throttled' })
    expect(locked.body!.codes).toBeNull()

    // The same account's sign-in code page is throttled too.
    const other = await signedIn(db(), user.id, { twoFactorVerified: false })
    const signIn = await callRoute(
      codePage.action,
      postForm('/logga-in/kod', { intent: 'code', code: nextCode() }, other.cookie),
    )
    expect(signIn.status).toBe(429)
  })

  it('counts wrong passwords here with sign-in', async () => {
    const { user, cookie } = await enrolled()
    for (let i = 0; i < 5; i++) {
      const guess = await callRoute(
        secondFactorPage.action,
        postForm(PATH, { intent: 'renew', currentPassword: `gissning ${i}` }, cookie),
      )
      expect(guess.status).toBe(400)
    }
    const locked = await callRoute<ActionBody>(
      secondFactorPage.action,
      postForm(PATH, { intent: 'renew', currentPassword: TEST_PASSWORD }, cookie),
    )
    expect(locked.status).toBe(429)
    expect(locked.body!.errors).toEqual({ currentPassword: 'secondFactor.confirm.throttled' })
    const signIn = await callRoute(login.action, postForm('/logga-in', { email: user.email, password: TEST_PASSWORD }))
    expect(signIn.status).toBe(429)
  })
})
