import type { Executor } from '~/db/client.server'
import { deviceKey, isTrustedDevice, recordDeviceFailure } from './device-trust.server'
import { clearFailures, readThrottle, recordFailure, rules, throttleKeys, waitOf } from './throttle.server'

/**
 * Wrong second-factor codes (decision 019): counted for the session, and for
 * the device when the browser is trusted for the account, else for the
 * account's untrusted browsers together. So someone who has the password can
 * guess slowly at best, and never holds back the owner's trusted devices.
 */
export async function secondFactorThrottle(
  db: Executor,
  input: { userId: string; sessionId: string; deviceToken: string | null },
  now = new Date(),
) {
  const session = throttleKeys.secondFactorSession(input.sessionId)
  const account = throttleKeys.secondFactorAccount(input.userId)
  const device = input.deviceToken ? deviceKey(input.userId, input.deviceToken) : null
  const rows = await readThrottle(db, device ? [session, account, device] : [session, account])
  const trusted = device !== null && isTrustedDevice(rows.get(device), now)
  const wait = waitOf([rows.get(session), trusted ? rows.get(device) : rows.get(account)], now)
  return {
    retryAfterSeconds: Math.ceil(wait / 1000),
    async failed() {
      await recordFailure(db, session, rules.secondFactorSession, now)
      if (trusted) await recordDeviceFailure(db, device, now)
      else await recordFailure(db, account, rules.secondFactorAccount, now)
    },
    async passed() {
      await clearFailures(db, trusted ? [session] : [session, account])
    },
  }
}
