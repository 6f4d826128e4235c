import { dictionary } from '@zxcvbn-ts/language-common'

// The ~49,000 most common passwords from public breach corpora, as kept by the
// zxcvbn-ts project. NIST SP 800-63B §5.1.1.2 asks that new passwords be
// checked against such a list. Compared case-insensitively: "Password1" is as
// guessable as "password1".
let common: Set<string> | undefined

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()))
  return common.has(password.normalize('NFC').toLowerCase())
}
