import type { SituationReportContent } from '~/db/schema/events'
import type { MessageKey } from '~/i18n/sv'
import { instantToStockholm, stockholmToInstant } from '~/modules/meetings/stockholm-time'

// The draft form: four headings, sender, contact, and two Stockholm times
// typed as date and time. Pure, so that the page and its tests share it.

export const draftTextFields = ['development', 'state', 'expected', 'measures'] as const
const HEADING_MAX = 20_000
const LINE_MAX = 500

export interface DraftFormValues {
  development: string
  state: string
  expected: string
  measures: string
  sender: string
  contact: string
  situationDate: string
  situationTime: string
  nextDate: string
  nextTime: string
}

export type DraftFormErrors = Partial<Record<keyof DraftFormValues, MessageKey>>

export function draftFormValues(content: SituationReportContent): DraftFormValues {
  const situation = content.situationAt ? instantToStockholm(new Date(content.situationAt)) : { date: '', time: '' }
  const next = content.nextReportAt ? instantToStockholm(new Date(content.nextReportAt)) : { date: '', time: '' }
  return {
    development: content.development,
    state: content.state,
    expected: content.expected,
    measures: content.measures,
    sender: content.sender,
    contact: content.contact,
    situationDate: situation.date,
    situationTime: situation.time,
    nextDate: next.date,
    nextTime: next.time,
  }
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : ''
}

export function parseDraftForm(
  formData: FormData,
):
  | { ok: true; content: SituationReportContent; values: DraftFormValues }
  | { ok: false; values: DraftFormValues; errors: DraftFormErrors } {
  const values: DraftFormValues = {
    development: text(formData, 'development'),
    state: text(formData, 'state'),
    expected: text(formData, 'expected'),
    measures: text(formData, 'measures'),
    sender: text(formData, 'sender').trim(),
    contact: text(formData, 'contact').trim(),
    situationDate: text(formData, 'situationDate').trim(),
    situationTime: text(formData, 'situationTime').trim(),
    nextDate: text(formData, 'nextDate').trim(),
    nextTime: text(formData, 'nextTime').trim(),
  }
  const errors: DraftFormErrors = {}
  for (const field of draftTextFields) if (values[field].length > HEADING_MAX) errors[field] = 'situationReport.tooLong'
  if (values.sender.length > LINE_MAX) errors.sender = 'situationReport.tooLong'
  if (values.contact.length > LINE_MAX) errors.contact = 'situationReport.tooLong'
  const situationAt = stockholmToInstant(values.situationDate, values.situationTime)
  if (!situationAt) errors.situationDate = 'situationReport.invalidTime'
  const noNext = values.nextDate === '' && values.nextTime === ''
  const nextAt = noNext ? null : stockholmToInstant(values.nextDate, values.nextTime)
  if (!noNext && !nextAt) errors.nextDate = 'situationReport.invalidTime'
  if (Object.keys(errors).length > 0 || !situationAt) return { ok: false, values, errors }
  return {
    ok: true,
    values,
    content: {
      development: values.development,
      state: values.state,
      expected: values.expected,
      measures: values.measures,
      sender: values.sender,
      contact: values.contact,
      situationAt: situationAt.toISOString(),
      nextReportAt: nextAt ? nextAt.toISOString() : '',
    },
  }
}
