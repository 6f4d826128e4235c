import { z } from 'zod'
import { optionalText, requiredText, versionField } from '~/modules/forms/fields'
import type { PickerSpec } from '~/modules/organisations/picker'

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
  organisationId: z.string({ required_error: 'validation.choose' }).uuid('validation.choose'),
})

/** The coordinating organisation's picker: one, with the given id for a page first shown, else as the post chose. */
export function coordinatorPicker(ids?: readonly string[]): { coordinatorOrganisationId: PickerSpec } {
  return { coordinatorOrganisationId: { kind: 'organisation', single: true, ids } }
}

/** The picker of a new member: one at a time, as the form to add one posts it. */
export function memberPicker(ids?: readonly string[]): { organisationId: PickerSpec } {
  return { organisationId: { kind: 'organisation', single: true, ids } }
}
