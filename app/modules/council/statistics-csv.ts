import type { MessageKey } from '~/i18n/sv'
import { parseCsv } from '~/modules/import/csv'
import { normaliseWord, type FileIssue } from '~/modules/import/import-rows'

// The council's other sources as CSV: one row per month, category and area
// with a count. Parsing and checking are plain functions over the council's
// category and area names; statistics.server.ts does the database work. The
// table reader is shared with the safety survey's file (survey.ts).

export const MAX_STATISTICS_ROWS = 5000
/** The largest file taken; the server's body limit (MAX_BODY_BYTES) may be lower. */
export const MAX_STATISTICS_BYTES = 2 * 1024 * 1024
/** Counts above this are typing mistakes, not a month of one municipality. */
export const MAX_STATISTIC_COUNT = 1_000_000

export interface CsvIssue<Column extends string> {
  /** null: the row as a whole. */
  column: Column | null
  message: MessageKey
  vars?: Record<string, string | number>
}

export interface CheckedCsvRow<Column extends string, Value> {
  line: number
  raw: Record<Column, string>
  value: Value | null
  issues: CsvIssue<Column>[]
}

export type CheckedCsv<Column extends string, Value> =
  { ok: true; rows: CheckedCsvRow<Column, Value>[] } | { ok: false; issues: FileIssue[] }

export interface CsvTableSpec<Column extends string> {
  columns: readonly Column[]
  /** The name written in the template and the messages. */
  names: Record<Column, string>
  /** Other accepted header spellings. */
  aliases: Record<Column, readonly string[]>
  /** Columns whose header must be present; the others may be left out. */
  required: readonly Column[]
  maxRows: number
}

/**
 * Reads a file with a header row: problems of the file as such, or each
 * record as its columns' trimmed text. Checking a row is the caller's.
 */
export function readCsvTable<Column extends string>(
  text: string,
  spec: CsvTableSpec<Column>,
):
  | { ok: true; rows: { line: number; raw: Record<Column, string>; extra: boolean }[] }
  | { ok: false; issues: FileIssue[] } {
  const csv = parseCsv(text)
  if (!csv.ok) return { ok: false, issues: [{ message: 'import.error.unterminatedQuote', vars: { line: csv.line } }] }
  const [header, ...records] = csv.records
  if (!header) return { ok: false, issues: [{ message: 'import.error.empty' }] }
  const byName = new Map<string, Column>()
  for (const column of spec.columns) {
    for (const alias of [spec.names[column], column, ...spec.aliases[column]]) byName.set(normaliseWord(alias), column)
  }
  const issues: FileIssue[] = []
  const seen = new Set<Column>()
  const columns = header.fields.map((name) => {
    if (name.trim() === '') return null
    const column = byName.get(normaliseWord(name)) ?? null
    if (column === null) issues.push({ message: 'import.error.unknownColumn', vars: { name: name.trim() } })
    else if (seen.has(column)) issues.push({ message: 'import.error.duplicateColumn', vars: { name: name.trim() } })
    else seen.add(column)
    return column
  })
  for (const column of spec.required) {
    if (!seen.has(column)) issues.unshift({ message: 'import.error.noHeader', vars: { name: spec.names[column] } })
  }
  if (issues.length > 0) return { ok: false, issues }
  if (records.length === 0) return { ok: false, issues: [{ message: 'import.error.noRows' }] }
  if (records.length > spec.maxRows) {
    return {
      ok: false,
      issues: [{ message: 'import.error.tooManyRows', vars: { max: spec.maxRows, count: records.length } }],
    }
  }
  return {
    ok: true,
    rows: records.map((record) => {
      const raw = Object.fromEntries(spec.columns.map((column) => [column, ''])) as Record<Column, string>
      let extra = false
      record.fields.forEach((value, index) => {
        const column = columns[index]
        if (column) raw[column] = value.trim()
        else if (value.trim() !== '') extra = true
      })
      return { line: record.line, raw, extra }
    }),
  }
}

/** Names as the council's categories and areas are matched: regardless of case and surrounding spaces. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE')
}

export interface NamedRecord {
  id: string
  name: string
}

export interface StatisticsNames {
  categories: readonly NamedRecord[]
  areas: readonly NamedRecord[]
}

export const statisticColumns = ['month', 'category', 'area', 'count'] as const
export type StatisticColumn = (typeof statisticColumns)[number]

export const statisticColumnNames: Record<StatisticColumn, string> = {
  month: 'månad',
  category: 'kategori',
  area: 'område',
  count: 'antal',
}

const statisticsSpec: CsvTableSpec<StatisticColumn> = {
  columns: statisticColumns,
  names: statisticColumnNames,
  aliases: {
    month: ['manad', 'period'],
    category: ['brottskategori', 'kategori'],
    area: ['omrade', 'stadsdel'],
    count: ['antal', 'count'],
  },
  required: ['month', 'category', 'count'],
  maxRows: MAX_STATISTICS_ROWS,
}

/** One checked row: the month as its first day, the category's and area's ids (null: the whole municipality). */
export interface StatisticRow {
  line: number
  month: string
  categoryId: string
  categoryName: string
  areaId: string | null
  areaName: string | null
  count: number
}

