import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { safetySurveyQuestions, type SafetySurveyQuestion } from '~/db/enums'
import { councilAreas, safetySurveyResults } from '~/db/schema/council'
import { recordAudits, type AuditInput } from '~/modules/audit/audit.server'
import type { FileIssue } from '~/modules/import/import-rows'
import { areaNames } from './reports.server'
import type { CheckedCsvRow } from './statistics-csv'
import {
  checkSurveyText,
  type SurveyColumn,
  type SurveyFormCell,
  type SurveyRow,
  type SurveySeries,
  type SurveyTrendData,
} from './survey'

// The safety survey's results: one versioned record per year, area and
// question. A year's table is saved at once; a cell loaded at an older
// version than the stored one is a conflict and nothing is written.

export interface SurveyCell {
  areaId: string | null
  question: SafetySurveyQuestion
  /** "12.5" as the database gives numeric. */
  share: string
  version: number
}

export async function surveyYear(db: Executor, councilId: string, year: number): Promise<SurveyCell[]> {
  return db
    .select({
      areaId: safetySurveyResults.areaId,
      question: safetySurveyResults.question,
      share: safetySurveyResults.share,
      version: safetySurveyResults.version,
    })
    .from(safetySurveyResults)
    .where(and(eq(safetySurveyResults.councilId, councilId), eq(safetySurveyResults.year, year)))
}

/** The years the council has results for, newest first. */
export async function surveyYears(db: Executor, councilId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: safetySurveyResults.year })
    .from(safetySurveyResults)
    .where(eq(safetySurveyResults.councilId, councilId))
  return rows.map((row) => row.year).sort((a, b) => b - a)
}

const cellKey = (areaId: string | null, question: SafetySurveyQuestion) => `${areaId ?? 'all'}:${question}`

export type SurveySaveResult =
  | { ok: true; changed: number }
  | { ok: false; error: 'conflict'; current: SurveyCell[] }
  | { ok: false; error: 'unknownArea' }

type Stored = typeof safetySurveyResults.$inferSelect

async function lockYear(tx: Transaction, councilId: string, year: number): Promise<Map<string, Stored>> {
  // Locks new cells too: two first saves of a year must not both insert one.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`safety_survey:${councilId}:${year}`}))`)
  const rows = await tx
    .select()
    .from(safetySurveyResults)
    .where(and(eq(safetySurveyResults.councilId, councilId), eq(safetySurveyResults.year, year)))
    .for('update')
  return new Map(rows.map((row) => [cellKey(row.areaId, row.question), row]))
}

async function knownAreas(db: Executor, councilId: string): Promise<Set<string>> {
  return new Set((await areaNames(db, councilId)).map((area) => area.id))
}

const sameShare = (stored: string, share: number) => Number(stored) === share

/**
 * Writes the changed cells of one year: inserts, updates (version + 1) and
 * deletes (an emptied cell), each audited, in one transaction.
 */
async function writeCells(
  tx: Transaction,
  options: {
    councilId: string
    actorId: string
    year: number
    stored: Map<string, Stored>
    cells: { areaId: string | null; question: SafetySurveyQuestion; share: number | null }[]
    now: Date
  },
): Promise<number> {
  const audits: AuditInput[] = []
  const entry = (
    id: string,
    action: 'create' | 'update' | 'delete',
    before: string | null,
    after: string | null,
    cell: { areaId: string | null; question: string },
  ): AuditInput => ({
    userId: options.actorId,
    organisationId: null,
    entity: 'safety_survey_result',
    entityId: id,
    action,
    changes: {
      councilId: { before: null, after: options.councilId },
      year: { before: null, after: options.year },
      areaId: { before: null, after: cell.areaId },
      question: { before: null, after: cell.question },
      share: { before, after },
    },
  })
  for (const cell of options.cells) {
    const stored = options.stored.get(cellKey(cell.areaId, cell.question))
    if (cell.share === null) {
      if (!stored) continue
      await tx.delete(safetySurveyResults).where(eq(safetySurveyResults.id, stored.id))
      audits.push(entry(stored.id, 'delete', stored.share, null, cell))
    } else if (!stored) {
      const [created] = await tx
        .insert(safetySurveyResults)
        .values({
          councilId: options.councilId,
          year: options.year,
          areaId: cell.areaId,
          question: cell.question,
          share: cell.share.toFixed(1),
        })
        .returning({ id: safetySurveyResults.id, share: safetySurveyResults.share })
      audits.push(entry(created!.id, 'create', null, created!.share, cell))
    } else if (!sameShare(stored.share, cell.share)) {
      const [updated] = await tx
        .update(safetySurveyResults)
        .set({ share: cell.share.toFixed(1), version: stored.version + 1, updatedAt: options.now })
        .where(eq(safetySurveyResults.id, stored.id))
        .returning({ share: safetySurveyResults.share })
      audits.push(entry(stored.id, 'update', stored.share, updated!.share, cell))
    }
  }
  await recordAudits(tx, audits)
  return audits.length
}

const asCell = (row: Stored): SurveyCell => ({
  areaId: row.areaId,
  question: row.question,
  share: row.share,
  version: row.version,
})

