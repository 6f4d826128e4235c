import { z } from 'zod'

// NIST SP 800-63B: length limits, no composition rules. Counted in code points.
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export const PasswordSchema = z
  .string({ required_error: 'password.required' })
  .refine((value) => [...value.normalize('NFC')].length >= PASSWORD_MIN, 'password.tooShort')
  .refine((value) => [...value.normalize('NFC')].length <= PASSWORD_MAX, 'password.tooLong')
