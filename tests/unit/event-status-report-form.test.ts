import { describe, expect, it } from 'vitest'
import {
  fieldName,
  parseReportForm,
  PAST_SLACK_MS,
  readReportRows,
  reportValues,
  type ReportableService,
  type ServiceReportFields,
} from '../../app/modules/events/status-report-form'
import { instantToStockholm } from '../../app/modules/meetings/stockholm-time'

// The status report form: one row of repeated fields per critical service,
// only the changed rows filed, Swedish messages beside the field.

const HEAT = '00000000-0000-4000-8000-000000000001'
const STEAM = '00000000-0000-4000-8000-000000000002'
const FOREIGN = '00000000-0000-4000-8000-000000000009'
const now = new Date('2026-12-12T12:00:00Z')
const HOUR = 3_600_000

const onBackup: ServiceReportFields = {
  status: 'backup',
  backupHoursLeft: 10,
  expectedRestorationAt: null,
  note: '',
  needs: ['fuel'],
  needsOther: '',
}

function form(rows: Record<string, string | string[]>[]): FormData {
  const data = new FormData()
  rows.forEach((row, index) => {
    for (const [field, value] of Object.entries(row)) {
      for (const item of [value].flat()) data.append(`services[${index}].${field}`, item)
    }
  })
  return data
}

const row = (serviceId: string, fields: Record<string, string | string[]> = {}) => ({
  serviceId,
  status: 'normal',
  backupHoursLeft: '',
  expectedDate: '',
  expectedTime: '',
  note: '',
  needsOther: '',
  ...fields,
})

const services = (heatLatest: ServiceReportFields | null = null): ReportableService[] => [
  { id: HEAT, latest: heatLatest },
  { id: STEAM, latest: null },
]

