import { decodeBase64, encodeBase64 } from '@oslojs/encoding'
import { createTOTPKeyURI } from '@oslojs/otp'
import { and, count, eq, isNull, lt, ne } from 'drizzle-orm'
import { renderSVG } from 'uqr'
import type { Executor, Transaction } from '~/db/client.server'
import { recoveryCodes, sessions, totpCredentials } from '~/db/schema/auth'
import { recordAudit } from '~/modules/audit/audit.server'
import type { MembershipRef } from './permissions'
import { generateToken, hashToken } from './tokens.server'
import { acceptedCounter, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from './totp'

/**
 * The second factor (decision 016): an authenticator app (TOTP) with
 * single-use recovery codes. Required of the roles that see the most: the
 * coordinator (every organisation's data) and council members (informants'
 * reports). Anyone else may turn it on.
 */
const rolesThatRequireIt = new Set(['coordinator', 'council_member'])
export const RECOVERY_CODE_COUNT = 10
const ISSUER = 'Områdesansvarsportalen'

export function secondFactorRequired(memberships: readonly MembershipRef[]): boolean {
  return memberships.some((membership) => rolesThatRequireIt.has(membership.role))
}

/** Where a session stands: full access ('passed', 'notNeeded') or one step left. */
export type SecondFactorStep = 'passed' | 'notNeeded' | 'code' | 'enrol'

export function secondFactorStep(input: {
  sessionVerified: boolean
  enrolled: boolean
  memberships: readonly MembershipRef[]
}): SecondFactorStep {
  if (input.sessionVerified) return 'passed'
  if (input.enrolled) return 'code'
  if (secondFactorRequired(input.memberships)) return 'enrol'
  return 'notNeeded'
}

export function newTotpKey(): Uint8Array {
  const key = new Uint8Array(20)
  crypto.getRandomValues(key)
  return key
}

export const encodeTotpKey = (key: Uint8Array) => encodeBase64(key)

/** Null for anything that is not a 20-byte key in base64 (a tampered form). */
export function decodeTotpKey(encoded: string): Uint8Array | null {
  try {
    const key = decodeBase64(encoded)
    return key.length === 20 ? key : null
  } catch {
    return null
  }
}

/** What an authenticator app needs: the otpauth:// address, its QR code and the key to type by hand. */
export function enrolmentDetails(key: Uint8Array, accountName: string) {
  const uri = createTOTPKeyURI(ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS)
  const secret = base32(key)
  return { uri, qrSvg: renderSVG(uri), secret: secret.match(/.{1,4}/g)!.join(' ') }
}

// RFC 4648 base32 in capitals, as authenticator apps expect a typed key.
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31]
  return out
}

export async function isEnrolled(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, userId))
  return Boolean(row)
}

export async function enrolmentOf(db: Executor, userId: string) {
  const [credential] = await db
    .select({ enrolledAt: totpCredentials.enrolledAt })
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, userId))
  if (!credential) return null
  return { enrolledAt: credential.enrolledAt, recoveryCodesLeft: await unusedRecoveryCodes(db, userId) }
}

/** Whether a code fits a new key that is not stored yet (any recent time step). */
export function codeMatchesKey(key: Uint8Array, code: string, now = new Date()): boolean {
  return acceptedCounter(key, code, -1, now) !== null
}

/**
 * Stores the key once the person has shown, with a code, that their app holds
 * it; replaces any earlier app. Returns the new recovery codes (shown once),
 * or null when the code does not match the key.
 */
export async function enrolTotp(
  db: Executor,
  input: { userId: string; key: Uint8Array; code: string; sessionId: string; organisationId: string | null },
  now = new Date(),
): Promise<string[] | null> {
  const counter = acceptedCounter(input.key, input.code, -1, now)
  if (counter === null) return null
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ userId: totpCredentials.userId })
      .from(totpCredentials)
      .where(eq(totpCredentials.userId, input.userId))
    const values = { key: encodeTotpKey(input.key), lastCounter: counter, enrolledAt: now }
    await tx
      .insert(totpCredentials)
      .values({ userId: input.userId, ...values })
      .onConflictDoUpdate({ target: totpCredentials.userId, set: values })
    const codes = await replaceRecoveryCodes(tx, input.userId)
    // Other sessions were opened with the old app (or none): they sign in again.
    await tx.delete(sessions).where(and(eq(sessions.userId, input.userId), ne(sessions.id, input.sessionId)))
    await tx.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, input.sessionId))
    await auditSecondFactor(
      tx,
      { actorId: input.userId, userId: input.userId, organisationId: input.organisationId },
      before ? 'replace' : 'enrol',
    )
    return codes
  })
}

