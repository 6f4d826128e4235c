import { z } from 'zod'
import { eventNeeds, serviceStatuses, type EventNeed, type ServiceStatus } from '~/db/enums'
import { formatSwedishHours } from '~/i18n/format'
import { enumField } from '~/modules/forms/fields'
import { indexedName, indexedRows } from '~/modules/forms/form-values'
import { instantToStockholm, stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { parseDecimal } from '~/modules/registry/decimal'

// One form reports every critical service of one organisation at once, each
// service a row of repeated fields named `services[i].<field>`. Only the rows
// that differ from the service's latest report are filed: a report is
// history, and an unchanged row would only repeat it. Every message is an
// i18n key.

export const NOTE_MAX = 500
export const NEEDS_OTHER_MAX = 200
/** numeric(7, 2) in the database. */
export const BACKUP_HOURS_MAX = 99_999
/** A phone's clock and a slow form may put "now" a little in the past; more than this is a mistake. */
export const PAST_SLACK_MS = 10 * 60_000
const MAX_ROWS = 1_000

export const reportFields = [
  'serviceId',
  'status',
  'backupHoursLeft',
  'expectedDate',
  'expectedTime',
  'note',
  'needs',
  'needsOther',
] as const
export type ReportField = (typeof reportFields)[number]

/** The name of one row's field: `services[2].status`. */
export function fieldName(index: number, field: ReportField): string {
  return indexedName('services', index, field)
}

/** What the form shows for one service, as text. */
export interface ServiceReportValues {
  serviceId: string
  status: string
  backupHoursLeft: string
  expectedDate: string
  expectedTime: string
  note: string
  needs: string[]
  needsOther: string
}

/** A service's state as filed: the latest report, or what a new one holds. */
export interface ServiceReportFields {
  status: ServiceStatus
  backupHoursLeft: number | null
  expectedRestorationAt: Date | null
  note: string
  needs: EventNeed[]
  needsOther: string
}

export interface ParsedServiceReport extends ServiceReportFields {
  serviceId: string
}

/** A service the organisation may report, with its latest report in this event. */
export interface ReportableService {
  id: string
  latest: ServiceReportFields | null
}

export type ReportFormResult =
  | { ok: true; reports: ParsedServiceReport[] }
  | { ok: false; reason: 'invalid'; errors: Record<string, string>; values: ServiceReportValues[] }
  | { ok: false; reason: 'unchanged'; errors: Record<string, string>; values: ServiceReportValues[] }
  /** A row names a service that is not the organisation's: no form of the portal's sends that. */
  | { ok: false; reason: 'foreign' }

/** The form's values for a service: its latest report, or normal operation when it has none. */
export function reportValues(serviceId: string, latest: ServiceReportFields | null): ServiceReportValues {
  const expected = latest?.expectedRestorationAt ? instantToStockholm(latest.expectedRestorationAt) : null
  return {
    serviceId,
    status: latest?.status ?? 'normal',
    backupHoursLeft: latest?.backupHoursLeft != null ? formatSwedishHours(latest.backupHoursLeft) : '',
    expectedDate: expected?.date ?? '',
    expectedTime: expected?.time ?? '',
    note: latest?.note ?? '',
    needs: latest?.needs ?? [],
    needsOther: latest?.needsOther ?? '',
  }
}

/** The submitted rows, in their order; a row without a service id is no row. */
export function readReportRows(formData: FormData): ServiceReportValues[] {
  return readIndexedRows(formData).map(([, row]) => row)
}

/** The rows with the index their fields were named with, which their messages are named with too. */
function readIndexedRows(formData: FormData): [number, ServiceReportValues][] {
  return indexedRows(formData, 'services', reportFields, MAX_ROWS)
    .map(({ index, values }): [number, ServiceReportValues] => {
      const first = (field: Exclude<ReportField, 'needs'>) => values[field].find((value) => value !== '') ?? ''
      return [
        index,
        {
          serviceId: first('serviceId'),
          status: first('status'),
          backupHoursLeft: first('backupHoursLeft'),
          expectedDate: first('expectedDate'),
          expectedTime: first('expectedTime'),
          note: first('note'),
          needs: values.needs,
          needsOther: first('needsOther'),
        },
      ]
    })
    .filter(([, row]) => row.serviceId !== '')
}

const noNul = (text: string) => !text.includes('\u0000')

const rowShape = z.object({
  serviceId: z.string(),
  status: enumField(serviceStatuses),
  backupHoursLeft: z.string().trim().max(20, 'eventReport.error.backupHours'),
  expectedDate: z.string().trim(),
  expectedTime: z.string().trim(),
  note: z.string().trim().max(NOTE_MAX, 'validation.tooLong').refine(noNul, 'validation.invalid'),
  needs: z.array(enumField(eventNeeds)).max(eventNeeds.length),
  needsOther: z.string().trim().max(NEEDS_OTHER_MAX, 'validation.tooLong').refine(noNul, 'validation.invalid'),
})

/** One row's schema: what it means depends on the service's latest report (an unchanged past time stands) and the clock. */
function rowSchema(latest: ServiceReportFields | null, now: Date) {
  return rowShape.transform((row, ctx): ParsedServiceReport => {
    let backupHoursLeft: number | null = null
    if (row.status === 'backup') {
      const hours = row.backupHoursLeft === '' ? null : parseDecimal(row.backupHoursLeft)
      if (row.backupHoursLeft === '') {
        ctx.addIssue({ code: 'custom', path: ['backupHoursLeft'], message: 'eventReport.error.backupHoursRequired' })
      } else if (hours === null || hours < 0 || hours > BACKUP_HOURS_MAX) {
        ctx.addIssue({ code: 'custom', path: ['backupHoursLeft'], message: 'eventReport.error.backupHours' })
      } else {
        backupHoursLeft = Math.round(hours * 100) / 100
      }
    }
    let expectedRestorationAt: Date | null = null
    if (row.expectedDate !== '' || row.expectedTime !== '') {
      if (row.expectedDate === '' || row.expectedTime === '') {
        ctx.addIssue({
          code: 'custom',
          path: [row.expectedDate === '' ? 'expectedDate' : 'expectedTime'],
          message: 'eventReport.error.expectedBoth',
        })
      } else {
        expectedRestorationAt = stockholmToInstant(row.expectedDate, row.expectedTime)
        const unchanged = sameInstant(expectedRestorationAt, latest?.expectedRestorationAt ?? null)
        if (!expectedRestorationAt) {
          ctx.addIssue({ code: 'custom', path: ['expectedDate'], message: 'eventReport.error.expectedInvalid' })
        } else if (!unchanged && expectedRestorationAt.getTime() < now.getTime() - PAST_SLACK_MS) {
          ctx.addIssue({ code: 'custom', path: ['expectedDate'], message: 'eventReport.error.expectedPast' })
        }
      }
    }
    return {
      serviceId: row.serviceId,
      status: row.status,
      backupHoursLeft,
      expectedRestorationAt,
      note: row.note,
      needs: eventNeeds.filter((need) => row.needs.includes(need)),
      needsOther: row.needsOther,
    }
  })
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  if (a === null || b === null) return a === b
  // The form shows minutes: a stored time with seconds is the same minute typed back.
  return Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000)
}

