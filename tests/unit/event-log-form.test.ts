import { describe, expect, it } from 'vitest'
import { translator } from '../../app/i18n/i18n'
import { eventLogCsv } from '../../app/modules/events/event-log-csv'
import { correctionKind, parseLogEntryForm, TaskStateSchema } from '../../app/modules/events/event-log-form'
import type { LogEntryView } from '../../app/modules/events/event-log.server'
import { entryHref, pageOfEntry } from '../../app/modules/events/event-log-view'
import { composeWhereToTurn, parseKeyMessageForm, splitWhereToTurn } from '../../app/modules/events/key-message-form'
import { parseForm } from '../../app/modules/forms/parse-form'

const SOLOR = '11111111-1111-4111-8111-111111111111'
const OUTSIDER = '22222222-2222-4222-8222-222222222222'

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item)
  return data
}

const parse = (fields: Record<string, string>, kind?: 'observation' | 'decision' | 'task') =>
  parseLogEntryForm(form(fields), { organisationIds: [SOLOR], ...(kind ? { kind } : {}) })

describe('the log entry form', () => {
  it('takes an observation and leaves the other kinds’ fields empty', () => {
    const parsed = parse({ kind: 'observation', text: '  Strömmen tillbaka i Hol  ', decidedBy: 'ignoreras' })
    expect(parsed).toMatchObject({
      ok: true,
      data: { kind: 'observation', text: 'Strömmen tillbaka i Hol', decidedBy: '', taskOrganisationId: null },
    })
  })

  it('asks a decision for who decided and under which mandate, in Swedish, keeping the input', () => {
    const parsed = parse({ kind: 'decision', text: 'Öppna trygghetspunkt i Vårgårda', decidedBy: '' })
    expect(parsed).toMatchObject({
      ok: false,
      errors: { decidedBy: 'validation.required', mandate: 'validation.required' },
      values: { text: 'Öppna trygghetspunkt i Vårgårda' },
    })
    expect(
      parse({ kind: 'decision', text: 'x', decidedBy: 'Ordföranden', mandate: 'Krisledningsnämnden, reglemente § 4' }),
    ).toMatchObject({ ok: true, data: { decidedBy: 'Ordföranden', mandate: 'Krisledningsnämnden, reglemente § 4' } })
  })

  it('reads a task’s due time as Stockholm wall-clock time, and refuses an owner not taking part', () => {
    const summer = parse({ kind: 'task', text: 'Kör ut vatten', taskOrganisationId: SOLOR, due: '2026-06-10T16:00' })
    expect(summer.ok && summer.data.taskDueAt?.toISOString()).toBe('2026-06-10T14:00:00.000Z')
    const winter = parse({ kind: 'task', text: 'x', taskOrganisationId: SOLOR, due: '2026-11-27 16:00' })
    expect(winter.ok && winter.data.taskDueAt?.toISOString()).toBe('2026-11-27T15:00:00.000Z')
    expect(parse({ kind: 'task', text: 'x', taskOrganisationId: SOLOR })).toMatchObject({
      ok: true,
      data: { taskDueAt: null },
    })
    expect(parse({ kind: 'task', text: 'x', taskOrganisationId: SOLOR, due: 'i morgon' })).toMatchObject({
      ok: false,
      errors: { due: 'eventLog.error.due' },
    })
    // 02:30 on the last Sunday of March does not exist in Stockholm.
    expect(parse({ kind: 'task', text: 'x', taskOrganisationId: SOLOR, due: '2026-03-29T02:30' })).toMatchObject({
      ok: false,
      errors: { due: 'eventLog.error.noSuchTime' },
    })
    expect(parse({ kind: 'task', text: 'x', taskOrganisationId: OUTSIDER })).toMatchObject({
      ok: false,
      errors: { taskOrganisationId: 'eventLog.error.ownerNotTakingPart' },
    })
  })

  it('asks a message for its counterpart, refuses kinds the portal writes, and caps the text', () => {
    expect(parse({ kind: 'message_in', text: 'Samtal från Ellevio' })).toMatchObject({
      ok: false,
      errors: { counterpart: 'validation.required' },
    })
    expect(parse({ kind: 'status_report', text: 'x' })).toMatchObject({
      ok: false,
      errors: { kind: 'validation.choose' },
    })
    expect(parse({ kind: 'observation', text: 'x'.repeat(4001) })).toMatchObject({
      ok: false,
      errors: { text: 'validation.tooLong' },
    })
  })

  it('fixes a correction’s kind, whatever the form sends; the portal’s own kinds are corrected as observations', () => {
    const parsed = parse(
      { kind: 'observation', text: 'Rätt mandat', decidedBy: 'Ordföranden', mandate: '§ 5' },
      'decision',
    )
    expect(parsed).toMatchObject({ ok: true, data: { kind: 'decision', mandate: '§ 5' } })
    expect(correctionKind({ kind: 'status_report', stateChange: false })).toBe('observation')
    expect(correctionKind({ kind: 'callout', stateChange: false })).toBe('observation')
    expect(correctionKind({ kind: 'task', stateChange: false })).toBe('task')
    expect(correctionKind({ kind: 'task', stateChange: true })).toBe('observation')
  })

  it('takes a task state with an optional note', () => {
    expect(parseForm(TaskStateSchema, form({ taskId: SOLOR, state: 'done' }))).toMatchObject({
      ok: true,
      data: { state: 'done', text: '' },
    })
    expect(parseForm(TaskStateSchema, form({ taskId: SOLOR, state: 'deleted' }))).toMatchObject({
      ok: false,
      errors: { state: 'validation.choose' },
    })
  })
})

