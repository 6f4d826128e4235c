import { hash, verify } from '@node-rs/argon2'

// OWASP's minimum for argon2id: m = 19 MiB, t = 2, p = 1.
const options = {
  // Algorithm.Argon2id; the const enum cannot be imported under isolatedModules.
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const

// The same password typed on another device may arrive decomposed ("å" as
// "a" + ring): normalise before hashing and checking, as NIST 800-63B advises.
const normalise = (password: string) => password.normalize('NFC')

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalise(password))
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined

/** Spends the same time as a real check, so unknown e-mail and wrong password look alike. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy-password-for-timing')
  await verifyPassword(await dummyHash, password)
  return false
}
