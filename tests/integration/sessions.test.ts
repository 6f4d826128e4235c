import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { sessions } from '../../app/db/schema/auth'
import { users } from '../../app/db/schema/users'
import {
  createSession,
  invalidateUserSessions,
  validateSessionToken,
  type SessionPolicy,
} from '../../app/modules/auth/sessions.server'
import { hashToken } from '../../app/modules/auth/tokens.server'
import { makeOrganisation, makeUser } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const policy: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 }
const t0 = new Date('2025-03-03T07:00:00Z')
const later = (ms: number) => new Date(t0.getTime() + ms)
const MINUTE = 60_000

describe('sessions', () => {
  const db = useTestDatabase()

  const sessionRows = () => db().select().from(sessions)

  it('creates a session that validates to the user with their memberships', async () => {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda kommun' })
    const user = await makeUser(db(), { role: 'partner_editor', organisationId: organisation.id, name: 'Åsa Öberg' })

    const { token, session } = await createSession(db(), user.id, policy, t0)
    expect(token).toMatch(/^[a-z2-7]{32}$/)
    expect(session.expiresAt).toEqual(later(policy.absoluteMs))

    const valid = await validateSessionToken(db(), token, policy, later(5 * MINUTE))
    expect(valid?.session.id).toBe(session.id)
    expect(valid?.user).toEqual({
      id: user.id,
      email: user.email,
      name: 'Åsa Öberg',
      memberships: [{ organisationId: organisation.id, role: 'partner_editor' }],
    })
  })

  it('stores only the SHA-256 of the token, never the token itself', async () => {
    const user = await makeUser(db())
    const { token } = await createSession(db(), user.id, policy, t0)

    const rows = await sessionRows()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.id).not.toBe(token)
    expect(rows[0]!.id).toBe(hashToken(token))
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(rows)).not.toContain(token)

    // The stored id is no key: presenting it as a cookie value finds nothing.
    expect(await validateSessionToken(db(), rows[0]!.id, policy, later(MINUTE))).toBeNull()
    expect(await validateSessionToken(db(), 'a'.repeat(32), policy, later(MINUTE))).toBeNull()
    expect(await validateSessionToken(db(), token, policy, later(MINUTE))).not.toBeNull()
  })

  it('ends a session idle for the idle time and deletes it, while activity keeps it alive', async () => {
    const user = await makeUser(db())
    const { token } = await createSession(db(), user.id, policy, t0)

    // Activity at 20 minutes moves last_seen_at, so 45 minutes is only 25 minutes idle.
    expect(await validateSessionToken(db(), token, policy, later(20 * MINUTE))).not.toBeNull()
    expect(await validateSessionToken(db(), token, policy, later(45 * MINUTE))).not.toBeNull()
    const [row] = await sessionRows()
    expect(row!.lastSeenAt).toEqual(later(45 * MINUTE))

    expect(await validateSessionToken(db(), token, policy, later(45 * MINUTE + policy.idleMs))).toBeNull()
    expect(await sessionRows()).toEqual([])
    // Gone for good: an earlier clock does not bring it back.
    expect(await validateSessionToken(db(), token, policy, later(46 * MINUTE))).toBeNull()
  })

  it('enforces the absolute lifetime even for a session in constant use', async () => {
    const user = await makeUser(db())
    const { token } = await createSession(db(), user.id, policy, t0)

    let at = 0
    while (at + 20 * MINUTE < policy.absoluteMs) {
      at += 20 * MINUTE
      expect(await validateSessionToken(db(), token, policy, later(at)), `at ${at / MINUTE} min`).not.toBeNull()
    }
    expect(await validateSessionToken(db(), token, policy, later(policy.absoluteMs))).toBeNull()
    expect(await sessionRows()).toEqual([])
  })

  it('refuses the session of a deactivated user and deletes it', async () => {
    const user = await makeUser(db())
    const { token } = await createSession(db(), user.id, policy, t0)
    expect(await validateSessionToken(db(), token, policy, later(MINUTE))).not.toBeNull()

    await db().update(users).set({ active: false }).where(eq(users.id, user.id))

    expect(await validateSessionToken(db(), token, policy, later(2 * MINUTE))).toBeNull()
    expect(await sessionRows()).toEqual([])
  })

  it('invalidateUserSessions ends every session of that user and no other', async () => {
    const user = await makeUser(db())
    const other = await makeUser(db())
    const first = await createSession(db(), user.id, policy, t0)
    const second = await createSession(db(), user.id, policy, t0)
    const others = await createSession(db(), other.id, policy, t0)
    expect(first.token).not.toBe(second.token)

    await invalidateUserSessions(db(), user.id)

    expect(await validateSessionToken(db(), first.token, policy, later(MINUTE))).toBeNull()
    expect(await validateSessionToken(db(), second.token, policy, later(MINUTE))).toBeNull()
    expect((await validateSessionToken(db(), others.token, policy, later(MINUTE)))?.user.id).toBe(other.id)
    expect((await sessionRows()).map((row) => row.userId)).toEqual([other.id])
  })
})
