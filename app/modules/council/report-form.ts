import { z } from 'zod'
import { reportLocationKinds } from '~/db/enums'
import { enumField, optionalText, uuidField } from '~/modules/forms/fields'
import { instantToStockholm, stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { isInSwedenWgs84 } from '~/modules/registry/coordinates'
import { parseDecimal } from '~/modules/registry/decimal'
import { findPersonalData } from './personal-data'

// The informant's report form: what, where, when and a short description.
// Every message is an i18n key of the council area.

export const MAX_DESCRIPTION = 1000
/** How far back an observation may be dated: older things are not news for a weekly picture. */
export const MAX_AGE_DAYS = 90
// A phone's clock may run a little ahead of the server's.
const CLOCK_SKEW_MS = 10 * 60_000

export interface ReportFormValues {
  organisationId: string
  categoryId: string
  locationKind: string
  lat: string
  lng: string
  areaId: string
  observedDate: string
  observedTime: string
  description: string
  clientKey: string
}

export function emptyReportValues(now: Date, organisationId = ''): ReportFormValues {
  const { date, time } = instantToStockholm(now)
  return {
    organisationId,
    categoryId: '',
    locationKind: 'pin',
    lat: '',
    lng: '',
    areaId: '',
    observedDate: date,
    observedTime: time,
    description: '',
    clientKey: '',
  }
}

const coordinate = z.string().trim().max(40, 'validation.tooLong').default('')

export function reportSchema(now: Date) {
  return z
    .object({
      organisationId: uuidField,
      categoryId: uuidField,
      locationKind: enumField(reportLocationKinds),
      lat: coordinate,
      lng: coordinate,
      areaId: z.string().trim().max(36, 'validation.choose').default(''),
      observedDate: z.string().trim().max(10, 'validation.date').default(''),
      observedTime: z.string().trim().max(5, 'validation.time').default(''),
      description: optionalText(MAX_DESCRIPTION).superRefine((text, ctx) => {
        const found = findPersonalData(text)
        if (found) ctx.addIssue({ code: 'custom', message: `council.report.error.${found}` })
      }),
      clientKey: z
        .string()
        .trim()
        .max(64, 'validation.tooLong')
        .regex(/^[A-Za-z0-9-]*$/, 'validation.tooLong')
        .default(''),
    })
    .transform((form, ctx) => {
      let position: { lat: number; lng: number } | null = null
      let areaId: string | null = null
      if (form.locationKind === 'area') {
        if (!z.string().uuid().safeParse(form.areaId).success) {
          ctx.addIssue({ code: 'custom', path: ['areaId'], message: 'council.report.error.area' })
        } else areaId = form.areaId
      } else {
        const lat = parseDecimal(form.lat)
        const lng = parseDecimal(form.lng)
        if (lat === null || lng === null || !isInSwedenWgs84({ lat, lng })) {
          ctx.addIssue({ code: 'custom', path: ['lat'], message: 'council.report.error.position' })
        } else position = { lat, lng }
      }
      const observedAt = stockholmToInstant(form.observedDate, form.observedTime)
      if (!observedAt) {
        ctx.addIssue({ code: 'custom', path: ['observedDate'], message: 'council.report.error.when' })
      } else if (observedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        ctx.addIssue({ code: 'custom', path: ['observedDate'], message: 'council.report.error.future' })
      } else if (observedAt.getTime() < now.getTime() - MAX_AGE_DAYS * 86_400_000) {
        ctx.addIssue({ code: 'custom', path: ['observedDate'], message: 'council.report.error.tooOld' })
      }
      return {
        organisationId: form.organisationId,
        categoryId: form.categoryId,
        locationKind: form.locationKind,
        position,
        areaId,
        observedAt: observedAt ?? now,
        description: form.description,
        clientKey: form.clientKey || null,
      }
    })
}

export type ReportInput = z.output<ReturnType<typeof reportSchema>>
