import { describe, expect, it } from 'vitest'
import {
  checkImportText,
  checkRow,
  importColumns,
  organisationKey,
  planImport,
  routeKey,
  templateRows,
  type CheckedRow,
  type ImportRow,
  type RawRow,
} from '../../app/modules/import/import-rows'
import { toCsv } from '../../app/modules/text/csv'

const header = 'organisation;typ;funktion;kanal;värde;tillgänglighet;ordning;synlighet;etikett'

function raw(fields: Partial<RawRow>): RawRow {
  return { ...(Object.fromEntries(importColumns.map((column) => [column, ''])) as RawRow), ...fields }
}

function rowsOf(text: string): CheckedRow[] {
  const checked = checkImportText(text)
  if (!checked.ok) throw new Error(`file refused: ${JSON.stringify(checked.issues)}`)
  return checked.rows
}

describe('a row of the import file', () => {
  it('accepts Swedish labels as the portal writes them', () => {
    const result = checkRow(
      2,
      raw({
        organisation: 'Vårgårda Vatten AB',
        kind: 'Vatten',
        function: 'ISK – inriktnings- och samordningskontakt',
        channel: 'Telefon',
        value: '031-390 06 50',
        availability: 'Dygnet runt (24/7)',
        callOrder: '2',
        visibility: 'Hela nätverket',
        label: 'Jour',
      }),
    )
    expect(result).toEqual({
      row: {
        line: 2,
        organisation: 'Vårgårda Vatten AB',
        kind: 'water',
        route: {
          function: 'isk',
          channel: 'phone',
          value: '031-390 06 50',
          label: 'Jour',
          availability: 'always',
          callOrder: 2,
          visibility: 'network',
        },
      },
      issues: [],
    })
  })

  it('accepts codes, short words, any case and missing accents', () => {
    const result = checkRow(3, raw({ organisation: 'X', kind: 'MUNICIPALITY', function: 'tib', channel: 'e-post', value: 'tib@example.org', availability: '24/7', visibility: 'begransad' }))
    expect(result.row?.kind).toBe('municipality')
    expect(result.row?.route).toMatchObject({ function: 'duty_officer', channel: 'email', availability: 'always', visibility: 'restricted', callOrder: 1 })
    expect(checkRow(3, raw({ organisation: 'X', function: 'Vaxel', channel: 'telefon', value: '031-390 06 51', availability: 'kontorstid' })).row?.route?.function).toBe('switchboard')
  })

  it('makes a mobile number without stated visibility restricted, anything else network-wide', () => {
    const mobile = checkRow(2, raw({ organisation: 'X', function: 'chef', channel: 'mobil', value: '070-174 06 60', availability: 'vid aktivering' }))
    expect(mobile.row?.route?.visibility).toBe('restricted')
    const phone = checkRow(2, raw({ organisation: 'X', function: 'växel', channel: 'telefon', value: '031-390 06 60', availability: 'kontorstid' }))
    expect(phone.row?.route?.visibility).toBe('network')
  })

  it('is an organisation alone when every contact-route field is empty', () => {
    expect(checkRow(4, raw({ organisation: 'Ny förening', kind: 'Frivilligorganisation' }))).toEqual({
      row: { line: 4, organisation: 'Ny förening', kind: 'voluntary', route: null },
      issues: [],
    })
  })

  it('names every wrong field, in the form schema’s words', () => {
    const result = checkRow(5, raw({ organisation: '', kind: 'rymdbolag', function: 'isk', channel: 'telefon', value: '12', availability: 'ibland', callOrder: '0' }))
    expect(result.row).toBeNull()
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { column: 'organisation', message: 'validation.required' },
        { column: 'kind', message: 'import.error.unknownValue' },
        { column: 'availability', message: 'import.error.unknownValue' },
        { column: 'value', message: 'contacts.validation.phone' },
        { column: 'callOrder', message: 'contacts.validation.callOrder' },
      ]),
    )
    expect(result.issues).toHaveLength(5)
  })

  it('asks for the missing function, channel and availability of a route', () => {
    const result = checkRow(6, raw({ organisation: 'X', value: '031-390 06 00' }))
    expect(result.issues).toEqual([
      { column: 'function', message: 'import.error.missing' },
      { column: 'channel', message: 'import.error.missing' },
      { column: 'availability', message: 'import.error.missing' },
    ])
  })

  it('checks an e-mail address as the contact-route form does', () => {
    const result = checkRow(7, raw({ organisation: 'X', function: 'isk', channel: 'e-post', value: 'inte en adress', availability: '24/7' }))
    expect(result.issues).toEqual([{ column: 'value', message: 'validation.email' }])
  })
})

