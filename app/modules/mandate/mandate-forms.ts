import { z } from 'zod'
import { deliverableKinds, deliverableStates } from '~/db/enums'
import type { MandateDeliverable } from '~/db/schema/mandate'
import { enumField, optionalText, requiredText, uuidField, versionField } from '~/modules/forms/fields'
import { parseForm, type ParseResult } from '~/modules/forms/parse-form'
import { pickedIds, type PickerFields, type PickerSpec, type PickerState } from '~/modules/organisations/picker'
import { isCalendarDate } from '~/modules/meetings/action-item-state'

// The mandate period's forms: one zod schema each, every message an i18n key.

export const TITLE_MAX = 200
export const DESCRIPTION_MAX = 2_000
export const NOTES_MAX = 4_000
/** A period longer than this is a typing mistake: a mandate period is four years. */
export const PERIOD_YEARS_MAX = 8

const yearField = z.coerce
  .number({ invalid_type_error: 'mandateCalendar.validation.year' })
  .int('mandateCalendar.validation.year')
  .min(2000, 'mandateCalendar.validation.year')
  .max(2100, 'mandateCalendar.validation.year')

const optionalYear = z
  .string()
  .trim()
  .default('')
  .refine((value) => value === '' || (/^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100), {
    message: 'mandateCalendar.validation.year',
  })
  .transform((value) => (value === '' ? null : Number(value)))

/** A real day written YYYY-MM-DD, or nothing. */
const optionalDate = z
  .string()
  .trim()
  .default('')
  .refine((value) => value === '' || isCalendarDate(value), 'validation.date')
  .transform((value) => (value === '' ? null : value))

export const NewPeriodSchema = z
  .object({
    title: optionalText(TITLE_MAX),
    startYear: yearField,
    endYear: yearField,
    organisationId: uuidField,
  })
  .refine((value) => value.endYear >= value.startYear, {
    path: ['endYear'],
    message: 'mandateCalendar.validation.endYear',
  })
  .refine((value) => value.endYear - value.startYear < PERIOD_YEARS_MAX, {
    path: ['endYear'],
    message: 'mandateCalendar.validation.periodLength',
  })

/** The title a new period gets when none is typed. */
export const defaultPeriodTitle = (startYear: number, endYear: number) => `Mandatperiod ${startYear}–${endYear}`

/** The mandate period after the coming election, or the one that starts this year (2027, 2031 …). */
export function nextPeriodStart(year: number): number {
  return year + ((((2027 - year) % 4) + 4) % 4)
}

export const PeriodSettingsSchema = z.object({
  version: versionField,
  title: requiredText(TITLE_MAX),
  trainingValidMonths: z.coerce
    .number({ invalid_type_error: 'mandateCalendar.validation.months' })
    .int('mandateCalendar.validation.months')
    .min(1, 'mandateCalendar.validation.months')
    .max(120, 'mandateCalendar.validation.months'),
})

export const ShareSchema = z.object({ version: versionField })

export const NewDeliverableSchema = z.object({
  kind: enumField(deliverableKinds),
  title: requiredText(TITLE_MAX),
  description: optionalText(DESCRIPTION_MAX),
  year: optionalYear,
  dueDate: optionalDate,
})

/** The states a milestone that may be classified is recorded with: reached or not. */
export const milestoneStates = ['not_started', 'done'] as const

const DecisionSchema = z.object({
  version: versionField,
  adoptedBy: optionalText(TITLE_MAX),
  adoptedOn: optionalDate,
  decisionReference: optionalText(100),
})
const ManagedSchema = z.object({
  title: requiredText(TITLE_MAX),
  description: optionalText(DESCRIPTION_MAX),
  dueDate: optionalDate,
})
const StateSchema = z.object({ state: enumField(deliverableStates) })
const MilestoneStateSchema = z.object({ state: enumField(milestoneStates) })
const NotesSchema = z.object({ notes: optionalText(NOTES_MAX) })
const NoNotesSchema = z.object({
  notes: z
    .string()
    .default('')
    .refine((value) => value.trim() === '', 'mandateCalendar.milestone.noNotes'),
})

