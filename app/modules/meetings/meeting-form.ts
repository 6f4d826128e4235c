import { z } from 'zod'
import { meetingKinds, type MeetingKind } from '~/db/enums'
import { enumField, optionalText, requiredText } from '~/modules/forms/fields'
import type { PickerSpec, PickerState } from '~/modules/organisations/picker'
import { instantToStockholm, stockholmToInstant } from './stockholm-time'

// The form for convening a meeting. Times are typed in Swedish wall-clock
// time; the agenda is one item per line; invitations go to a whole network,
// picked organisations and picked people (whose organisations are then
// invited too, so that they may read the meeting). Every message is an i18n key.

export const MAX_AGENDA_ITEMS = 40
export const MAX_INVITED = 500

/**
 * The kinds the meeting forms offer. An ISF conference is convened from its
 * event only (it is tied to the event and invites its taking-part
 * organisations); editing one keeps its kind.
 */
export function offeredMeetingKinds(currentKind?: string): MeetingKind[] {
  return meetingKinds.filter((kind) => kind !== 'isf_conference' || kind === currentKind)
}

export interface MeetingFormValues {
  kind: string
  title: string
  theme: string
  description: string
  agenda: string
  date: string
  startTime: string
  endDate: string
  endTime: string
  place: string
  videoLink: string
  networkId: string
  organisations: string[]
  people: string[]
  scenarioId: string
  version: string
}

export type MeetingFormErrors = Record<string, string>

/** The form's two pickers, under the fields they post. */
export interface MeetingPickers {
  organisations: PickerState
  people: PickerState
}

/** The pickers of the form: with the values' ids for a page first shown, else as the post chose. */
export function meetingPickers(values?: MeetingFormValues): Record<keyof MeetingPickers, PickerSpec> {
  return {
    organisations: { kind: 'organisation', ids: values?.organisations },
    people: { kind: 'person', ids: values?.people },
  }
}

/** The values with the ids the pickers hold after a search or a network added without JavaScript. */
export function withPicked(values: MeetingFormValues, pickers: MeetingPickers): MeetingFormValues {
  return {
    ...values,
    organisations: pickers.organisations.selected.map((item) => item.id),
    people: pickers.people.selected.map((item) => item.id),
  }
}

export interface MeetingFields {
  kind: MeetingKind
  title: string
  theme: string
  description: string
  agenda: string[]
  startsAt: Date
  endsAt: Date
  place: string
  videoLink: string
  networkId: string | null
  organisationIds: string[]
  personIds: string[]
  scenarioId: string | null
}

export type MeetingFormResult =
  { ok: true; data: MeetingFields; version: number | null } | { ok: false; errors: MeetingFormErrors }

export function newMeetingValues(): MeetingFormValues {
  return {
    kind: 'network_meeting',
    title: '',
    theme: '',
    description: '',
    agenda: '',
    date: '',
    startTime: '09:00',
    endDate: '',
    endTime: '12:00',
    place: '',
    videoLink: '',
    networkId: '',
    organisations: [],
    people: [],
    scenarioId: '',
    version: '',
  }
}

/** A stored meeting as the edit form shows it. */
export function meetingValues(meeting: {
  kind: MeetingKind
  title: string
  theme: string
  description: string
  agenda: string[]
  startsAt: Date
  endsAt: Date
  place: string
  videoLink: string
  networkId: string | null
  scenarioId: string | null
  version: number
  organisationIds: string[]
}): MeetingFormValues {
  const start = instantToStockholm(meeting.startsAt)
  const end = instantToStockholm(meeting.endsAt)
  return {
    kind: meeting.kind,
    title: meeting.title,
    theme: meeting.theme,
    description: meeting.description,
    agenda: meeting.agenda.join('\n'),
    date: start.date,
    startTime: start.time,
    endDate: end.date === start.date ? '' : end.date,
    endTime: end.time,
    place: meeting.place,
    videoLink: meeting.videoLink,
    networkId: meeting.networkId ?? '',
    organisations: meeting.organisationIds,
    people: [],
    scenarioId: meeting.scenarioId ?? '',
    version: String(meeting.version),
  }
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

const ids = (formData: FormData, name: string) => [
  ...new Set(formData.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '')),
]