async function unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [unused] = await db
    .select({ count: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
  return unused?.count ?? 0
}

/** Every change to someone's second factor is audited, never with a code or a key in it. */
function auditSecondFactor(
  tx: Transaction,
  who: { actorId: string; userId: string; organisationId: string | null },
  action: 'enrol' | 'replace' | 'remove' | 'recovery_code_used' | 'recovery_codes_renewed',
) {
  return recordAudit(tx, {
    userId: who.actorId,
    organisationId: who.organisationId,
    entity: 'second_factor',
    entityId: who.userId,
    action,
  })
}

async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashToken(normaliseRecoveryCode(code)) })))
  return codes
}

// 60 random bits in three groups of four base32 letters: easy to copy on paper.
function newRecoveryCode(): string {
  return generateToken().slice(0, 12).match(/.{4}/g)!.join('-')
}

export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z2-7]/g, '')
}

/** Checks a code from the app; on success the session has passed the second factor. */
export async function verifyTotpForSession(
  db: Executor,
  input: { userId: string; sessionId: string; code: string },
  now = new Date(),
): Promise<boolean> {
  const [credential] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, input.userId))
  if (!credential) return false
  const counter = acceptedCounter(decodeBase64(credential.key), input.code, credential.lastCounter, now)
  if (counter === null) return false
  return db.transaction(async (tx) => {
    // Two requests with one code: only the one that moves the counter wins.
    const moved = await tx
      .update(totpCredentials)
      .set({ lastCounter: counter })
      .where(and(eq(totpCredentials.userId, input.userId), lt(totpCredentials.lastCounter, counter)))
      .returning({ userId: totpCredentials.userId })
    if (moved.length === 0) return false
    await tx.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, input.sessionId))
    return true
  })
}

/** Spends one recovery code; returns how many are left, or null when the code is unknown or used. */
export async function spendRecoveryCode(
  db: Executor,
  input: { userId: string; sessionId: string; code: string; organisationId: string | null },
  now = new Date(),
): Promise<number | null> {
  const codeHash = hashToken(normaliseRecoveryCode(input.code))
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(eq(recoveryCodes.userId, input.userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)),
      )
      .returning({ id: recoveryCodes.id })
    if (spent.length === 0) return null
    await tx.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, input.sessionId))
    await auditSecondFactor(
      tx,
      { actorId: input.userId, userId: input.userId, organisationId: input.organisationId },
      'recovery_code_used',
    )
    return unusedRecoveryCodes(tx, input.userId)
  })
}

/** New recovery codes for a person who has passed the second factor in this session. */
export async function renewRecoveryCodes(
  db: Executor,
  input: { userId: string; organisationId: string | null },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, input.userId)
    await auditSecondFactor(
      tx,
      { actorId: input.userId, userId: input.userId, organisationId: input.organisationId },
      'recovery_codes_renewed',
    )
    return codes
  })
}

/**
 * Removes the app and the recovery codes: the person turning it off (when
 * their roles allow), or a coordinator for someone who lost their phone. The
 * person's sessions end; at the next sign-in a required second factor is set up again.
 */
export async function removeSecondFactor(
  db: Executor,
  input: { userId: string; actorId: string; organisationId: string | null; keepSessionId?: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(totpCredentials).where(eq(totpCredentials.userId, input.userId)).returning()
    if (removed.length === 0) return false
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId))
    const others = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, input.userId))
    for (const session of others) {
      if (session.id !== input.keepSessionId) await tx.delete(sessions).where(eq(sessions.id, session.id))
    }
    await auditSecondFactor(
      tx,
      { actorId: input.actorId, userId: input.userId, organisationId: input.organisationId },
      'remove',
    )
    return true
  })
}
