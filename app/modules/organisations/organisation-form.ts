import { z } from 'zod'
import { organisationKinds } from '~/db/enums'
import { enumField, optionalText, requiredText, versionField } from '~/modules/forms/fields'

export const OrganisationSchema = z.object({
  name: requiredText(200),
  kind: enumField(organisationKinds),
  description: optionalText(4000),
})

export const OrganisationUpdateSchema = OrganisationSchema.extend({ version: versionField })