export interface DeliverableEdit {
  version: number
  changes: Partial<
    Pick<
      MandateDeliverable,
      'title' | 'description' | 'dueDate' | 'state' | 'adoptedBy' | 'adoptedOn' | 'decisionReference' | 'notes'
    >
  >
}

/**
 * The edit form as this user may send it for this deliverable. The
 * coordinator changes the title, description and due date (and the owner,
 * through the pickers); the owner and the coordinator the state (not for the
 * RSA's, which is read from the RSA pages), the decision and the notes. A
 * milestone that may be classified is done or not, with its decision, and
 * its notes are refused.
 */
export function parseDeliverableEdit(
  formData: FormData,
  options: { manage: boolean; milestone: boolean; rsaKind: boolean },
): ParseResult<DeliverableEdit> {
  const decision = parseForm(DecisionSchema, formData)
  const managed = options.manage ? parseForm(ManagedSchema, formData) : null
  const state = options.rsaKind
    ? null
    : options.milestone
      ? parseForm(MilestoneStateSchema, formData)
      : parseForm(StateSchema, formData)
  const notes = options.milestone ? parseForm(NoNotesSchema, formData) : parseForm(NotesSchema, formData)
  const errors = Object.assign(
    {},
    ...[decision, managed, state, notes].map((part) => (part && !part.ok ? part.errors : {})),
  ) as Record<string, string>
  if (!decision.ok || managed?.ok === false || state?.ok === false || !notes.ok) {
    return { ok: false, errors, values: decision.values }
  }
  const { version, ...decided } = decision.data
  return {
    ok: true,
    values: decision.values,
    data: {
      version,
      changes: {
        ...decided,
        ...(managed?.ok ? managed.data : {}),
        ...(state?.ok ? { state: state.data.state } : {}),
        ...(options.milestone ? {} : { notes: notes.data.notes }),
      },
    },
  }
}

/** The edit form's values for a stored deliverable. */
export function deliverableValues(deliverable: MandateDeliverable): Record<string, string> {
  return {
    version: String(deliverable.version),
    title: deliverable.title,
    description: deliverable.description,
    dueDate: deliverable.dueDate ?? '',
    state: deliverable.state,
    adoptedBy: deliverable.adoptedBy,
    adoptedOn: deliverable.adoptedOn ?? '',
    decisionReference: deliverable.decisionReference,
    notes: deliverable.notes,
    ownerUserId: deliverable.ownerUserId ?? '',
    ownerOrganisationId: deliverable.ownerOrganisationId ?? '',
  }
}

export const DeleteSchema = z.object({ version: versionField })
export const RemoveDocumentSchema = z.object({ documentId: uuidField })

/** The owner's pickers: a person who may be invited, and an organisation; one each. */
export function ownerPickers(owner?: Pick<MandateDeliverable, 'ownerUserId' | 'ownerOrganisationId'>): {
  ownerUserId: PickerSpec
  ownerOrganisationId: PickerSpec
} {
  const ids = (id: string | null | undefined) => (owner ? (id ? [id] : []) : undefined)
  return {
    ownerUserId: { kind: 'person', single: true, ids: ids(owner?.ownerUserId) },
    ownerOrganisationId: { kind: 'organisation', single: true, ids: ids(owner?.ownerOrganisationId) },
  }
}

/**
 * The owner as posted: what the pickers found of the ids sent. An id that
 * names nobody who may own it (an informant, a deactivated account, a typo)
 * is a field error, never silently dropped.
 */
export function readOwnerChoice(
  formData: PickerFields,
  pickers: Record<'ownerUserId' | 'ownerOrganisationId', PickerState>,
):
  | { ok: true; ownerUserId: string | null; ownerOrganisationId: string | null }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const chosen = (field: 'ownerUserId' | 'ownerOrganisationId') => {
    const posted = pickedIds(formData, field).at(-1) ?? null
    const found = pickers[field].selected[0]?.id ?? null
    if (posted !== found) errors[field] = 'validation.choose'
    return found
  }
  const ownerUserId = chosen('ownerUserId')
  const ownerOrganisationId = chosen('ownerOrganisationId')
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, ownerUserId, ownerOrganisationId }
}