describe('paging the log', () => {
  it('puts the newest hundred entries on page 1 and links to an entry on its page', () => {
    expect(pageOfEntry(250, 250)).toBe(1)
    expect(pageOfEntry(151, 250)).toBe(1)
    expect(pageOfEntry(150, 250)).toBe(2)
    expect(pageOfEntry(1, 250)).toBe(3)
    expect(entryHref({ id: 'a', number: 1 }, 250, false)).toBe('?sida=3#post-a')
    expect(entryHref({ id: 'a', number: 1 }, 250, true)).toBe('#post-a')
  })
})

describe('the key message form', () => {
  const places = [
    { id: SOLOR, line: 'Trygghetspunkt: Kulturhuset, Kungsgatan 3' },
    { id: OUTSIDER, line: 'Nödvattenpunkt: Torget' },
  ]

  it('stores the picked places as lines before the free text, and reads them back as ticked boxes', () => {
    const parsed = parseKeyMessageForm(
      form({ text: 'Spara vatten', whereToTurn: 'Ring 0980-31 92 00', places: [OUTSIDER] }),
      places,
    )
    expect(parsed).toMatchObject({ ok: true, data: { whereToTurn: 'Nödvattenpunkt: Torget\nRing 0980-31 92 00' } })
    expect(splitWhereToTurn(composeWhereToTurn([places[0]!.line], 'Ring 113 13'), places)).toEqual({
      placeIds: [SOLOR],
      free: 'Ring 113 13',
    })
  })

  it('refuses a place that is not on the pick list, keeping the typed text', () => {
    const parsed = parseKeyMessageForm(
      form({ text: 'Spara vatten', places: ['33333333-3333-4333-8333-333333333333'] }),
      places,
    )
    expect(parsed).toMatchObject({
      ok: false,
      errors: { places: 'validation.choose' },
      values: { text: 'Spara vatten' },
    })
  })
})

describe('the log as CSV', () => {
  const entry: LogEntryView = {
    id: 'a',
    number: 1,
    kind: 'decision',
    text: '=HYPERLINK("x")',
    authorName: 'Karin Berg',
    organisationName: 'Vårgårda kommun',
    createdAt: '2026-11-27T13:05:00.000Z',
    decidedBy: 'Ordföranden',
    mandate: 'Krisledningsnämnden, reglemente § 4',
    counterpart: '',
    task: null,
    setsState: null,
    refersTo: null,
    corrects: null,
    correctedBy: [{ id: 'b', number: 2 }],
  }

  it('starts with ÖVNING for an exercise, writes Stockholm time, and guards formulas', () => {
    const csv = eventLogCsv(
      translator('sv'),
      { title: 'Elavbrott Vårgårda', exercise: true },
      [entry],
      new Date('2026-11-27T14:00:00Z'),
    )
    const lines = csv.replace('\uFEFF', '').split('\r\n')
    expect(lines[0]).toMatch(/^"ÖVNING";/)
    expect(lines[1]).toBe('"Händelse";"Elavbrott Vårgårda"')
    expect(csv).toContain('"2026-11-27 14:05";"Beslut";"Karin Berg";"Vårgårda kommun";"\'=HYPERLINK(""x"")"')
    expect(csv).toContain('"2"\r\n')
    const real = eventLogCsv(translator('sv'), { title: 'Storm', exercise: false }, [], new Date())
    expect(real).not.toContain('ÖVNING')
  })
})
