import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { invitations } from '../../app/db/schema/auth'
import { outbox } from '../../app/db/schema/mail'
import { memberships, type Role } from '../../app/db/schema/users'
import { acceptInvitation, inviteUser } from '../../app/modules/accounts/invitations.server'
import { createMailer } from '../../app/modules/mail/mailer.server'
import * as invitationPage from '../../app/routes/inbjudan.$token'
import * as login from '../../app/routes/logga-in'
import { getRequest, makeOrganisation, makeUser, signedIn, TEST_PASSWORD, tokenFromLink } from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// Item 6 of issue 14: an invitation link alone never signs an existing account in.

const ORIGIN = 'https://portal.example.org'
const mailer = createMailer({ from: 'x@example.org' })

type Page = { state: string; signInHref?: string; signedInAs?: string }

describe('accepting an invitation for an existing account', () => {
  const db = useTestDatabase()

  async function invite(email: string, organisationId: string, role: Role = 'partner_editor') {
    const home = await makeOrganisation(db())
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: home.id })
    const result = await inviteUser(db(), mailer, {
      actorId: coordinator.id,
      organisationId,
      email,
      role,
      origin: ORIGIN,
    })
    if (!result.ok) throw new Error(`invitation refused: ${result.error}`)
    const sent = await db().select().from(outbox).where(eq(outbox.to, email))
    return tokenFromLink(sent.at(-1)!.text, ORIGIN, 'inbjudan')
  }

  const membershipsOf = async (userId: string) =>
    (await db().select().from(memberships).where(eq(memberships.userId, userId)))
      .map((row) => [row.organisationId, row.role])
      .sort()

  it('gives no session to a signed-out visitor with the link: they are sent to sign in and back', async () => {
    const organisation = await makeOrganisation(db())
    const existing = await makeUser(db(), { role: 'viewer' })
    const token = await invite(existing.email, organisation.id)
    const before = await membershipsOf(existing.id)

    const post = await callRoute(invitationPage.action, postForm(`/inbjudan/${token}`, {}), { token })
    expect(post.status).toBeGreaterThanOrEqual(400)
    expect(post.response?.headers.get('Set-Cookie') ?? '').not.toMatch(/session=/)
    expect(await membershipsOf(existing.id)).toEqual(before)
    const [row] = await db().select().from(invitations)
    expect(row!.usedAt).toBeNull()

    const page = await callRoute<Page>(invitationPage.loader, getRequest(`/inbjudan/${token}`), { token })
    expect(page.body).toMatchObject({
      state: 'signIn',
      signInHref: `/logga-in?redirectTo=${encodeURIComponent(`/inbjudan/${token}`)}`,
    })

    // The sign-in form, with the same-path redirectTo, comes back to the invitation.
    const signIn = await callRoute(
      login.action,
      postForm('/logga-in', { email: existing.email, password: TEST_PASSWORD, redirectTo: `/inbjudan/${token}` }),
    )
    expect(signIn.status).toBe(302)
    expect(signIn.location).toBe(`/inbjudan/${token}`)
  })

  it('sends an account with a second factor through the code before it comes back', async () => {
    const organisation = await makeOrganisation(db())
    const existing = await makeUser(db(), { role: 'coordinator' })
    const token = await invite(existing.email, organisation.id, 'viewer')
    const signIn = await callRoute(
      login.action,
      postForm('/logga-in', { email: existing.email, password: TEST_PASSWORD, redirectTo: `/inbjudan/${token}` }),
    )
    // A coordinator without an app sets one up first; then the redirect leads back.
    expect(signIn.location).toBe(`/konto/tvastegsverifiering?redirectTo=${encodeURIComponent(`/inbjudan/${token}`)}`)
    const halfway = /session=[^;]+/.exec(signIn.response!.headers.get('Set-Cookie')!)![0]
    const page = await callRoute<Page>(invitationPage.loader, getRequest(`/inbjudan/${token}`, halfway), { token })
    expect(page.body!.state).toBe('signIn')
    const post = await callRoute(invitationPage.action, postForm(`/inbjudan/${token}`, {}, halfway), { token })
    expect(post.status).toBeGreaterThanOrEqual(400)
    expect(await membershipsOf(existing.id)).toHaveLength(1)
  })

  it('lets the invited account, signed in, accept with one button, keeping its session', async () => {
    const organisation = await makeOrganisation(db())
    const existing = await makeUser(db(), { role: 'viewer' })
    const token = await invite(existing.email, organisation.id)
    const { cookie } = await signedIn(db(), existing.id)

    const page = await callRoute<Page>(invitationPage.loader, getRequest(`/inbjudan/${token}`, cookie), { token })
    expect(page.body!.state).toBe('accept')

    const post = await callRoute(invitationPage.action, postForm(`/inbjudan/${token}`, {}, cookie), { token })
    expect(post.status).toBe(302)
    expect(post.location).toBe('/')
    expect(post.response?.headers.get('Set-Cookie') ?? '').not.toMatch(/session=/)
    expect(await membershipsOf(existing.id)).toContainEqual([organisation.id, 'partner_editor'])
  })

  it('refuses someone signed in as another account, and says so', async () => {
    const organisation = await makeOrganisation(db())
    const invited = await makeUser(db(), { role: 'viewer' })
    const other = await makeUser(db(), { role: 'partner_editor', name: 'Olle Annan' })
    const token = await invite(invited.email, organisation.id)
    const { cookie } = await signedIn(db(), other.id)

    const page = await callRoute<Page>(invitationPage.loader, getRequest(`/inbjudan/${token}`, cookie), { token })
    expect(page.body).toMatchObject({ state: 'wrongAccount', signedInAs: 'Olle Annan' })

    const post = await callRoute(invitationPage.action, postForm(`/inbjudan/${token}`, {}, cookie), { token })
    expect(post.status).toBe(403)
    expect(await membershipsOf(invited.id)).toHaveLength(1)
    expect(await membershipsOf(other.id)).toHaveLength(1)
    const [row] = await db().select().from(invitations)
    expect(row!.usedAt).toBeNull()
  })

  it('refuses in the domain function, too, without the signed-in account', async () => {
    const organisation = await makeOrganisation(db())
    const existing = await makeUser(db(), { role: 'viewer' })
    const stranger = await makeUser(db())
    const token = await invite(existing.email, organisation.id)
    expect(await acceptInvitation(db(), { token, name: 'X', password: 'en lång fras här' })).toEqual({
      ok: false,
      error: 'signInRequired',
    })
    expect(await acceptInvitation(db(), { token, signedInUserId: stranger.id })).toEqual({
      ok: false,
      error: 'signInRequired',
    })
    expect(await membershipsOf(existing.id)).toHaveLength(1)
  })

  it('never lowers a role: a coordinator invited as viewer stays coordinator', async () => {
    const home = await makeOrganisation(db())
    const other = await makeOrganisation(db())
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: home.id })
    const token = await invite(coordinator.email, other.id, 'viewer')
    expect(await acceptInvitation(db(), { token, signedInUserId: coordinator.id })).toMatchObject({ ok: true })
    expect(await membershipsOf(coordinator.id)).toEqual(
      [
        [home.id, 'coordinator'],
        [other.id, 'viewer'],
      ].sort(),
    )
  })

  it('keeps the higher role when the account became a member of the organisation after the invitation', async () => {
    const organisation = await makeOrganisation(db())
    const person = await makeUser(db())
    const token = await invite(person.email, organisation.id, 'viewer')
    await db()
      .insert(memberships)
      .values({ userId: person.id, organisationId: organisation.id, role: 'partner_editor' })
    expect(await acceptInvitation(db(), { token, signedInUserId: person.id })).toMatchObject({ ok: true })
    expect(await membershipsOf(person.id)).toEqual([[organisation.id, 'partner_editor']])

    // And raises a lower one.
    const second = await makeOrganisation(db())
    const raised = await invite(person.email, second.id, 'partner_editor')
    await db().insert(memberships).values({ userId: person.id, organisationId: second.id, role: 'viewer' })
    expect(await acceptInvitation(db(), { token: raised, signedInUserId: person.id })).toMatchObject({ ok: true })
    const [row] = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, person.id), eq(memberships.organisationId, second.id)))
    expect(row!.role).toBe('partner_editor')
  })

  it('still lets a new address set its password from the link, and signs that new account in', async () => {
    const organisation = await makeOrganisation(db())
    const token = await invite('helt.ny@example.org', organisation.id)
    const page = await callRoute<Page>(invitationPage.loader, getRequest(`/inbjudan/${token}`), { token })
    expect(page.body!.state).toBe('newAccount')
    const post = await callRoute(
      invitationPage.action,
      postForm(`/inbjudan/${token}`, { name: 'Helt Ny', password: 'en lång fras här' }),
      { token },
    )
    expect(post.status).toBe(302)
    expect(post.response!.headers.get('Set-Cookie')).toMatch(/session=/)
  })
})
