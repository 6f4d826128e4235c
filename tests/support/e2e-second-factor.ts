import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpCounter } from '../../app/modules/auth/totp'

/**
 * The browser tests' authenticator app. The server accepts a code once, for the
 * time step before, at or after now, so the app keeps which step it used last
 * per account. Test files run one after another in separate module graphs
 * against one server, so the keys live in a file named after that server.
 */
interface Account {
  key: string
  lastCounter: number
}

function storePath(baseUrl: string): string {
  return path.join(os.tmpdir(), `e2e-authenticator-${new URL(baseUrl).port}.json`)
}

function readStore(baseUrl: string): Record<string, Account> {
  try {
    return JSON.parse(readFileSync(storePath(baseUrl), 'utf8')) as Record<string, Account>
  } catch {
    return {}
  }
}

function writeStore(baseUrl: string, store: Record<string, Account>): void {
  writeFileSync(storePath(baseUrl), JSON.stringify(store))
}

/** The key as the enrolment page shows it for typing: base32 in groups of four. */
export function rememberKey(baseUrl: string, email: string, shownKey: string): void {
  const store = readStore(baseUrl)
  store[email.toLowerCase()] = { key: shownKey.replace(/\s/g, ''), lastCounter: 0 }
  writeStore(baseUrl, store)
}

/**
 * After the account has replaced its app: the key remembered under `newApp`
 * (a name of the test's choosing for the app being set up) becomes the
 * account's, with the steps it has used.
 */
export function replaceKey(baseUrl: string, email: string, newApp: string): void {
  const store = readStore(baseUrl)
  const replacement = store[newApp.toLowerCase()]
  if (!replacement) throw new Error(`The test authenticator has no key for ${newApp}.`)
  store[email.toLowerCase()] = replacement
  delete store[newApp.toLowerCase()]
  writeStore(baseUrl, store)
}

export function knowsKey(baseUrl: string, email: string): boolean {
  return Boolean(readStore(baseUrl)[email.toLowerCase()])
}

/** A code the server has not seen yet for this account; waits for the next step when the window is used up. */
export async function nextCode(baseUrl: string, email: string): Promise<string> {
  const store = readStore(baseUrl)
  const account = store[email.toLowerCase()]
  if (!account)
    throw new Error(`The test authenticator has no key for ${email}: the account was not set up in this run.`)
  let counter = Math.max(totpCounter(new Date()), account.lastCounter + 1)
  while (counter > totpCounter(new Date()) + 1) {
    const nextStepAt = (totpCounter(new Date()) + 1) * TOTP_PERIOD_SECONDS * 1000
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 50))
    counter = Math.max(totpCounter(new Date()), account.lastCounter + 1)
  }
  account.lastCounter = counter
  writeStore(baseUrl, store)
  return generateHOTP(decodeBase32IgnorePadding(account.key), BigInt(counter), TOTP_DIGITS)
}
