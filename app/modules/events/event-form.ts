import { z } from 'zod'
import { eventKinds, eventLevels, resources, type EventKind, type EventLevel, type Resource } from '~/db/enums'
import { enumField, optionalText, requiredText } from '~/modules/forms/fields'
import { instantToStockholm, stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { wellFormedIds, type PickerSpec, type PickerState } from '~/modules/organisations/picker'
import type { FailureScope } from '~/modules/scenarios/area'
import { FailureScopeSchema } from '~/modules/scenarios/definition'
import {
  parseScopeValues,
  readScopeValues,
  scopePickers,
  scopeValuesOf,
  withPickedScope,
  type ScopeValues,
} from '~/modules/scenarios/scenario-form'

// The form for declaring an event. The start is typed in Swedish wall-clock
// time and must not lie ahead (an event is declared when it happens; the
// server's clock stamps everything after). The affected area is entered as a
// scenario failure's scope, so the projection reads it the same way. Who
// takes part: picked organisations and all members of a picked network.
// Every message is an i18n key.

export const MAX_TAKING_PART = 2000
/** A clock a little ahead of the server's is no reason to refuse a start typed as "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000

export interface EventFormValues {
  title: string
  kind: string
  level: string
  date: string
  time: string
  description: string
  lostResources: string[]
  area: ScopeValues
  organisations: string[]
  networkId: string
}

export type EventFormErrors = Record<string, string>

export interface EventFields {
  title: string
  kind: EventKind
  level: EventLevel
  startedAt: Date
  description: string
  lostResources: Resource[]
  area: FailureScope
  organisationIds: string[]
  networkId: string | null
}

export type EventFormResult = { ok: true; data: EventFields } | { ok: false; errors: EventFormErrors }

/** The names of the affected area's fields: `area.scope`, `area.organisations` … */
export const areaFieldName = (field: keyof ScopeValues) => `area.${field}`

/** The declare form's pickers, under the fields they post: who takes part, and the affected area's. */
export type EventPickers = Record<'organisations' | 'area.organisations' | 'area.sites', PickerState>

/** The pickers of the declare form: with the values' ids for a page first shown, else as the post chose. */
export function eventPickers(values?: EventFormValues): Record<keyof EventPickers, PickerSpec> {
  return {
    organisations: { kind: 'organisation', ids: values && wellFormedIds(values.organisations) },
    ...(scopePickers(areaFieldName, values?.area) as Record<'area.organisations' | 'area.sites', PickerSpec>),
  }
}

/** The values with the ids the pickers hold after a search or a network added without JavaScript. */
export function withPickedEvent(values: EventFormValues, pickers: EventPickers): EventFormValues {
  return {
    ...values,
    organisations: pickers.organisations.selected.map((item) => item.id),
    area: withPickedScope(values.area, areaFieldName, pickers),
  }
}

/** The lead page's picker of who takes part: the event's organisations, or as the post chose. */
export function takingPartPicker(organisationIds?: readonly string[]): Record<'organisations', PickerSpec> {
  return { organisations: { kind: 'organisation', ids: organisationIds } }
}

export function newEventValues(now = new Date()): EventFormValues {
  const start = instantToStockholm(now)
  return {
    title: '',
    kind: 'real',
    level: 'staff',
    date: start.date,
    time: start.time,
    description: '',
    lostResources: [],
    area: scopeValuesOf({ kind: 'everywhere' }),
    organisations: [],
    networkId: '',
  }
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

const list = (formData: FormData, name: string) => [
  ...new Set(formData.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '')),
]

export function readEventValues(formData: FormData): EventFormValues {
  return {
    title: text(formData, 'title'),
    kind: text(formData, 'kind'),
    level: text(formData, 'level'),
    date: text(formData, 'date'),
    time: text(formData, 'time'),
    description: text(formData, 'description'),
    lostResources: list(formData, 'lostResources'),
    area: readScopeValues(formData, areaFieldName),
    organisations: list(formData, 'organisations'),
    networkId: text(formData, 'networkId'),
  }
}

const EventFormSchema = z.object({
  title: requiredText(200),
  kind: enumField(eventKinds),
  level: enumField(eventLevels),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'eventRoom.error.time'),
  description: optionalText(5000),
  lostResources: z.array(enumField(resources)).max(resources.length),
  organisations: z
    .array(z.string().uuid('validation.choose'))
    .max(MAX_TAKING_PART, 'eventRoom.error.tooManyTakingPart'),
  networkId: z.union([z.literal(''), z.string().uuid('validation.choose')]),
})

