import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { loginThrottle, passwordResets, sessions } from '../../app/db/schema/auth'
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
import { recording } from '../support/recording-db'
import { useTestDatabase } from '../support/test-db'

const ORIGIN = 'https://portal.example.org'
const MINUTE = 60_000
const NEW_PASSWORD = 'helt-ny-lösenfras'
const IP = '192.0.2.20'

type Task = () => Promise<void>

describe('passwords and account state', () => {
  const db = useTestDatabase()
  const mailer = createMailer({ from: 'x@example.org' })

  const userRow = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0]!
  const sessionCount = async (userId: string) =>
    (await db().select().from(sessions).where(eq(sessions.userId, userId))).length
  const auditOf = (userId: string) => db().select().from(auditLog).where(eq(auditLog.entityId, userId))

  /** Asks for a link and runs what the answer left for later; the tasks are returned when `run` is false. */
  async function ask(email: string, options: { now?: Date; ip?: string; run?: boolean } = {}) {
    const tasks: Task[] = []
    const answer = await requestPasswordReset(
      db(),
      mailer,
      { email, origin: ORIGIN, ip: options.ip ?? IP },
      options.now ?? new Date(),
      (task) => void tasks.push(task),
    )
    if (options.run ?? true) for (const task of tasks) await task()
    return { answer, tasks }
  }

  async function requestReset(email: string, now: Date) {
    await ask(email, { now })
    const messages = await db().select().from(outbox)
    const last = messages.at(-1)
    return last ? tokenFromLink(last.text, ORIGIN, 'aterstall') : null
  }

  describe('requestPasswordReset', () => {
    it('sends nothing for an unknown or inactive address', async () => {
      await makeUser(db(), { email: 'vilande@example.org', active: false })
      await ask('okand@example.org')
      await ask('vilande@example.org')
      expect(await db().select().from(outbox)).toEqual([])
      expect(await db().select().from(passwordResets)).toEqual([])
      expect(await db().select().from(auditLog)).toEqual([])
    })

    it('sends one link to a known address, stores only the hash and writes an audit entry', async () => {
      const user = await makeUser(db(), { email: 'Eva.Glomsk@example.org', name: 'Eva Glömsk' })
      await ask('eva.glomsk@example.org')

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

    it('does the same work for a known and an unknown address before it answers, and the rest afterwards', async () => {
      await makeUser(db(), { email: 'eva.glomsk@example.org' })
      const work = async (email: string) => {
        const statements: string[] = []
        const tasks: Task[] = []
        const answer = await requestPasswordReset(
          recording(db(), statements),
          mailer,
          { email, origin: ORIGIN, ip: IP },
          new Date(),
          (task) => void tasks.push(task),
        )
        return { answer, statements, tasks }
      }
      const known = await work('eva.glomsk@example.org')
      const unknown = await work('ingen.alls@example.org')

      expect(known.statements.length).toBeGreaterThan(0)
      expect(unknown.statements).toEqual(known.statements)
      expect(known.answer).toEqual({ ok: true })
      expect(unknown.answer).toEqual(known.answer)
      // Nothing that depends on the address being an account has happened yet.
      expect(await db().select().from(passwordResets)).toEqual([])
      expect(await db().select().from(outbox)).toEqual([])
      expect(await db().select().from(auditLog)).toEqual([])

      expect(known.tasks).toHaveLength(1)
      expect(unknown.tasks).toHaveLength(1)
      for (const task of [...known.tasks, ...unknown.tasks]) await task()
      expect(await db().select().from(outbox)).toMatchObject([{ to: 'eva.glomsk@example.org' }])
      expect(await db().select().from(passwordResets)).toHaveLength(1)
    })

    it('allows three links an hour per address and twenty per network address, known or not', async () => {
      const t0 = new Date('2025-03-03T07:00:00Z')
      await makeUser(db(), { email: 'eva.glomsk@example.org' })
      for (const email of ['eva.glomsk@example.org', 'ingen.alls@example.org']) {
        for (let i = 0; i < 3; i++)
          expect((await ask(email, { now: t0, ip: `198.51.100.${i}` })).answer).toEqual({ ok: true })
        const held = await ask(email.toUpperCase(), { now: new Date(t0.getTime() + MINUTE), ip: '198.51.100.9' })
        expect(held.answer).toEqual({ ok: false, reason: 'throttled', retryAfterMinutes: 59 })
        expect(held.tasks).toEqual([])
        expect((await ask(email, { now: new Date(t0.getTime() + 61 * MINUTE) })).answer).toEqual({ ok: true })
      }
      expect(await db().select().from(outbox)).toHaveLength(4)

      for (let i = 0; i < 20; i++)
        expect((await ask(`person-${i}@example.org`, { now: t0, ip: '203.0.113.5' })).answer).toEqual({ ok: true })
      expect((await ask('person-20@example.org', { now: t0, ip: '203.0.113.5' })).answer).toMatchObject({ ok: false })
      expect((await ask('person-20@example.org', { now: t0, ip: '203.0.113.6' })).answer).toEqual({ ok: true })
    })

    it("prints a coordinator's own link on the server console when there is no mail server, and nobody else's", async () => {
      const coordinator = await makeUser(db(), { role: 'coordinator', email: 'karin.ek@example.org' })
      const editor = await makeUser(db(), { role: 'partner_editor', email: 'per.holm@example.org' })
      const log = vi.spyOn(console, 'log').mockImplementation(() => {})
      try {
        await ask(editor.email)
        expect(log).not.toHaveBeenCalled()
        await ask(coordinator.email)
        const printed = log.mock.calls.map((call) => call.join(' ')).join('\n')
        const token = tokenFromLink(printed, ORIGIN, 'aterstall')
        expect(printed).toContain(coordinator.email)
        expect(await isResetTokenValid(db(), token)).toBe(true)
      } finally {
        log.mockRestore()
      }
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

    it('voids every other open link of the account when one is used', async () => {
      const t0 = new Date()
      const user = await makeUser(db())
      const other = await makeUser(db())
      const first = (await requestReset(user.email, t0))!
      const second = (await requestReset(user.email, t0))!
      const someoneElses = (await requestReset(other.email, t0))!
      expect(first).not.toBe(second)

      expect(await resetPassword(db(), { token: second, password: NEW_PASSWORD })).toMatchObject({ ok: true })
      expect(await isResetTokenValid(db(), first)).toBe(false)
      expect(await resetPassword(db(), { token: first, password: 'ett-tredje-lösen' })).toEqual({ ok: false })
      expect(await verifyPassword((await userRow(user.id)).passwordHash!, NEW_PASSWORD)).toBe(true)
      expect(await isResetTokenValid(db(), someoneElses)).toBe(true)
    })

    it('clears the count of failed sign-ins of the account, since the link proves the mailbox', async () => {
      const user = await makeUser(db())
      await db()
        .insert(loginThrottle)
        .values({
          key: `account:${user.email}`,
          failures: 40,
          windowStartedAt: new Date(),
          lockedUntil: new Date(Date.now() + 15 * MINUTE),
        })
      const token = (await requestReset(user.email, new Date()))!
      expect(await resetPassword(db(), { token, password: NEW_PASSWORD })).toMatchObject({ ok: true })
      expect(
        await db()
          .select()
          .from(loginThrottle)
          .where(eq(loginThrottle.key, `account:${user.email}`)),
      ).toEqual([])
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

    it('voids every open reset link of the account', async () => {
      const user = await makeUser(db())
      const token = (await requestReset(user.email, new Date()))!
      expect(
        await changePassword(db(), { userId: user.id, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
      ).toEqual({ ok: true })
      expect(await isResetTokenValid(db(), token)).toBe(false)
      expect(await resetPassword(db(), { token, password: 'ett-tredje-lösen' })).toEqual({ ok: false })
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

    it('voids the open reset links of a deactivated user, so reactivating does not revive them', async () => {
      const coordinator = await makeUser(db(), { role: 'coordinator' })
      const user = await makeUser(db(), { role: 'viewer' })
      const token = (await requestReset(user.email, new Date()))!
      await setUserActive(db(), { actorId: coordinator.id, userId: user.id, active: false, version: user.version })
      const after = await userRow(user.id)
      await setUserActive(db(), { actorId: coordinator.id, userId: user.id, active: true, version: after.version })
      expect(await isResetTokenValid(db(), token)).toBe(false)
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
