import { z } from 'zod'

// The forms of the second factor: a code from the app, a recovery code.
export const TotpCodeSchema = z
  .string({ required_error: 'secondFactor.code.format' })
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'secondFactor.code.format'))

export const RecoveryCodeSchema = z
  .string({ required_error: 'secondFactor.recovery.wrong' })
  .trim()
  .min(1, 'secondFactor.recovery.wrong')
  .max(64, 'secondFactor.recovery.wrong')

const redirectTo = z.string().max(2048).optional()
export const CodeFormSchema = z.object({ code: TotpCodeSchema, redirectTo })
export const RecoveryFormSchema = z.object({ recoveryCode: RecoveryCodeSchema, redirectTo })
