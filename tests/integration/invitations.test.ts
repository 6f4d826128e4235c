import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { invitations } from '../../app/db/schema/auth'
import { outbox } from '../../app/db/schema/mail'
import { memberships, users } from '../../app/db/schema/users'
import {
  acceptInvitation,
  findOpenInvitation,
  INVITATION_LIFETIME_MS,
  inviteUser,
} from '../../app/modules/accounts/invitations.server'
import { verifyPassword } from '../../app/modules/auth/password.server'
import { hashToken } from '../../app/modules/auth/tokens.server'
import { createMailer } from '../../app/modules/mail/mailer.server'
import { makeOrganisation, makeUser, tokenFromLink } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const ORIGIN = 'https://portal.example.org'
const t0 = new Date('2025-03-03T07:00:00Z')
const MINUTE = 60_000
const later = (ms: number) => new Date(t0.getTime() + ms)
const NEW_PASSWORD = 'ny-fras-för-åtkomst'

describe('invitations', () => {
  const db = useTestDatabase()
  const mailer = createMailer({ from: 'x@example.org' })

  async function setup() {
    const home = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: home.id })
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    return { coordinator, organisation }
  }

  async function invite(input: { actorId: string; organisationId: string; email: string }) {
    const result = await inviteUser(db(), mailer, { ...input, role: 'partner_editor', origin: ORIGIN }, t0)
    if (!result.ok) throw new Error(`invitation refused: ${result.error}`)
    const [message] = await db().select().from(outbox).where(eq(outbox.to, input.email.trim()))
    return { result, message: message!, token: tokenFromLink(message!.text, ORIGIN, 'inbjudan') }
  }

  const auditFor = (entity: string) => db().select().from(auditLog).where(eq(auditLog.entity, entity))

  it('stores only the token hash and writes the link to the outbox', async () => {
    const { coordinator, organisation } = await setup()
    const { result, message, token } = await invite({
      actorId: coordinator.id,
      organisationId: organisation.id,
      email: ' ny.person@example.org ',
    })

    expect(result.delivery).toBe('outbox')
    expect(message.to).toBe('ny.person@example.org')
    expect(message.subject).toContain('Vårgårda Bostäder AB')
    expect(message.text).toContain(`${ORIGIN}/inbjudan/${token}`)
    expect(message.text).toContain('redaktör för organisationen')
    expect(await db().select().from(outbox)).toHaveLength(1)

    const [row] = await db().select().from(invitations)
    expect(row).toMatchObject({
      email: 'ny.person@example.org',
      organisationId: organisation.id,
      role: 'partner_editor',
      invitedBy: coordinator.id,
      usedAt: null,
      expiresAt: later(INVITATION_LIFETIME_MS),
    })
    expect(row!.tokenHash).toBe(hashToken(token))
    expect(JSON.stringify(row)).not.toContain(token)

    const entries = await auditFor('invitation')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      userId: coordinator.id,
      organisationId: organisation.id,
      entityId: row!.id,
      action: 'create',
      changes: {
        email: { before: null, after: 'ny.person@example.org' },
        role: { before: null, after: 'partner_editor' },
      },
    })

    const open = await findOpenInvitation(db(), token, later(MINUTE))
    expect(open).toMatchObject({ organisationName: 'Vårgårda Bostäder AB', existingUser: null })
    expect(open?.invitation.id).toBe(row!.id)
    expect(await findOpenInvitation(db(), row!.tokenHash, later(MINUTE))).toBeNull()
    expect(await findOpenInvitation(db(), 'b'.repeat(32), later(MINUTE))).toBeNull()
  })

  it('creates the user and the membership once, with audit entries in the same transaction', async () => {
    const { coordinator, organisation } = await setup()
    const { token } = await invite({
      actorId: coordinator.id,
      organisationId: organisation.id,
      email: 'per.ny@example.org',
    })

    const accepted = await acceptInvitation(db(), { token, name: '  Per Ny ', password: NEW_PASSWORD }, later(MINUTE))
    expect(accepted.ok).toBe(true)
    if (!accepted.ok) return

    const [user] = await db().select().from(users).where(eq(users.id, accepted.userId))
    expect(user).toMatchObject({ email: 'per.ny@example.org', name: 'Per Ny', active: true })
    expect(await verifyPassword(user!.passwordHash!, NEW_PASSWORD)).toBe(true)
    expect(await db().select().from(memberships).where(eq(memberships.userId, user!.id))).toMatchObject([
      { organisationId: organisation.id, role: 'partner_editor' },
    ])

    const [used] = await db().select().from(invitations)
    expect(used!.usedAt).toEqual(later(MINUTE))

    expect(await auditFor('user')).toMatchObject([
      { userId: user!.id, organisationId: organisation.id, entityId: user!.id, action: 'create' },
    ])
    expect(await auditFor('membership')).toMatchObject([
      {
        userId: user!.id,
        organisationId: organisation.id,
        entityId: `${user!.id}:${organisation.id}`,
        action: 'create',
        changes: { role: { before: null, after: 'partner_editor' } },
      },
    ])

    // Single use.
    expect(
      await acceptInvitation(db(), { token, name: 'Någon Annan', password: NEW_PASSWORD }, later(2 * MINUTE)),
    ).toEqual({
      ok: false,
      error: 'invalidToken',
    })
    expect(await findOpenInvitation(db(), token, later(2 * MINUTE))).toBeNull()
    expect(await db().select().from(users).where(eq(users.email, 'per.ny@example.org'))).toHaveLength(1)
    expect(await auditFor('membership')).toHaveLength(1)
  })

  it('lets only one of two simultaneous submits use the invitation', async () => {
    const { coordinator, organisation } = await setup()
    const { token } = await invite({
      actorId: coordinator.id,
      organisationId: organisation.id,
      email: 'dubbel@example.org',
    })

    const results = await Promise.all([
      acceptInvitation(db(), { token, name: 'Första', password: NEW_PASSWORD }, later(MINUTE)),
      acceptInvitation(db(), { token, name: 'Andra', password: NEW_PASSWORD }, later(MINUTE)),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'invalidToken' }])
    expect(await db().select().from(users).where(eq(users.email, 'dubbel@example.org'))).toHaveLength(1)
    expect(await auditFor('membership')).toHaveLength(1)
  })

  it('expires after 7 days', async () => {
    const { coordinator, organisation } = await setup()
    const { token } = await invite({
      actorId: coordinator.id,
      organisationId: organisation.id,
      email: 'sen@example.org',
    })

    expect(await findOpenInvitation(db(), token, later(INVITATION_LIFETIME_MS - MINUTE))).not.toBeNull()
    expect(await findOpenInvitation(db(), token, later(INVITATION_LIFETIME_MS + MINUTE))).toBeNull()
    expect(
      await acceptInvitation(
        db(),
        { token, name: 'Sen Person', password: NEW_PASSWORD },
        later(INVITATION_LIFETIME_MS + MINUTE),
      ),
    ).toEqual({ ok: false, error: 'invalidToken' })
    expect(await db().select().from(users).where(eq(users.email, 'sen@example.org'))).toEqual([])
    expect(await auditFor('user')).toEqual([])
  })

  it('gives an existing user the membership without touching the password', async () => {
    const { coordinator, organisation } = await setup()
    const first = await makeOrganisation(db())
    const existing = await makeUser(db(), { email: 'Maja.Redan@example.org', role: 'viewer', organisationId: first.id })
    const { token } = await invite({
      actorId: coordinator.id,
      organisationId: organisation.id,
      email: 'maja.redan@EXAMPLE.org',
    })

    const open = await findOpenInvitation(db(), token, later(MINUTE))
    expect(open?.existingUser).toEqual({ id: existing.id, name: existing.name })

    // The link alone is not enough: the account must be signed in.
    expect(await acceptInvitation(db(), { token, password: 'försök-byta-lösen' }, later(MINUTE))).toEqual({
      ok: false,
      error: 'signInRequired',
    })
    // A password sent along is ignored for an existing account.
    expect(
      await acceptInvitation(
        db(),
        { token, password: 'försök-byta-lösen', signedInUserId: existing.id },
        later(MINUTE),
      ),
    ).toEqual({
      ok: true,
      userId: existing.id,
    })
    const [after] = await db().select().from(users).where(eq(users.id, existing.id))
    expect(after!.passwordHash).toBe(existing.passwordHash)
    const rows = await db().select().from(memberships).where(eq(memberships.userId, existing.id))
    expect(rows.map((row) => [row.organisationId, row.role]).sort()).toEqual(
      [
        [first.id, 'viewer'],
        [organisation.id, 'partner_editor'],
      ].sort(),
    )
    expect(await db().select().from(users)).toHaveLength(2)
    expect(await auditFor('user')).toEqual([])
    expect(await auditFor('membership')).toMatchObject([{ userId: existing.id, organisationId: organisation.id }])
  })

  it('refuses a deactivated user and leaves the invitation unused', async () => {
    const { coordinator, organisation } = await setup()
    const inactive = await makeUser(db(), { email: 'avslutad@example.org', active: false })
    const { token } = await invite({ actorId: coordinator.id, organisationId: organisation.id, email: inactive.email })

    expect(await acceptInvitation(db(), { token }, later(MINUTE))).toEqual({ ok: false, error: 'inactiveUser' })
    expect(await db().select().from(memberships).where(eq(memberships.userId, inactive.id))).toEqual([])
    const [row] = await db().select().from(invitations)
    expect(row!.usedAt).toBeNull()
    expect(await auditFor('membership')).toEqual([])
  })

  it('refuses to invite a member of the organisation again, or to a missing organisation', async () => {
    const { coordinator, organisation } = await setup()
    const member = await makeUser(db(), {
      email: 'redan.med@example.org',
      role: 'viewer',
      organisationId: organisation.id,
    })

    expect(
      await inviteUser(
        db(),
        mailer,
        {
          actorId: coordinator.id,
          organisationId: organisation.id,
          email: 'REDAN.MED@example.org',
          role: 'partner_editor',
          origin: ORIGIN,
        },
        t0,
      ),
    ).toEqual({ ok: false, error: 'alreadyMember' })
    expect(
      await inviteUser(
        db(),
        mailer,
        {
          actorId: coordinator.id,
          organisationId: '00000000-0000-4000-8000-000000000000',
          email: 'ny@example.org',
          role: 'viewer',
          origin: ORIGIN,
        },
        t0,
      ),
    ).toEqual({ ok: false, error: 'organisationMissing' })

    expect(await db().select().from(invitations)).toEqual([])
    expect(await db().select().from(outbox)).toEqual([])
    expect(await auditFor('invitation')).toEqual([])
    expect(
      await db()
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, member.id), eq(memberships.organisationId, organisation.id))),
    ).toMatchObject([{ role: 'viewer' }])
  })
})
