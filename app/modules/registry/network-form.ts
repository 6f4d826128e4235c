import { z } from 'zod'
import { optionalText, requiredText, versionField } from '~/modules/forms/fields'

const optionalOrganisation = z
  .string()
  .transform((value) => (value === '' ? null : value))
  .pipe(z.string().uuid('validation.choose').nullable())

export const NetworkSchema = z.object({
  name: requiredText(200),
  description: optionalText(4000),
  coordinatorOrganisationId: optionalOrganisation.default(''),
})

export const NetworkUpdateSchema = NetworkSchema.extend({ version: versionField })

export const MemberSchema = z.object({
  organisationId: z.string().uuid('validation.choose'),
})
