import { safetySurveyQuestions, type SafetySurveyQuestion } from '~/db/enums'
import { normaliseWord } from '~/modules/import/import-rows'
import {
  allowedNames,
  nameKey,
  readCsvTable,
  type CheckedCsv,
  type CheckedCsvRow,
  type CsvIssue,
  type CsvTableSpec,
  type NamedRecord,
} from './statistics-csv'

// The safety survey (trygghetsmätning): per year, area (null: the whole
// municipality) and question, the share of those asked, in per cent with one
// decimal. Plain functions for the form, the CSV file and the trend.

export const MAX_SURVEY_ROWS = 5000
export const FIRST_SURVEY_YEAR = 1990

/** The codes of the file's `fråga` column. */
export const surveyQuestionCodes: Record<SafetySurveyQuestion, string> = {
  feel_unsafe: 'otrygg',
  worry_crime: 'oro_brott',
  problems_seen: 'problem',
}

const questionByCode = new Map<string, SafetySurveyQuestion>(
  safetySurveyQuestions.flatMap((question) => [
    [normaliseWord(surveyQuestionCodes[question]), question] as const,
    [normaliseWord(question), question] as const,
  ]),
)
questionByCode.set(normaliseWord('oro brott'), 'worry_crime')
questionByCode.set(normaliseWord('otrygga'), 'feel_unsafe')
questionByCode.set(normaliseWord('problems'), 'problems_seen')

export function questionOfCode(text: string): SafetySurveyQuestion | null {
  return questionByCode.get(normaliseWord(text)) ?? null
}

/** "12,5", "12.5", "12 %" as a share 0–100 with at most one decimal, or null. */
export function parseShare(text: string): number | null {
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(',', '.')
  if (!/^\d{1,3}(\.\d)?$/.test(compact)) return null
  const value = Number(compact)
  return value <= 100 ? value : null
}

export function isSurveyYear(year: number, now: Date = new Date()): boolean {
  return Number.isInteger(year) && year >= FIRST_SURVEY_YEAR && year <= now.getFullYear()
}

/** The form field of one cell of the entry table: `share.<areaId|all>.<question>`. */
export function cellName(prefix: 'share' | 'version', areaId: string | null, question: SafetySurveyQuestion): string {
  return `${prefix}.${areaId ?? 'all'}.${question}`
}

export const surveyColumns = ['year', 'area', 'question', 'share'] as const
export type SurveyColumn = (typeof surveyColumns)[number]

export const surveyColumnNames: Record<SurveyColumn, string> = {
  year: 'år',
  area: 'område',
  question: 'fråga',
  share: 'andel',
}

const surveySpec: CsvTableSpec<SurveyColumn> = {
  columns: surveyColumns,
  names: surveyColumnNames,
  aliases: {
    year: ['ar', 'year'],
    area: ['omrade', 'area'],
    question: ['fraga', 'question'],
    share: ['andel (%)', 'procent', 'share'],
  },
  required: ['year', 'question', 'share'],
  maxRows: MAX_SURVEY_ROWS,
}

export interface SurveyRow {
  line: number
  year: number
  areaId: string | null
  areaName: string | null
  question: SafetySurveyQuestion
  share: number
}

export type CheckedSurvey = CheckedCsv<SurveyColumn, SurveyRow>

