import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Database, Transaction } from '~/db/client.server'
import { invitations, type Invitation } from '~/db/schema/auth'
import { organisations } from '~/db/schema/organisations'
import { memberships, users, type Role, type User } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { insertCouncilGrant } from '~/modules/council/council-members.server'
import { hashPassword } from '~/modules/auth/password.server'
import { generateToken, hashToken } from '~/modules/auth/tokens.server'
import type { Mailer } from '~/modules/mail/mailer.server'
import { roleLabelSv } from './role-labels'
import { higherRole } from './role-order'

export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000

export interface InviteInput {
  actorId: string
  email: string
  organisationId: string
  role: Role
  /** The site's origin, for the link in the e-mail. */
  origin: string
  /**
   * A council inviting an informant: only an address without an account may
   * be invited, and accepting also grants the council.
   */
  councilId?: string
}

export type InviteResult =
  | { ok: true; invitation: Invitation; delivery: 'smtp' | 'outbox' | 'failed' }
  | { ok: false; error: 'organisationMissing' | 'alreadyMember' | 'existingAccount' | 'self' }

export async function inviteUser(
  db: Database,
  mailer: Mailer,
  input: InviteInput,
  now = new Date(),
): Promise<InviteResult> {
  const email = input.email.trim()
  const token = generateToken()
  const outcome = await db.transaction(async (tx) => {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId))
    if (!organisation) return { ok: false as const, error: 'organisationMissing' as const }
    if (input.councilId) {
      // A council member could otherwise give any account, their own included, a membership elsewhere.
      const [account] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
      if (account) return { ok: false as const, error: account.id === input.actorId ? ('self' as const) : ('existingAccount' as const) }
    }
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(memberships.organisationId, organisation.id)))
    if (existing) return { ok: false as const, error: 'alreadyMember' as const }
    const [invitation] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email,
        organisationId: organisation.id,
        role: input.role,
        councilId: input.councilId ?? null,
        invitedBy: input.actorId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      })
      .returning()
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: organisation.id,
      entity: 'invitation',
      entityId: invitation!.id,
      action: 'create',
      changes: { email: { before: null, after: email }, role: { before: null, after: input.role } },
    })
    const message = {
      to: email,
      subject: `Inbjudan till områdesansvarsportalen – ${organisation.name}`,
      text: [
        'Hej!',
        '',
        `Du har bjudits in till områdesansvarsportalen för ${organisation.name} med rollen ${roleLabelSv[input.role]}.`,
        'Öppna länken för att välja namn och lösenord. Länken fungerar en gång och gäller i 7 dagar.',
        '',
        `${input.origin}/inbjudan/${token}`,
        '',
        'Om du inte väntade dig den här inbjudan kan du bortse från meddelandet.',
      ].join('\n'),
    }
    return { ok: true as const, invitation: invitation!, message }
  })
  if (!outcome.ok) return outcome
  // Sent after commit: an SMTP server is no part of the transaction. A failed
  // send leaves the invitation in place, to be sent again.
  let delivery: 'smtp' | 'outbox' | 'failed'
  try {
    delivery = await mailer.send(db, outcome.message)
  } catch {
    delivery = 'failed'
  }
  return { ok: true, invitation: outcome.invitation, delivery }
}

export interface OpenInvitation {
  invitation: Invitation
  organisationName: string
  existingUser: Pick<User, 'id' | 'name'> | null
}

/** A usable invitation: known token, not used, not expired. */
export async function findOpenInvitation(db: Database, token: string, now = new Date()): Promise<OpenInvitation | null> {
  const [row] = await db
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
  if (!row) return null
  const [existingUser] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`lower(${users.email}) = ${row.invitation.email.toLowerCase()}`)
  return { ...row, existingUser: existingUser ?? null }
}

export type AcceptResult =
  | { ok: true; userId: string }
  | { ok: false; error: 'invalidToken' | 'inactiveUser' | 'signInRequired' }

/**
 * Uses the invitation once: a new person sets name and password; a person who
 * already has an account must be signed in as that account (password and any
 * second factor, as always) and only gains the membership, never a lower role
 * than one they hold in that organisation.
 */
export async function acceptInvitation(
  db: Database,
  input: { token: string; name?: string; password?: string; signedInUserId?: string },
  now = new Date(),
): Promise<AcceptResult> {
  const passwordHash = input.password ? await hashPassword(input.password) : null
  return db.transaction(async (tx) => {
    // Locking the row makes a double submit use the invitation only once.
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, hashToken(input.token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
      .for('update')
    if (!invitation) return { ok: false as const, error: 'invalidToken' as const }
    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${invitation.email.toLowerCase()}`)
    if (user && !user.active) return { ok: false as const, error: 'inactiveUser' as const }
    // A council invites new informants only: an account made since then does not take it.
    if (user && invitation.councilId) return { ok: false as const, error: 'invalidToken' as const }
    // The link alone is no proof of being the account's owner.
    if (user && user.id !== input.signedInUserId) return { ok: false as const, error: 'signInRequired' as const }
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, invitation.id))
    if (!user) {
      if (!input.name || !passwordHash) throw new Error('A new user needs a name and a password')
      ;[user] = await tx
        .insert(users)
        .values({ email: invitation.email, name: input.name.trim(), passwordHash })
        .returning()
      await recordAudit(tx, {
        userId: user!.id,
        organisationId: invitation.organisationId,
        entity: 'user',
        entityId: user!.id,
        action: 'create',
        changes: { email: { before: null, after: user!.email }, name: { before: null, after: user!.name } },
      })
    }
    await grantMembership(tx, { userId: user!.id, organisationId: invitation.organisationId, role: invitation.role })
    if (invitation.councilId) {
      await insertCouncilGrant(tx, {
        actorId: invitation.invitedBy,
        councilId: invitation.councilId,
        userId: user!.id,
        role: 'informant',
        now,
      })
    }
    return { ok: true as const, userId: user!.id }
  })
}

/** Adds the membership, or raises the one the person already has there; never lowers it. */
async function grantMembership(tx: Transaction, input: { userId: string; organisationId: string; role: Role }) {
  const [current] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, input.userId), eq(memberships.organisationId, input.organisationId)))
    .for('update')
  const role = current ? higherRole(current.role, input.role) : input.role
  if (current?.role === role) return
  if (current) {
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.userId, input.userId), eq(memberships.organisationId, input.organisationId)))
  } else {
    await tx.insert(memberships).values({ ...input, role })
  }
  await recordAudit(tx, {
    userId: input.userId,
    organisationId: input.organisationId,
    entity: 'membership',
    entityId: `${input.userId}:${input.organisationId}`,
    action: current ? 'update' : 'create',
    changes: { role: { before: current?.role ?? null, after: role } },
  })
}

export async function listPendingInvitations(db: Database, now = new Date()) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organisationName: organisations.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt))
}