describe('a whole import file', () => {
  it('maps Swedish column names in any order and case, and keeps line numbers', () => {
    const rows = rowsOf(`Värde;ORGANISATION;Kanal;Funktion;Tillgänglighet\n031-390 06 00;A;telefon;växel;kontorstid\n\n031-390 06 01;B;telefon;växel;kontorstid\n`)
    expect(rows.map((row) => [row.line, row.row?.organisation, row.row?.route?.value])).toEqual([
      [2, 'A', '031-390 06 00'],
      [4, 'B', '031-390 06 01'],
    ])
  })

  it('reads a comma-separated file with quoted fields', () => {
    const rows = rowsOf('organisation,typ,funktion,kanal,värde,tillgänglighet,etikett\n"Bolaget, AB",Företag,Växel,Telefon,031-390 06 02,Kontorstid,"Växel, vardagar"\n')
    expect(rows[0]!.row).toMatchObject({ organisation: 'Bolaget, AB', kind: 'company', route: { label: 'Växel, vardagar' } })
  })

  it('reads the downloadable template without a single problem', () => {
    const rows = rowsOf(toCsv(templateRows()))
    expect(rows).toHaveLength(2)
    expect(rows.every((row) => row.issues.length === 0)).toBe(true)
  })

  it('marks a row with more fields than the header', () => {
    const rows = rowsOf(`organisation;typ\nA;Företag;extra\n`)
    expect(rows[0]!.issues).toEqual([{ column: null, message: 'import.error.extraFields' }])
    expect(rows[0]!.row).toBeNull()
  })

  it('refuses a file without the organisation column, with unknown or repeated columns', () => {
    expect(checkImportText('namnet;typ\nA;Kommun')).toEqual({
      ok: false,
      issues: [
        { message: 'import.error.noHeader', vars: { name: 'organisation' } },
        { message: 'import.error.unknownColumn', vars: { name: 'namnet' } },
      ],
    })
    expect(checkImportText('organisation;typ;Typ\nA;Kommun;Kommun')).toEqual({
      ok: false,
      issues: [{ message: 'import.error.duplicateColumn', vars: { name: 'Typ' } }],
    })
  })

  it('refuses an empty file, a header alone, an open quote and too many rows', () => {
    expect(checkImportText('\uFEFF\r\n')).toEqual({ ok: false, issues: [{ message: 'import.error.empty' }] })
    expect(checkImportText(`${header}\r\n`)).toEqual({ ok: false, issues: [{ message: 'import.error.noRows' }] })
    expect(checkImportText(`${header}\n"A;Kommun`)).toEqual({ ok: false, issues: [{ message: 'import.error.unterminatedQuote', vars: { line: 2 } }] })
    const many = [header, ...Array.from({ length: 4 }, (_, i) => `Org ${i};Kommun`)].join('\n')
    expect(checkImportText(many, 3)).toEqual({ ok: false, issues: [{ message: 'import.error.tooManyRows', vars: { max: 3, count: 4 } }] })
  })
})

describe('planning an import', () => {
  const route = { function: 'switchboard', channel: 'phone', value: '031-390 06 00', label: '', availability: 'office_hours', callOrder: 1, visibility: 'network' } as const
  const row = (line: number, organisation: string, kind: ImportRow['kind'], withRoute = true, value: string = route.value): ImportRow => ({
    line,
    organisation,
    kind,
    route: withRoute ? { ...route, value } : null,
  })
  const none = { byKey: new Map(), routeKeys: new Set<string>() }

  it('matches existing organisations by name regardless of case, and creates the others once', () => {
    const existing = { id: 'id-1', name: 'Vårgårda Bostäder AB', kind: 'municipal_company' as const }
    const plan = planImport(
      [row(2, 'VÅRGÅRDA BOSTÄDER AB', null), row(3, 'Ny Förening', 'voluntary'), row(4, 'ny förening', null, true, '031-390 06 01')],
      { byKey: new Map([[organisationKey(existing.name), [existing]]]), routeKeys: new Set() },
    )
    expect(plan.rows.map((r) => [r.organisationId, r.organisationName, r.organisationIsNew, r.issues])).toEqual([
      ['id-1', 'Vårgårda Bostäder AB', false, []],
      [null, 'Ny Förening', true, []],
      [null, 'Ny Förening', true, []],
    ])
    expect(plan.newOrganisations).toEqual([{ key: 'ny förening', name: 'Ny Förening', kind: 'voluntary' }])
    expect(plan.newRoutes).toBe(3)
  })

  it('needs a type for a new organisation, on one of its rows, and the same on all of them', () => {
    expect(planImport([row(2, 'Utan typ', null)], none).rows[0]!.issues).toEqual([{ column: 'kind', message: 'import.error.kindNeeded' }])
    const late = planImport([row(2, 'Sen typ', null), row(3, 'Sen typ', 'company', true, '031-390 06 09')], none)
    expect(late.rowsWithIssues).toBe(0)
    expect(late.newOrganisations).toEqual([{ key: 'sen typ', name: 'Sen typ', kind: 'company' }])
    const conflict = planImport([row(2, 'Två typer', 'company'), row(3, 'Två typer', 'energy', true, '031-390 06 09')], none)
    expect(conflict.rows[1]!.issues).toEqual([{ column: 'kind', message: 'import.error.kindConflict' }])
  })

  it('skips routes that exist already or come twice, comparing numbers by their digits', () => {
    const existing = { id: 'id-1', name: 'A', kind: 'company' as const }
    const plan = planImport([row(2, 'a', null), row(3, 'A', null, true, '031-3900600'), row(4, 'A', null, true, '031-390 06 07'), row(5, 'a', null, true, '+46 31 390 06 07')], {
      byKey: new Map([['a', [existing]]]),
      routeKeys: new Set([routeKey('a', route)]),
    })
    expect(plan.rows.map((r) => r.routeStatus)).toEqual(['duplicate', 'duplicate', 'new', 'duplicate'])
    expect([plan.newRoutes, plan.duplicates, plan.rowsWithIssues]).toEqual([1, 3, 0])
  })

  it('refuses a name that two organisations in the portal share', () => {
    const twins = [
      { id: 'id-1', name: 'Tvilling', kind: 'company' as const },
      { id: 'id-2', name: 'TVILLING', kind: 'company' as const },
    ]
    const plan = planImport([row(2, 'tvilling', null)], { byKey: new Map([['tvilling', twins]]), routeKeys: new Set() })
    expect(plan.rows[0]!.issues).toEqual([{ column: 'organisation', message: 'import.error.ambiguousOrganisation' }])
  })
})
