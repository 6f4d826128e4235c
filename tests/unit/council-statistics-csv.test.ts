import { describe, expect, it } from 'vitest'
import {
  checkStatisticsText,
  currentMonth,
  parseCount,
  parseMonth,
  statisticsTemplateRows,
  type StatisticsNames,
} from '../../app/modules/council/statistics-csv'
import { checkSurveyText, parseShare, readSurveyForm } from '../../app/modules/council/survey'

const names: StatisticsNames = {
  categories: [
    { id: 'c-skade', name: 'Skadegörelse' },
    { id: 'c-klotter', name: 'Klotter' },
  ],
  areas: [
    { id: 'a-centrum', name: 'Centrum' },
    { id: 'a-ostra', name: 'Östra Kullen' },
  ],
}
const now = new Date('2026-05-15T12:00:00Z')

function rows(text: string) {
  const checked = checkStatisticsText(text, names, now)
  if (!checked.ok) throw new Error(`file issues: ${JSON.stringify(checked.issues)}`)
  return checked.rows
}

describe('reading a statistics file', () => {
  it('reads semicolons with a BOM, commas, case-insensitive names and an empty area', () => {
    const semicolons = rows(
      '\uFEFFmånad;kategori;område;antal\r\n2026-03;skadegörelse;centrum;12\r\n2026-04;KLOTTER;;3\r\n',
    )
    expect(semicolons.map((row) => row.value)).toEqual([
      {
        line: 2,
        month: '2026-03-01',
        categoryId: 'c-skade',
        categoryName: 'Skadegörelse',
        areaId: 'a-centrum',
        areaName: 'Centrum',
        count: 12,
      },
      {
        line: 3,
        month: '2026-04-01',
        categoryId: 'c-klotter',
        categoryName: 'Klotter',
        areaId: null,
        areaName: null,
        count: 3,
      },
    ])
    const commas = rows('Månad,Kategori,Område,Antal\n2026-1,Klotter,östra kullen,"1 204"\n')
    expect(commas[0]!.value).toMatchObject({ month: '2026-01-01', areaId: 'a-ostra', count: 1204 })
  })

  it('names every problem of a row by its column, in Swedish message keys', () => {
    const [bad, future, negative, decimal] = rows(
      [
        'månad;kategori;område;antal',
        '2026-13;Bilbränder;Västra;12',
        '2026-06;Klotter;;1',
        '2026-03;Klotter;;-4',
        '2026-03;Skadegörelse;;2,5',
      ].join('\n'),
    )
    expect(bad!.value).toBeNull()
    expect(bad!.issues.map((issue) => [issue.column, issue.message])).toEqual([
      ['month', 'councilSources.error.month'],
      ['category', 'councilSources.error.category'],
      ['area', 'councilSources.error.area'],
    ])
    expect(bad!.issues[1]!.vars).toEqual({ value: 'Bilbränder', allowed: 'Skadegörelse, Klotter' })
    expect(future!.issues).toEqual([{ column: 'month', message: 'councilSources.error.futureMonth' }])
    expect(negative!.issues.map((issue) => issue.message)).toEqual(['councilSources.error.count'])
    expect(decimal!.issues.map((issue) => issue.message)).toEqual(['councilSources.error.count'])
  })

  it('refuses the same month, category and area twice in a file, naming the first row', () => {
    const [, , twice] = rows(
      'månad;kategori;område;antal\n2026-03;Klotter;Centrum;1\n2026-03;Klotter;;1\n2026-03;klotter;CENTRUM;2\n',
    )
    expect(twice!.issues).toEqual([{ column: null, message: 'councilSources.error.duplicate', vars: { line: 2 } }])
  })

  it('flags missing values and fields beyond the header', () => {
    const [missing, extra] = rows(
      'månad;kategori;område;antal\n;;;\n2026-03;Klotter;;1;x\n'.replace(';;;\n', ';;Centrum;\n'),
    )
    expect(missing!.issues.map((issue) => `${issue.column}:${issue.message}`)).toEqual([
      'month:import.error.missing',
      'category:import.error.missing',
      'count:import.error.missing',
    ])
    expect(extra!.issues).toEqual([{ column: null, message: 'import.error.extraFields' }])
  })

  it('reports problems of the file as such', () => {
    expect(checkStatisticsText('', names, now)).toEqual({ ok: false, issues: [{ message: 'import.error.empty' }] })
    expect(checkStatisticsText('månad;kategori;antal\n', names, now)).toEqual({
      ok: false,
      issues: [{ message: 'import.error.noRows' }],
    })
    expect(checkStatisticsText('månad;typ;antal\n2026-01;x;1', names, now)).toEqual({
      ok: false,
      issues: [
        { message: 'import.error.noHeader', vars: { name: 'kategori' } },
        { message: 'import.error.unknownColumn', vars: { name: 'typ' } },
      ],
    })
    const tooMany = ['månad;kategori;antal', ...Array.from({ length: 5001 }, () => '2026-01;Klotter;1')].join('\n')
    expect(checkStatisticsText(tooMany, names, now)).toEqual({
      ok: false,
      issues: [{ message: 'import.error.tooManyRows', vars: { max: 5000, count: 5001 } }],
    })
    expect(checkStatisticsText('månad;kategori;antal\n"2026-01;Klotter;1', names, now)).toEqual({
      ok: false,
      issues: [{ message: 'import.error.unterminatedQuote', vars: { line: 2 } }],
    })
  })

  it('parses months and counts strictly', () => {
    expect(parseMonth('2026-03')).toBe('2026-03-01')
    expect(parseMonth('2026-03-01')).toBe('2026-03-01')
    expect(parseMonth('2026-03-15')).toBeNull()
    expect(parseMonth('03/2026')).toBeNull()
    expect(parseCount('0')).toBe(0)
    expect(parseCount('1\u00a0000')).toBe(1000)
    expect(parseCount('1.5')).toBeNull()
    expect(parseCount('2000000')).toBeNull()
    expect(currentMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
  })

  it('writes a template with the council’s own names that passes its own check', () => {
    const template = statisticsTemplateRows(names, now)
    expect(template[0]).toEqual(['månad', 'kategori', 'område', 'antal'])
    expect(template[1]).toEqual(['2026-04', 'Skadegörelse', 'Centrum', '12'])
    const checked = rows(template.map((row) => row.join(';')).join('\n'))
    expect(checked.every((row) => row.issues.length === 0)).toBe(true)
  })
})

describe('reading a safety survey file and form', () => {
  it('reads shares with a comma or a point and the question codes', () => {
    expect(parseShare('12,5')).toBe(12.5)
    expect(parseShare('12.5 %')).toBe(12.5)
    expect(parseShare('100')).toBe(100)
    expect(parseShare('100,1')).toBeNull()
    expect(parseShare('12,55')).toBeNull()
    expect(parseShare('-1')).toBeNull()
    const checked = checkSurveyText(
      'år;område;fråga;andel\n2025;;otrygg;18,5\n2025;Centrum;oro_brott;24\n2025;Centrum;problem;9.1\n',
      names.areas,
      now,
    )
    if (!checked.ok) throw new Error('file issues')
    expect(
      checked.rows.map((row) => row.value && [row.value.year, row.value.areaId, row.value.question, row.value.share]),
    ).toEqual([
      [2025, null, 'feel_unsafe', 18.5],
      [2025, 'a-centrum', 'worry_crime', 24],
      [2025, 'a-centrum', 'problems_seen', 9.1],
    ])
  })

  it('names a survey row’s problems', () => {
    const checked = checkSurveyText(
      'år;område;fråga;andel\n2030;Väster;rädd;101\n2025;;otrygg;1\n2025;;Otrygg;2\n',
      names.areas,
      now,
    )
    if (!checked.ok) throw new Error('file issues')
    expect(checked.rows[0]!.issues.map((issue) => `${issue.column}:${issue.message}`)).toEqual([
      'year:councilSources.error.year',
      'area:councilSources.error.area',
      'question:councilSources.error.question',
      'share:councilSources.error.share',
    ])
    expect(checked.rows[2]!.issues).toEqual([
      { column: null, message: 'councilSources.error.surveyDuplicate', vars: { line: 3 } },
    ])
  })

  it('reads the entry table: empty is no value, a bad share is an error at its cell', () => {
    const form = new FormData()
    form.set('share.all.feel_unsafe', '18,5')
    form.set('version.all.feel_unsafe', '2')
    form.set('share.a-centrum.worry_crime', '')
    form.set('version.a-centrum.worry_crime', '1')
    expect(readSurveyForm(form, [null, 'a-centrum'])).toEqual({
      ok: true,
      cells: [
        { areaId: null, question: 'feel_unsafe', share: 18.5, version: 2 },
        { areaId: 'a-centrum', question: 'worry_crime', share: null, version: 1 },
      ],
      values: { 'share.all.feel_unsafe': '18,5', 'share.a-centrum.worry_crime': '' },
    })
    form.set('share.all.feel_unsafe', 'mycket')
    const bad = readSurveyForm(form, [null, 'a-centrum'])
    expect(bad).toMatchObject({ ok: false, errors: { 'share.all.feel_unsafe': 'councilSources.error.share' } })
  })
})