describe('the status report form', () => {
  it('reads repeated fields by index, a list of needs included, in order', () => {
    const data = form([row(HEAT, { needs: ['fuel', 'staff'] }), row(STEAM)])
    data.append('services[0].unknown', 'x')
    data.append('organisationId', 'ignored here')
    const rows = readReportRows(data)
    expect(rows.map((r) => r.serviceId)).toEqual([HEAT, STEAM])
    expect(rows[0]!.needs).toEqual(['fuel', 'staff'])
  })

  it('files a first report of every service, even "normal", and takes a decimal comma', () => {
    const result = parseReportForm(
      form([row(HEAT, { status: 'backup', backupHoursLeft: '2,5', needs: ['reserve_power'] }), row(STEAM)]),
      services(),
      now,
    )
    expect(result).toMatchObject({
      ok: true,
      reports: [
        { serviceId: HEAT, status: 'backup', backupHoursLeft: 2.5, needs: ['reserve_power'] },
        { serviceId: STEAM, status: 'normal', backupHoursLeft: null },
      ],
    })
  })

  it('files only the rows that differ from their latest report', () => {
    const unchanged = row(HEAT, { status: 'backup', backupHoursLeft: '10', needs: ['fuel'] })
    const steamLatest: ServiceReportFields = { ...onBackup, status: 'normal', backupHoursLeft: null, needs: [] }
    const both: ReportableService[] = [
      { id: HEAT, latest: onBackup },
      { id: STEAM, latest: steamLatest },
    ]
    const result = parseReportForm(form([unchanged, row(STEAM, { status: 'failed' })]), both, now)
    expect(result.ok && result.reports.map((report) => report.serviceId)).toEqual([STEAM])
    const nothing = parseReportForm(form([unchanged, row(STEAM)]), both, now)
    expect(nothing).toMatchObject({ ok: false, reason: 'unchanged', errors: { _form: 'eventReport.error.noChange' } })
  })

  it('asks for the hours on backup, 0 or more, and keeps the other input', () => {
    const result = parseReportForm(
      form([
        row(HEAT, { status: 'backup', note: 'Reservkraft igång' }),
        row(STEAM, { status: 'backup', backupHoursLeft: '-1' }),
      ]),
      services(),
      now,
    )
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: {
        [fieldName(0, 'backupHoursLeft')]: 'eventReport.error.backupHoursRequired',
        [fieldName(1, 'backupHoursLeft')]: 'eventReport.error.backupHours',
      },
    })
    expect(!result.ok && result.reason === 'invalid' && result.values[0]!.note).toBe('Reservkraft igång')
  })

  it('forgets hours typed for a status other than backup', () => {
    const result = parseReportForm(form([row(HEAT, { status: 'degraded', backupHoursLeft: 'abc' })]), services(), now)
    expect(result).toMatchObject({ ok: true, reports: [{ status: 'degraded', backupHoursLeft: null }] })
  })

  it('reads the expected restoration in Stockholm time: both parts, a real time, not in the past', () => {
    const ok = parseReportForm(
      form([row(HEAT, { expectedDate: '2026-12-12', expectedTime: '18:00' })]),
      services(),
      now,
    )
    expect(ok.ok && ok.reports[0]!.expectedRestorationAt?.toISOString()).toBe('2026-12-12T17:00:00.000Z')

    const errors = (fields: Record<string, string>) => {
      const result = parseReportForm(form([row(HEAT, fields)]), services(), now)
      return !result.ok && result.reason === 'invalid' ? result.errors : {}
    }
    expect(errors({ expectedDate: '2026-12-12' })[fieldName(0, 'expectedTime')]).toBe('eventReport.error.expectedBoth')
    expect(errors({ expectedDate: '2026-02-30', expectedTime: '10:00' })[fieldName(0, 'expectedDate')]).toBe(
      'eventReport.error.expectedInvalid',
    )
    expect(errors({ expectedDate: '2026-12-12', expectedTime: '10:00' })[fieldName(0, 'expectedDate')]).toBe(
      'eventReport.error.expectedPast',
    )
    // A few minutes behind the server's clock is a slow form, not a mistake.
    const justBefore = instantToStockholm(new Date(now.getTime() - PAST_SLACK_MS / 2))
    expect(errors({ expectedDate: justBefore.date, expectedTime: justBefore.time })).toEqual({})
  })

  it('lets an unchanged expected time stand after it has passed', () => {
    const past = new Date(now.getTime() - 5 * HOUR)
    const latest = { ...onBackup, expectedRestorationAt: past }
    const local = instantToStockholm(past)
    const result = parseReportForm(
      form([row(HEAT, { status: 'failed', expectedDate: local.date, expectedTime: local.time })]),
      services(latest),
      now,
    )
    expect(result).toMatchObject({ ok: true, reports: [{ status: 'failed', expectedRestorationAt: past }] })
  })

  it('refuses an unknown status or need, a long note and a repeated service', () => {
    const result = parseReportForm(
      form([row(HEAT, { status: 'gone', needs: ['money'] }), row(STEAM, { note: 'x'.repeat(501) }), row(STEAM)]),
      services(),
      now,
    )
    expect(result).toMatchObject({
      ok: false,
      errors: {
        [fieldName(0, 'status')]: 'validation.choose',
        [fieldName(0, 'needs')]: 'validation.choose',
        [fieldName(1, 'note')]: 'validation.tooLong',
        [fieldName(2, 'status')]: 'validation.invalid',
      },
    })
  })

  it("says so when a row names a service that is not the organisation's", () => {
    expect(parseReportForm(form([row(HEAT), row(FOREIGN)]), services(), now)).toEqual({ ok: false, reason: 'foreign' })
  })

  it('pre-fills a service from its latest report, or normal operation', () => {
    const at = new Date('2026-12-12T17:30:00Z')
    expect(reportValues(HEAT, { ...onBackup, backupHoursLeft: 10.5, expectedRestorationAt: at })).toMatchObject({
      status: 'backup',
      backupHoursLeft: '10,5',
      expectedDate: '2026-12-12',
      expectedTime: '18:30',
      needs: ['fuel'],
    })
    expect(reportValues(STEAM, null)).toMatchObject({ status: 'normal', backupHoursLeft: '', needs: [] })
  })
})
