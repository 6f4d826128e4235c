import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { passwordResets, sessions } from '../../app/db/schema/auth'
import { outbox } from '../../app/db/schema/mail'
import { users } from '../../app/db/schema/users'
import {
  changePassword,
  isResetTokenValid,
  requestPasswordReset,
  RESET_LIFETIME_MS,
  resetPassword,
} from '../../app/modules/accounts/passwords.server'
import { setUserActive } from '../../app/modules/accounts/users.server'
import { verifyPassword } from '../../app/modules/auth/password.server'
import { validateSessionToken } from '../../app/modules/auth/sessions.server'
import { hashToken } from '../../app/modules/auth/tokens.server'
import { createMailer } from '../../app/modules/mail/mailer.server'
import { makeUser, signedIn, TEST_PASSWORD, testPolicy, tokenFromLink } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const ORIGIN = 'https://portal.example.org'
const MINUTE = 60_000
const NEW_PASSWORD = 'helt-ny-lösenfras'

describe('passwords and account state', () => {
  const db = useTestDatabase()
  const mailer = createMailer({ from: 'x@example.org' })

  const userRow = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0]!
  const sessionCount = async (userId: string) =>
    (await db().select().from(sessions).where(eq(sessions.userId, userId))).length
  const auditOf = (userId: string) => db().select().from(auditLog).where(eq(auditLog.entityId, userId))

  async function requestReset(email: string, now: Date) {
    await requestPasswordReset(db(), mailer, { email, origin: ORIGIN }, now)
    const [message] = await db().select().from(outbox)
    return message ? tokenFromLink(message.text, ORIGIN, 'aterstall') : null
  }

  describe('requestPasswordReset', () => {
    it('sends nothing for an unknown or inactive address', async () => {
      await makeUser(db(), { email: 'vilande@example.org', active: false })
      await requestPasswordReset(db(), mailer, { email: 'okand@example.org', origin: ORIGIN })
      await requestPasswordReset(db(), mailer, { email: 'vilande@example.org', origin: ORIGIN })
      expect(await db().select().from(outbox)).toEqual([])
      expect(await db().select().from(passwordResets)).toEqual([])
      expect(await db().select().from(auditLog)).toEqual([])
    })

    it('sends one link to a known address, stores only the hash and writes an audit entry', async () => {
      const user = await makeUser(db(), { email: 'Eva.Glomsk@example.org', name: 'Eva Glömsk' })
      await requestPasswordReset(db(), mailer, { email: 'eva.glomsk@example.org', origin: ORIGIN })

      const messages = await db().select().from(outbox)
      expect(messages).toHaveLength(1)
      expect(messages[0]!.to).toBe('Eva.Glomsk@example.org')
      expect(messages[0]!.text).toContain('Hej Eva Glömsk!')
      const token = tokenFromLink(messages[0]!.text, ORIGIN, 'aterstall')

      const [reset] = await db().select().from(passwordResets)
      expect(reset).toMatchObject({ userId: user.id, tokenHash: hashToken(token), usedAt: null })
      expect(reset!.expiresAt.getTime() - reset!.createdAt.getTime()).toBe(RESET_LIFETIME_MS)
      expect(JSON.stringify(reset)).not.toContain(token)
      expect(await db().select().from(auditLog)).toMatchObject([
        { userId: user.id, entity: 'password_reset', entityId: reset!.id, action: 'create' },
      ])
    })
  })

  describe('resetPassword', () => {
    it('sets the new password, ends every session, audits, and works once', async () => {
      const t0 = new Date()
      const user = await makeUser(db())
      const browsers = [await signedIn(db(), user.id), await signedIn(db(), user.id)]
      const token = (await requestReset(user.email, t0))!

      expect(await resetPassword(db(), { token, password: NEW_PASSWORD }, new Date(t0.getTime() + MINUTE))).toEqual({
        ok: true,
        userId: user.id,
      })

      const after = await userRow(user.id)
      expect(await verifyPassword(after.passwordHash!, NEW_PASSWORD)).toBe(true)
      expect(await verifyPassword(after.passwordHash!, TEST_PASSWORD)).toBe(false)
      expect(after.version).toBe(user.version + 1)
      expect(await sessionCount(user.id)).toBe(0)
      for (const browser of browsers) expect(await validateSessionToken(db(), browser.token, testPolicy)).toBeNull()
      expect(await auditOf(user.id)).toMatchObject([{ userId: user.id, entity: 'user', action: 'password_reset' }])

      expect(await isResetTokenValid(db(), token)).toBe(false)
      expect(
        await resetPassword(db(), { token, password: 'ett-tredje-lösen' }, new Date(t0.getTime() + 2 * MINUTE)),
      ).toEqual({
        ok: false,
      })
      expect((await userRow(user.id)).passwordHash).toBe(after.passwordHash)
    })

    it('refuses a link older than one hour', async () => {
      const t0 = new Date('2025-03-03T07:00:00Z')
      const user = await makeUser(db())
      const token = (await requestReset(user.email, t0))!
      await signedIn(db(), user.id)

      expect(await isResetTokenValid(db(), token, new Date(t0.getTime() + RESET_LIFETIME_MS - MINUTE))).toBe(true)
      expect(await isResetTokenValid(db(), token, new Date(t0.getTime() + RESET_LIFETIME_MS + MINUTE))).toBe(false)
      expect(
        await resetPassword(
          db(),
          { token, password: NEW_PASSWORD },
          new Date(t0.getTime() + RESET_LIFETIME_MS + MINUTE),
        ),
      ).toEqual({ ok: false })
      expect((await userRow(user.id)).passwordHash).toBe(user.passwordHash)
      expect(await sessionCount(user.id)).toBe(1)
      expect(await resetPassword(db(), { token: 'c'.repeat(32), password: NEW_PASSWORD })).toEqual({ ok: false })
    })
  })

  describe('changePassword', () => {
    it('refuses a wrong current password and changes nothing', async () => {
      const user = await makeUser(db())
      await signedIn(db(), user.id)
      expect(
        await changePassword(db(), { userId: user.id, currentPassword: 'inte-mitt-lösen', newPassword: NEW_PASSWORD }),
      ).toEqual({ ok: false, error: 'wrongCurrent' })
      expect((await userRow(user.id)).passwordHash).toBe(user.passwordHash)
      expect(await sessionCount(user.id)).toBe(1)
      expect(await auditOf(user.id)).toEqual([])
    })

    it('with the right current password sets the new one, ends every session and audits', async () => {
      const user = await makeUser(db())
      const other = await makeUser(db())
      const browser = await signedIn(db(), user.id)
      await signedIn(db(), user.id)
      await signedIn(db(), other.id)

      expect(
        await changePassword(db(), { userId: user.id, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
      ).toEqual({
        ok: true,
      })
      const after = await userRow(user.id)
      expect(await verifyPassword(after.passwordHash!, NEW_PASSWORD)).toBe(true)
      expect(after.version).toBe(user.version + 1)
      expect(await validateSessionToken(db(), browser.token, testPolicy)).toBeNull()
      expect(await sessionCount(user.id)).toBe(0)
      expect(await sessionCount(other.id)).toBe(1)
      expect(await auditOf(user.id)).toMatchObject([{ userId: user.id, entity: 'user', action: 'password_change' }])
    })
  })

  describe('setUserActive', () => {
    it('ends the sessions of a deactivated user at once and audits who did it', async () => {
      const coordinator = await makeUser(db(), { role: 'coordinator' })
      const user = await makeUser(db(), { role: 'viewer' })
      const browser = await signedIn(db(), user.id)
      expect(await validateSessionToken(db(), browser.token, testPolicy)).not.toBeNull()

      expect(
        await setUserActive(db(), { actorId: coordinator.id, userId: user.id, active: false, version: user.version }),
      ).toEqual({
        ok: true,
      })
      expect(await sessionCount(user.id)).toBe(0)
      expect(await validateSessionToken(db(), browser.token, testPolicy)).toBeNull()
      const after = await userRow(user.id)
      expect(after).toMatchObject({ active: false, version: user.version + 1 })
      expect(await auditOf(user.id)).toMatchObject([
        {
          userId: coordinator.id,
          entity: 'user',
          action: 'deactivate',
          changes: { active: { before: true, after: false } },
        },
      ])

      expect(
        await setUserActive(db(), { actorId: coordinator.id, userId: user.id, active: true, version: after.version }),
      ).toEqual({
        ok: true,
      })
      expect((await userRow(user.id)).active).toBe(true)
      expect((await auditOf(user.id)).map((entry) => entry.action).sort()).toEqual(['activate', 'deactivate'])
    })

    it('refuses a stale version, self-deactivation and an unknown user, changing nothing', async () => {
      const coordinator = await makeUser(db(), { role: 'coordinator' })
      const user = await makeUser(db(), { role: 'viewer' })
      await signedIn(db(), user.id)
      await signedIn(db(), coordinator.id)
      await db()
        .update(users)
        .set({ name: 'Ändrad av någon annan', version: user.version + 1 })
        .where(eq(users.id, user.id))

      expect(
        await setUserActive(db(), { actorId: coordinator.id, userId: user.id, active: false, version: user.version }),
      ).toEqual({
        ok: false,
        error: 'conflict',
      })
      expect(
        await setUserActive(db(), {
          actorId: coordinator.id,
          userId: coordinator.id,
          active: false,
          version: coordinator.version,
        }),
      ).toEqual({ ok: false, error: 'self' })
      expect(
        await setUserActive(db(), {
          actorId: coordinator.id,
          userId: '00000000-0000-4000-8000-000000000000',
          active: false,
          version: 1,
        }),
      ).toEqual({ ok: false, error: 'notFound' })

      expect(await userRow(user.id)).toMatchObject({ active: true, version: user.version + 1 })
      expect((await userRow(coordinator.id)).active).toBe(true)
      expect(await sessionCount(user.id)).toBe(1)
      expect(await sessionCount(coordinator.id)).toBe(1)
      expect(await db().select().from(auditLog)).toEqual([])
    })
  })
})