export type CheckedStatistics = CheckedCsv<StatisticColumn, StatisticRow>

/** "2026-03" (also "2026-3" and "2026-03-01") as the month's first day, or null. */
export function parseMonth(text: string): string | null {
  const match = /^(\d{4})-(\d{1,2})(?:-01)?$/.exec(text.trim())
  if (!match) return null
  const month = Number(match[2])
  if (month < 1 || month > 12) return null
  return `${match[1]}-${String(month).padStart(2, '0')}-01`
}

/** A whole number ≥ 0 as people write it ("1 234" too), or null. */
export function parseCount(text: string, max = MAX_STATISTIC_COUNT): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '')
  if (!/^\d+$/.test(compact)) return null
  const value = Number(compact)
  return value <= max ? value : null
}

/** The current month in Sweden, as its first day: what "in the future" is measured against. */
export function currentMonth(now: Date = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
  return `${year}-${month}-01`
}

function lookup(records: readonly NamedRecord[]): Map<string, NamedRecord> {
  return new Map(records.map((record) => [nameKey(record.name), record]))
}

/** "Klotter, Skadegörelse …": what a row may name, for its message. */
export function allowedNames(records: readonly NamedRecord[]): string {
  return records.map((record) => record.name).join(', ')
}

/**
 * Reads and checks a whole statistics file against the council's names: the
 * file's problems, or every row with its own. A month, category and area may
 * stand once in a file.
 */
export function checkStatisticsText(text: string, names: StatisticsNames, now: Date = new Date()): CheckedStatistics {
  const table = readCsvTable(text, statisticsSpec)
  if (!table.ok) return table
  const categories = lookup(names.categories)
  const areas = lookup(names.areas)
  const thisMonth = currentMonth(now)
  const firstLine = new Map<string, number>()
  const rows = table.rows.map(({ line, raw, extra }): CheckedCsvRow<StatisticColumn, StatisticRow> => {
    const issues: CsvIssue<StatisticColumn>[] = extra ? [{ column: null, message: 'import.error.extraFields' }] : []
    const month = parseMonth(raw.month)
    if (raw.month === '') issues.push({ column: 'month', message: 'import.error.missing' })
    else if (!month) issues.push({ column: 'month', message: 'councilSources.error.month' })
    else if (month > thisMonth) issues.push({ column: 'month', message: 'councilSources.error.futureMonth' })
    const category = categories.get(nameKey(raw.category))
    if (raw.category === '') issues.push({ column: 'category', message: 'import.error.missing' })
    else if (!category) {
      issues.push({
        column: 'category',
        message: 'councilSources.error.category',
        vars: { value: raw.category, allowed: allowedNames(names.categories) },
      })
    }
    const area = raw.area === '' ? null : areas.get(nameKey(raw.area))
    if (area === undefined) {
      const allowed = names.areas.length > 0 ? allowedNames(names.areas) : '–'
      issues.push({ column: 'area', message: 'councilSources.error.area', vars: { value: raw.area, allowed } })
    }
    const count = parseCount(raw.count)
    if (raw.count === '') issues.push({ column: 'count', message: 'import.error.missing' })
    else if (count === null)
      issues.push({ column: 'count', message: 'councilSources.error.count', vars: { max: MAX_STATISTIC_COUNT } })
    if (month && category && area !== undefined) {
      const key = [month, category.id, area?.id ?? ''].join('\u0000')
      const earlier = firstLine.get(key)
      if (earlier !== undefined)
        issues.push({ column: null, message: 'councilSources.error.duplicate', vars: { line: earlier } })
      else firstLine.set(key, line)
    }
    const value =
      issues.length === 0
        ? {
            line,
            month: month!,
            categoryId: category!.id,
            categoryName: category!.name,
            areaId: area?.id ?? null,
            areaName: area?.name ?? null,
            count: count!,
          }
        : null
    return { line, raw, value, issues }
  })
  return { ok: true, rows }
}

/** The template: the header and two example rows with the council's own names. */
export function statisticsTemplateRows(names: StatisticsNames, now: Date = new Date()): string[][] {
  const month = currentMonth(now)
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const previous = monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`
  const first = names.categories[0]?.name ?? 'Skadegörelse'
  const second = names.categories[1]?.name ?? first
  return [
    statisticColumns.map((column) => statisticColumnNames[column]),
    [previous, first, names.areas[0]?.name ?? '', '12'],
    [previous, second, '', '3'],
  ]
}