/** Checks the form; messages go to the field they concern (`time`, `area.area`, `organisations` …). */
export function parseEventForm(values: EventFormValues, now = new Date()): EventFormResult {
  const errors: EventFormErrors = {}
  const parsed = EventFormSchema.safeParse(values)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message
  }
  const area = parseScopeValues(values.area)
  for (const [field, message] of Object.entries(area.errors))
    errors[areaFieldName(field as keyof ScopeValues)] = message
  // The stored shape's own limits (how many organisations or sites the area names).
  if (Object.keys(area.errors).length === 0 && !FailureScopeSchema.safeParse(area.scope).success) {
    errors[areaFieldName(area.scope.kind === 'sites' ? 'sites' : 'organisations')] = 'eventRoom.error.tooMany'
  }
  if (values.organisations.length === 0 && !values.networkId) errors.organisations ??= 'eventRoom.error.noneTakingPart'
  if (!parsed.success) return { ok: false, errors }

  const data = parsed.data
  const startedAt = stockholmToInstant(data.date, data.time)
  if (!startedAt) errors[stockholmToInstant(data.date, '00:00') ? 'time' : 'date'] = 'eventRoom.error.noSuchTime'
  else if (startedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) errors.time = 'eventRoom.error.startAhead'
  if (Object.keys(errors).length > 0 || !startedAt) return { ok: false, errors }
  return {
    ok: true,
    data: {
      title: data.title,
      kind: data.kind,
      level: data.level,
      startedAt,
      description: data.description,
      lostResources: resources.filter((resource) => data.lostResources.includes(resource)),
      area: area.scope,
      organisationIds: data.organisations,
      networkId: data.networkId || null,
    },
  }
}

// The leading forms (ledning): each carries the version of the event it was
// loaded with, so two leaders never silently overwrite each other.

export type LeadFormResult<T> = { ok: true; data: T; version: number } | { ok: false; errors: EventFormErrors }

const versionOf = (formData: FormData): number | null => {
  const value = text(formData, 'version')
  return /^\d{1,9}$/.test(value) && Number(value) >= 1 ? Number(value) : null
}

export function parseLevelForm(formData: FormData): LeadFormResult<{ level: EventLevel }> {
  const level = enumField(eventLevels).safeParse(text(formData, 'level'))
  const version = versionOf(formData)
  const errors: EventFormErrors = {}
  if (!level.success) errors.level = 'validation.choose'
  if (version === null) errors._form = 'validation.formInvalid'
  if (!level.success || version === null) return { ok: false, errors }
  return { ok: true, data: { level: level.data }, version }
}

export function parseTakingPartForm(
  formData: FormData,
): LeadFormResult<{ organisationIds: string[]; networkId: string | null }> {
  const parsed = EventFormSchema.pick({ organisations: true, networkId: true }).safeParse({
    organisations: list(formData, 'organisations'),
    networkId: text(formData, 'networkId'),
  })
  const version = versionOf(formData)
  const errors: EventFormErrors = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message
  } else if (parsed.data.organisations.length === 0 && !parsed.data.networkId) {
    errors.organisations = 'eventRoom.error.noneTakingPart'
  }
  if (version === null) errors._form = 'validation.formInvalid'
  if (!parsed.success || version === null || Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    data: { organisationIds: parsed.data.organisations, networkId: parsed.data.networkId || null },
    version,
  }
}

export function parseEndForm(formData: FormData): LeadFormResult<Record<string, never>> {
  const version = versionOf(formData)
  const errors: EventFormErrors = {}
  if (text(formData, 'confirm') !== 'yes') errors.confirm = 'eventRoom.error.confirmEnd'
  if (version === null) errors._form = 'validation.formInvalid'
  if (version === null || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: {}, version }
}