/** Whether a parsed row says what the latest report already says. */
export function sameAsLatest(report: ServiceReportFields, latest: ServiceReportFields | null): boolean {
  if (!latest) return false
  const sameHours =
    report.backupHoursLeft === null || latest.backupHoursLeft === null
      ? report.backupHoursLeft === latest.backupHoursLeft
      : Math.abs(report.backupHoursLeft - latest.backupHoursLeft) < 0.005
  const needs = (list: readonly EventNeed[]) => [...new Set(list)].sort().join(',')
  return (
    report.status === latest.status &&
    sameHours &&
    sameInstant(report.expectedRestorationAt, latest.expectedRestorationAt) &&
    report.note.trim() === latest.note.trim() &&
    needs(report.needs) === needs(latest.needs) &&
    report.needsOther.trim() === latest.needsOther.trim()
  )
}

/**
 * Reads the form against the organisation's services: the rows that changed,
 * or the errors by field name (`services[i].field`, `_form` for the whole
 * form) with the submitted values, or `foreign` when a row names a service
 * that is not the organisation's.
 */
export function parseReportForm(
  formData: FormData,
  services: readonly ReportableService[],
  now: Date,
): ReportFormResult {
  const indexed = readIndexedRows(formData)
  const rows = indexed.map(([, row]) => row)
  const byId = new Map(services.map((service) => [service.id, service]))
  if (rows.some((row) => !byId.has(row.serviceId))) return { ok: false, reason: 'foreign' }
  const errors: Record<string, string> = {}
  const reports: ParsedServiceReport[] = []
  const seen = new Set<string>()
  indexed.forEach(([index, row]) => {
    if (seen.has(row.serviceId)) {
      errors[fieldName(index, 'status')] ??= 'validation.invalid'
      return
    }
    seen.add(row.serviceId)
    const latest = byId.get(row.serviceId)!.latest
    const parsed = rowSchema(latest, now).safeParse(row)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'status') as ReportField
        errors[fieldName(index, reportFields.includes(field) ? field : 'status')] ??= messageOf(issue)
      }
      return
    }
    if (!sameAsLatest(parsed.data, latest)) reports.push(parsed.data)
  })
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors, values: rows }
  if (reports.length === 0) {
    return { ok: false, reason: 'unchanged', errors: { _form: 'eventReport.error.noChange' }, values: rows }
  }
  return { ok: true, reports }
}

function messageOf(issue: z.ZodIssue): string {
  return issue.message.includes('.') ? issue.message : 'validation.invalid'
}
