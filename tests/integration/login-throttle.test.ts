import { describe, expect, it } from 'vitest'
import { loginThrottle } from '../../app/db/schema/auth'
import { attemptLogin } from '../../app/modules/auth/login.server'
import { makeUser, TEST_PASSWORD } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const t0 = new Date('2025-03-03T07:00:00Z')
const MINUTE = 60_000
const later = (ms: number) => new Date(t0.getTime() + ms)
const IP = '192.0.2.10'

describe('attemptLogin', () => {
  const db = useTestDatabase()

  const throttleRows = async () =>
    Object.fromEntries((await db().select().from(loginThrottle)).map((row) => [row.key, row]))

  it('signs in with the right password, and gives the same answer for an unknown e-mail, a wrong password and an inactive account', async () => {
    const user = await makeUser(db(), { email: 'kim.lind@example.org' })
    const inactive = await makeUser(db(), { email: 'ola.inaktiv@example.org', active: false })

    const ok = await attemptLogin(db(), { email: 'kim.lind@example.org', password: TEST_PASSWORD, ip: IP }, t0)
    expect(ok.ok && ok.user.id).toBe(user.id)

    const invalid = { ok: false, reason: 'invalid' }
    expect(await attemptLogin(db(), { email: 'kim.lind@example.org', password: 'fel-lösenord', ip: IP }, t0)).toEqual(
      invalid,
    )
    expect(await attemptLogin(db(), { email: 'ingen.alls@example.org', password: TEST_PASSWORD, ip: IP }, t0)).toEqual(
      invalid,
    )
    expect(await attemptLogin(db(), { email: inactive.email, password: TEST_PASSWORD, ip: IP }, t0)).toEqual(invalid)
  })

  it('matches the e-mail case-insensitively and ignores surrounding spaces', async () => {
    const user = await makeUser(db(), { email: 'Stina.Aberg@Example.org' })
    const result = await attemptLogin(
      db(),
      { email: '  stina.aberg@EXAMPLE.ORG ', password: TEST_PASSWORD, ip: IP },
      t0,
    )
    expect(result.ok && result.user.id).toBe(user.id)
  })

  it('locks an account after 5 failures, even for the right password, and lifts the lock after 15 minutes', async () => {
    const user = await makeUser(db(), { email: 'lisa.strom@example.org' })
    const attempt = (password: string, at: Date, email = 'lisa.strom@example.org') =>
      attemptLogin(db(), { email, password, ip: IP }, at)

    for (let i = 0; i < 4; i++) {
      expect(await attempt('fel-lösenord', later(i * MINUTE))).toEqual({ ok: false, reason: 'invalid' })
    }
    let rows = await throttleRows()
    expect(rows['account:lisa.strom@example.org']).toMatchObject({ failures: 4, lockedUntil: null })
    expect(rows[`ip:${IP}`]).toMatchObject({ failures: 4, lockedUntil: null })

    // The fifth failure, typed in another case, counts for the same account.
    expect(await attempt('fel-lösenord', later(4 * MINUTE), 'LISA.STROM@example.org')).toEqual({
      ok: false,
      reason: 'invalid',
    })
    rows = await throttleRows()
    expect(rows['account:lisa.strom@example.org']!.failures).toBe(5)
    expect(rows['account:lisa.strom@example.org']!.lockedUntil).toEqual(later(4 * MINUTE + 15 * MINUTE))

    expect(await attempt(TEST_PASSWORD, later(5 * MINUTE))).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMinutes: 14,
    })
    expect(await attempt(TEST_PASSWORD, later(18 * MINUTE + 30_000))).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMinutes: 1,
    })
    // Another account from the same address is not locked by it.
    const other = await makeUser(db())
    const otherResult = await attempt(TEST_PASSWORD, later(6 * MINUTE), other.email)
    expect(otherResult.ok).toBe(true)

    const lifted = await attempt(TEST_PASSWORD, later(19 * MINUTE + 1_000))
    expect(lifted.ok && lifted.user.id).toBe(user.id)
    // Success clears the account's counter.
    expect(await throttleRows()).not.toHaveProperty('account:lisa.strom@example.org')
  })

  it('counts failures only within the 15-minute window, and a success resets the count', async () => {
    const user = await makeUser(db())
    const attempt = (password: string, at: Date) => attemptLogin(db(), { email: user.email, password, ip: IP }, at)

    for (let i = 0; i < 4; i++) await attempt('fel-lösenord', later(i * MINUTE))
    // Sixteen minutes after the window opened, a failure starts a new window.
    await attempt('fel-lösenord', later(16 * MINUTE))
    expect((await throttleRows())[`account:${user.email}`]).toMatchObject({ failures: 1, lockedUntil: null })
    expect((await attempt(TEST_PASSWORD, later(17 * MINUTE))).ok).toBe(true)

    // Without the reset, 1 + 4 failures would lock the account here.
    for (let i = 0; i < 4; i++) await attempt('fel-lösenord', later(18 * MINUTE))
    expect((await throttleRows())[`account:${user.email}`]).toMatchObject({ failures: 4, lockedUntil: null })
    expect((await attempt(TEST_PASSWORD, later(19 * MINUTE))).ok).toBe(true)
  })

  it('locks an IP address after 50 failures across different e-mails, counting concurrent failures', async () => {
    const user = await makeUser(db())
    const failures = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        attemptLogin(db(), { email: `gissning-${i}@example.org`, password: 'fel-lösenord', ip: IP }, t0),
      ),
    )
    expect(failures.every((result) => !result.ok && result.reason === 'invalid')).toBe(true)

    const rows = await throttleRows()
    expect(rows[`ip:${IP}`]!.failures).toBe(50)
    expect(rows[`ip:${IP}`]!.lockedUntil).toEqual(later(15 * MINUTE))
    expect(rows['account:gissning-7@example.org']).toMatchObject({ failures: 1, lockedUntil: null })

    // The right password of an untouched account is refused from that address, not from another.
    expect(await attemptLogin(db(), { email: user.email, password: TEST_PASSWORD, ip: IP }, later(MINUTE))).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMinutes: 14,
    })
    const elsewhere = await attemptLogin(
      db(),
      { email: user.email, password: TEST_PASSWORD, ip: '198.51.100.7' },
      later(MINUTE),
    )
    expect(elsewhere.ok).toBe(true)
    const afterLock = await attemptLogin(
      db(),
      { email: user.email, password: TEST_PASSWORD, ip: IP },
      later(15 * MINUTE + 1),
    )
    expect(afterLock.ok).toBe(true)
  })

  it('keeps the counters in the database, shared by every app process', async () => {
    const user = await makeUser(db())
    await attemptLogin(db(), { email: user.email, password: 'fel-lösenord', ip: IP }, t0)
    await attemptLogin(db(), { email: user.email, password: 'fel-lösenord', ip: '2001:db8::1' }, later(MINUTE))

    const rows = await db().select().from(loginThrottle)
    expect(rows.map((row) => row.key).sort()).toEqual(
      [`account:${user.email}`, 'ip:192.0.2.10', 'ip:2001:db8::1'].sort(),
    )
    expect(rows.find((row) => row.key === `account:${user.email}`)).toMatchObject({ failures: 2, windowStartedAt: t0 })
  })
})