/** Reads and checks a survey file against the council's areas; a year, area and question may stand once. */
export function checkSurveyText(text: string, areaList: readonly NamedRecord[], now: Date = new Date()): CheckedSurvey {
  const table = readCsvTable(text, surveySpec)
  if (!table.ok) return table
  const areas = new Map(areaList.map((area) => [nameKey(area.name), area]))
  const firstLine = new Map<string, number>()
  const rows = table.rows.map(({ line, raw, extra }): CheckedCsvRow<SurveyColumn, SurveyRow> => {
    const issues: CsvIssue<SurveyColumn>[] = extra ? [{ column: null, message: 'import.error.extraFields' }] : []
    const year = /^\d{4}$/.test(raw.year) ? Number(raw.year) : null
    if (raw.year === '') issues.push({ column: 'year', message: 'import.error.missing' })
    else if (year === null || !isSurveyYear(year, now)) {
      issues.push({
        column: 'year',
        message: 'councilSources.error.year',
        vars: { first: FIRST_SURVEY_YEAR, last: now.getFullYear() },
      })
    }
    const area = raw.area === '' ? null : areas.get(nameKey(raw.area))
    if (area === undefined) {
      issues.push({
        column: 'area',
        message: 'councilSources.error.area',
        vars: { value: raw.area, allowed: areaList.length > 0 ? allowedNames(areaList) : '–' },
      })
    }
    const question = questionOfCode(raw.question)
    if (raw.question === '') issues.push({ column: 'question', message: 'import.error.missing' })
    else if (!question)
      issues.push({ column: 'question', message: 'councilSources.error.question', vars: { value: raw.question } })
    const share = parseShare(raw.share)
    if (raw.share === '') issues.push({ column: 'share', message: 'import.error.missing' })
    else if (share === null) issues.push({ column: 'share', message: 'councilSources.error.share' })
    if (year !== null && area !== undefined && question) {
      const key = [year, area?.id ?? '', question].join('\u0000')
      const earlier = firstLine.get(key)
      if (earlier !== undefined)
        issues.push({ column: null, message: 'councilSources.error.surveyDuplicate', vars: { line: earlier } })
      else firstLine.set(key, line)
    }
    const value =
      issues.length === 0
        ? {
            line,
            year: year!,
            areaId: area?.id ?? null,
            areaName: area?.name ?? null,
            question: question!,
            share: share!,
          }
        : null
    return { line, raw, value, issues }
  })
  return { ok: true, rows }
}

export function surveyTemplateRows(areaList: readonly NamedRecord[], now: Date = new Date()): string[][] {
  const year = String(now.getFullYear() - 1)
  return [
    surveyColumns.map((column) => surveyColumnNames[column]),
    [year, '', surveyQuestionCodes.feel_unsafe, '18,5'],
    [year, areaList[0]?.name ?? '', surveyQuestionCodes.worry_crime, '24,0'],
  ]
}

/** One line of a question's chart: an area's share per year. */
export interface SurveySeries {
  areaId: string | null
  /** null: the whole municipality. */
  areaName: string | null
  points: { year: number; share: number }[]
}

/** The survey's results over the years, per question; what the trend component shows. */
export interface SurveyTrendData {
  years: number[]
  questions: { question: SafetySurveyQuestion; series: SurveySeries[] }[]
}

export interface SurveyFormCell {
  areaId: string | null
  question: SafetySurveyQuestion
  /** null: the cell was left empty. */
  share: number | null
  /** The version the cell was loaded at; 0 when it had no value. */
  version: number
}

export type SurveyFormResult =
  | { ok: true; cells: SurveyFormCell[]; values: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> }

/**
 * Reads the entry table of one year: the cells of the given areas (null: the
 * whole municipality) that the form sent, each with its share and version.
 */
export function readSurveyForm(formData: FormData, areaIds: readonly (string | null)[]): SurveyFormResult {
  const cells: SurveyFormCell[] = []
  const errors: Record<string, string> = {}
  const values: Record<string, string> = {}
  for (const areaId of areaIds) {
    for (const question of safetySurveyQuestions) {
      const name = cellName('share', areaId, question)
      const text = formData.get(name)
      if (typeof text !== 'string') continue
      values[name] = text
      const versionText = formData.get(cellName('version', areaId, question))
      const version = typeof versionText === 'string' && /^\d{1,9}$/.test(versionText) ? Number(versionText) : null
      const share = text.trim() === '' ? null : parseShare(text)
      if (version === null) errors[name] = 'validation.formInvalid'
      else if (share === null && text.trim() !== '') errors[name] = 'councilSources.error.share'
      else cells.push({ areaId, question, share, version })
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, cells, values }
}