/** Saves the year's table as the form sent it; a stale cell is a conflict that writes nothing. */
export async function saveSurveyYear(
  db: Database,
  options: { councilId: string; actorId: string; year: number; cells: SurveyFormCell[]; now?: Date },
): Promise<SurveySaveResult> {
  const areas = await knownAreas(db, options.councilId)
  if (options.cells.some((cell) => cell.areaId !== null && !areas.has(cell.areaId)))
    return { ok: false, error: 'unknownArea' }
  return db.transaction(async (tx) => {
    const stored = await lockYear(tx, options.councilId, options.year)
    const stale = options.cells.some(
      (cell) => (stored.get(cellKey(cell.areaId, cell.question))?.version ?? 0) !== cell.version,
    )
    if (stale) return { ok: false as const, error: 'conflict' as const, current: [...stored.values()].map(asCell) }
    const changed = await writeCells(tx, { ...options, stored, now: options.now ?? new Date() })
    return { ok: true as const, changed }
  })
}

export type SurveyPreviewRow = CheckedCsvRow<SurveyColumn, SurveyRow>

export type SurveyImportPreview =
  | { ok: false; fileName: string; fileIssues: FileIssue[] }
  | {
      ok: true
      fileName: string
      totals: { rows: number; rowsWithIssues: number; years: number[]; replaces: number }
      rows: SurveyPreviewRow[]
    }

async function checkSurveyFile(db: Executor, input: { councilId: string; text: string; fileName: string }, now: Date) {
  const checked = checkSurveyText(input.text, await areaNames(db, input.councilId), now)
  if (!checked.ok)
    return { preview: { ok: false as const, fileName: input.fileName, fileIssues: checked.issues }, valid: [] }
  const valid = checked.rows.flatMap((row) => (row.value ? [row.value] : []))
  const years = [...new Set(valid.map((row) => row.year))].sort()
  const existing = new Set<string>()
  for (const year of years) {
    for (const cell of await surveyYear(db, input.councilId, year))
      existing.add(`${year}:${cellKey(cell.areaId, cell.question)}`)
  }
  const replaces = valid.filter((row) => existing.has(`${row.year}:${cellKey(row.areaId, row.question)}`)).length
  const preview: SurveyImportPreview = {
    ok: true,
    fileName: input.fileName,
    totals: {
      rows: checked.rows.length,
      rowsWithIssues: checked.rows.filter((row) => row.issues.length > 0).length,
      years,
      replaces,
    },
    rows: checked.rows.filter((row, index) => row.issues.length > 0 || index < 200).slice(0, 700),
  }
  return { preview, valid }
}

export async function previewSurveyImport(
  db: Executor,
  input: { councilId: string; text: string; fileName: string },
  now = new Date(),
) {
  return (await checkSurveyFile(db, input, now)).preview
}

export type SurveyImportResult =
  { ok: true; rows: number; changed: number } | { ok: false; preview: SurveyImportPreview }

/** Writes a survey file (checked again): new values, changed values and their audit entries, all or nothing. */
export async function importSurvey(
  db: Database,
  input: { councilId: string; actorId: string; text: string; fileName: string },
  now = new Date(),
): Promise<SurveyImportResult> {
  return db.transaction(async (tx) => {
    const { preview, valid } = await checkSurveyFile(tx, input, now)
    if (!preview.ok || preview.totals.rowsWithIssues > 0) return { ok: false as const, preview }
    let changed = 0
    for (const year of preview.totals.years) {
      const stored = await lockYear(tx, input.councilId, year)
      const cells = valid.filter((row) => row.year === year)
      changed += await writeCells(tx, { councilId: input.councilId, actorId: input.actorId, year, stored, cells, now })
    }
    return { ok: true as const, rows: valid.length, changed }
  })
}

/** Every result of the council as trends: per question, one series per area (the whole municipality first). */
export async function surveyTrend(db: Executor, councilId: string): Promise<SurveyTrendData> {
  const rows = await db
    .select({
      year: safetySurveyResults.year,
      areaId: safetySurveyResults.areaId,
      areaName: councilAreas.name,
      question: safetySurveyResults.question,
      share: safetySurveyResults.share,
    })
    .from(safetySurveyResults)
    .leftJoin(councilAreas, eq(councilAreas.id, safetySurveyResults.areaId))
    .where(eq(safetySurveyResults.councilId, councilId))
    .orderBy(asc(safetySurveyResults.year))
  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b)
  const questions = safetySurveyQuestions.flatMap((question) => {
    const series = new Map<string, SurveySeries>()
    for (const row of rows) {
      if (row.question !== question) continue
      const key = row.areaId ?? 'all'
      if (!series.has(key))
        series.set(key, { areaId: row.areaId, areaName: row.areaId ? row.areaName : null, points: [] })
      series.get(key)!.points.push({ year: row.year, share: Number(row.share) })
    }
    if (series.size === 0) return []
    const sorted = [...series.values()].sort((a, b) =>
      a.areaId === null ? -1 : b.areaId === null ? 1 : (a.areaName ?? '').localeCompare(b.areaName ?? '', 'sv'),
    )
    return [{ question, series: sorted }]
  })
  return { years, questions }
}