export function readMeetingValues(formData: FormData): MeetingFormValues {
  return {
    kind: text(formData, 'kind'),
    title: text(formData, 'title'),
    theme: text(formData, 'theme'),
    description: text(formData, 'description'),
    agenda: text(formData, 'agenda'),
    date: text(formData, 'date'),
    startTime: text(formData, 'startTime'),
    endDate: text(formData, 'endDate'),
    endTime: text(formData, 'endTime'),
    place: text(formData, 'place'),
    videoLink: text(formData, 'videoLink'),
    networkId: text(formData, 'networkId'),
    organisations: ids(formData, 'organisations'),
    people: ids(formData, 'people'),
    scenarioId: text(formData, 'scenarioId'),
    version: text(formData, 'version'),
  }
}

const uuidList = z.array(z.string().uuid('validation.choose')).max(MAX_INVITED, 'meeting.error.tooManyInvited')
const optionalUuid = z.union([z.literal(''), z.string().uuid('validation.choose')])

const MeetingFormSchema = z.object({
  kind: enumField(meetingKinds),
  title: requiredText(200),
  theme: optionalText(200),
  description: optionalText(5000),
  agenda: optionalText(8000),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'meeting.error.date'),
  startTime: z.string().regex(/^\d{2}:\d{2}$/, 'meeting.error.time'),
  endDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'meeting.error.date')]),
  endTime: z.string().regex(/^\d{2}:\d{2}$/, 'meeting.error.time'),
  place: optionalText(300),
  videoLink: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(500, 'validation.tooLong')
      .url('meeting.error.videoLink')
      .refine((value) => /^https:\/\//i.test(value), 'meeting.error.videoLink'),
  ]),
  networkId: optionalUuid,
  organisations: uuidList,
  people: uuidList,
  scenarioId: optionalUuid,
})

/**
 * Checks the form: the times must exist in Stockholm and the end come after
 * the start; someone must be invited. The version is the record's when
 * editing, null for a new meeting.
 */
export function parseMeetingForm(
  values: MeetingFormValues,
  options: { needsVersion: boolean; currentKind?: MeetingKind },
): MeetingFormResult {
  const errors: MeetingFormErrors = {}
  const parsed = MeetingFormSchema.safeParse(values)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message
  }
  let version: number | null = null
  if (options.needsVersion) {
    version = /^\d+$/.test(values.version) ? Number(values.version) : null
    if (version === null || version < 1) errors._form ??= 'meeting.error.version'
  }
  if (parsed.success && !offeredMeetingKinds(options.currentKind).includes(parsed.data.kind)) {
    errors.kind = 'validation.choose'
  }
  if (!parsed.success) return { ok: false, errors }

  const data = parsed.data
  const startsAt = stockholmToInstant(data.date, data.startTime)
  const endsAt = stockholmToInstant(data.endDate || data.date, data.endTime)
  if (!startsAt) errors[stockholmToInstant(data.date, '00:00') ? 'startTime' : 'date'] = 'meeting.error.noSuchTime'
  if (!endsAt)
    errors[data.endDate && !stockholmToInstant(data.endDate, '00:00') ? 'endDate' : 'endTime'] =
      'meeting.error.noSuchTime'
  if (startsAt && endsAt && endsAt <= startsAt) errors.endTime = 'meeting.error.endBeforeStart'
  const agenda = data.agenda
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  if (agenda.length > MAX_AGENDA_ITEMS) errors.agenda = 'meeting.error.agendaTooLong'
  if (!data.networkId && data.organisations.length === 0 && data.people.length === 0) {
    errors.organisations = 'meeting.error.noneInvited'
  }
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { ok: false, errors }
  return {
    ok: true,
    version,
    data: {
      kind: data.kind,
      title: data.title,
      theme: data.theme,
      description: data.description,
      agenda,
      startsAt,
      endsAt,
      place: data.place,
      videoLink: data.videoLink,
      networkId: data.networkId || null,
      organisationIds: data.organisations,
      personIds: data.people,
      scenarioId: data.kind === 'theme_day' || data.kind === 'rsa_workshop' ? data.scenarioId || null : null,
    },
  }
}
