import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import type { CouncilStatisticKind } from '~/db/enums'
import { councilAreas, councilCategories, councilImports, councilStatistics } from '~/db/schema/council'
import { users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import type { FileIssue } from '~/modules/import/import-rows'
import { allCategories, areaNames } from './reports.server'
import {
  checkStatisticsText,
  type CheckedCsvRow,
  type StatisticColumn,
  type StatisticRow,
  type StatisticsNames,
} from './statistics-csv'

// Imported statistics of other sources (the police's crime statistics, a
// housing company's incident reports …) per month, category and area. A new
// file of the same source and kind replaces the months it covers.

/** Rows without problems the preview lists; rows with problems come first in the limit of all shown. */
export const STATISTICS_PREVIEW_ROWS = 200
export const STATISTICS_PREVIEW_ISSUES = 500

const CHUNK = 1000

export async function statisticsNames(db: Executor, councilId: string): Promise<StatisticsNames> {
  const [categories, areas] = await Promise.all([allCategories(db, councilId), areaNames(db, councilId)])
  return { categories, areas }
}

export interface StatisticsImportInput {
  councilId: string
  kind: CouncilStatisticKind
  /** "Polisen", "Vårgårda Bostäder" … */
  source: string
  fileName: string
  text: string
}

export type StatisticsPreviewRow = CheckedCsvRow<StatisticColumn, StatisticRow>

export interface StatisticsTotals {
  rows: number
  rowsWithIssues: number
  sum: number
  firstMonth: string | null
  lastMonth: string | null
  /** Earlier rows of the same source and kind in the file's months, which the import replaces. */
  replaces: number
}

export type StatisticsPreview =
  | { ok: false; fileName: string; fileIssues: FileIssue[] }
  | { ok: true; fileName: string; totals: StatisticsTotals; rows: StatisticsPreviewRow[] }

/** The same source regardless of case and spaces: "Polisen" and "polisen " are one. */
function sourceMatches(source: string) {
  return sql`lower(trim(${councilStatistics.source})) = ${source.trim().toLowerCase()}`
}

function replacedWhere(input: Pick<StatisticsImportInput, 'councilId' | 'kind' | 'source'>, months: string[]) {
  return and(
    eq(councilStatistics.councilId, input.councilId),
    eq(councilStatistics.kind, input.kind),
    sourceMatches(input.source),
    inArray(councilStatistics.month, months),
  )
}

async function countReplaced(db: Executor, input: StatisticsImportInput, months: string[]): Promise<number> {
  if (months.length === 0) return 0
  const [row] = await db.select({ value: count() }).from(councilStatistics).where(replacedWhere(input, months))
  return row?.value ?? 0
}

function planOf(rows: StatisticsPreviewRow[]) {
  const valid = rows.flatMap((row) => (row.value ? [row.value] : []))
  const months = [...new Set(valid.map((row) => row.month))].sort()
  return {
    valid,
    months,
    totals: {
      rows: rows.length,
      rowsWithIssues: rows.filter((row) => row.issues.length > 0).length,
      sum: valid.reduce((total, row) => total + row.count, 0),
      firstMonth: months[0] ?? null,
      lastMonth: months.at(-1) ?? null,
    },
  }
}

type Checked =
  | { ok: false; preview: StatisticsPreview }
  | { ok: true; preview: StatisticsPreview & { ok: true }; valid: StatisticRow[]; months: string[] }

async function checkFile(db: Executor, input: StatisticsImportInput, now: Date): Promise<Checked> {
  const checked = checkStatisticsText(input.text, await statisticsNames(db, input.councilId), now)
  if (!checked.ok) return { ok: false, preview: { ok: false, fileName: input.fileName, fileIssues: checked.issues } }
  const { valid, months, totals } = planOf(checked.rows)
  const replaces = await countReplaced(db, input, months)
  // A file of 5,000 bad rows must not become a page of 5,000 table rows.
  let issuesShown = 0
  const shown = checked.rows.filter((row, index) =>
    row.issues.length > 0 ? issuesShown++ < STATISTICS_PREVIEW_ISSUES : index < STATISTICS_PREVIEW_ROWS,
  )
  return {
    ok: true,
    preview: { ok: true, fileName: input.fileName, totals: { ...totals, replaces }, rows: shown },
    valid,
    months,
  }
}

/** Checks a file and tells what importing it would do; writes nothing. */
export async function previewStatisticsImport(
  db: Executor,
  input: StatisticsImportInput,
  now = new Date(),
): Promise<StatisticsPreview> {
  return (await checkFile(db, input, now)).preview
}

export type StatisticsImportResult =
  | { ok: true; importId: string; rows: number; replaced: number }
  /** The file (checked again) has problems: nothing is written. */
  | { ok: false; preview: StatisticsPreview }

/**
 * Writes a checked file: every row, in one transaction with its audit entry,
 * or nothing. The file is checked again here, against the names as they are
 * now; earlier rows of the same source and kind in its months are replaced,
 * and an earlier import left without rows goes with them.
 */
export async function importStatistics(
  db: Database,
  input: StatisticsImportInput & { actorId: string },
  now = new Date(),
): Promise<StatisticsImportResult> {
  return db.transaction(async (tx) => {
    // One import of a council at a time, so two cannot both replace the same months.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`council_statistics:${input.councilId}`}))`)
    const checked = await checkFile(tx, input, now)
    if (!checked.ok || checked.preview.totals.rowsWithIssues > 0)
      return { ok: false as const, preview: checked.preview }
    const { valid, months } = checked
    const source = input.source.trim()

    const replaced = await tx
      .delete(councilStatistics)
      .where(replacedWhere(input, months))
      .returning({ importId: councilStatistics.importId })
    const touched = [...new Set(replaced.map((row) => row.importId))]
    const emptied = touched.length === 0 ? [] : await emptyImports(tx, touched)
    if (emptied.length > 0) await tx.delete(councilImports).where(inArray(councilImports.id, emptied))

    const [created] = await tx
      .insert(councilImports)
      .values({
        councilId: input.councilId,
        kind: input.kind,
        source,
        fileName: input.fileName,
        rowCount: valid.length,
        importedBy: input.actorId,
        importedAt: now,
      })
      .returning({ id: councilImports.id })
    const importId = created!.id
    for (let start = 0; start < valid.length; start += CHUNK) {
      await tx.insert(councilStatistics).values(
        valid.slice(start, start + CHUNK).map((row) => ({
          councilId: input.councilId,
          importId,
          kind: input.kind,
          source,
          month: row.month,
          categoryId: row.categoryId,
          areaId: row.areaId,
          count: row.count,
        })),
      )
    }
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: null,
      entity: 'council_import',
      entityId: importId,
      action: 'create',
      changes: {
        councilId: { before: null, after: input.councilId },
        kind: { before: null, after: input.kind },
        source: { before: null, after: source },
        fileName: { before: null, after: input.fileName },
        rows: { before: null, after: valid.length },
        months: {
          before: null,
          after: months.length > 0 ? `${months[0]!.slice(0, 7)}–${months.at(-1)!.slice(0, 7)}` : '',
        },
        replacedRows: { before: null, after: replaced.length },
        ...(emptied.length > 0 ? { replacedImports: { before: emptied, after: null } } : {}),
      },
    })
    return { ok: true as const, importId, rows: valid.length, replaced: replaced.length }
  })
}

async function emptyImports(db: Executor, importIds: string[]): Promise<string[]> {
  const left = await db
    .selectDistinct({ importId: councilStatistics.importId })
    .from(councilStatistics)
    .where(inArray(councilStatistics.importId, importIds))
  const kept = new Set(left.map((row) => row.importId))
  return importIds.filter((id) => !kept.has(id))
}

/** The council's imports, newest first, with the rows each still holds (a later import may have replaced some). */
export async function listStatisticsImports(db: Executor, councilId: string) {
  const remaining = db
    .select({ importId: councilStatistics.importId, rows: count().as('rows') })
    .from(councilStatistics)
    .where(eq(councilStatistics.councilId, councilId))
    .groupBy(councilStatistics.importId)
    .as('remaining')
  return db
    .select({
      id: councilImports.id,
      kind: councilImports.kind,
      source: councilImports.source,
      fileName: councilImports.fileName,
      rowCount: councilImports.rowCount,
      remaining: sql<number>`coalesce(${remaining.rows}, 0)`.mapWith(Number),
      importedAt: councilImports.importedAt,
      importedByName: users.name,
    })
    .from(councilImports)
    .leftJoin(remaining, eq(remaining.importId, councilImports.id))
    .leftJoin(users, eq(users.id, councilImports.importedBy))
    .where(eq(councilImports.councilId, councilId))
    .orderBy(desc(councilImports.importedAt), desc(councilImports.id))
}

export type StatisticsImportListRow = Awaited<ReturnType<typeof listStatisticsImports>>[number]

/** Deletes an import of the council and its rows, audited; false when there is no such import. */
export async function deleteStatisticsImport(
  db: Database,
  options: { councilId: string; importId: string; actorId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(councilImports)
      .where(and(eq(councilImports.id, options.importId), eq(councilImports.councilId, options.councilId)))
      .returning()
    if (!removed) return false
    await recordAudit(tx, {
      userId: options.actorId,
      organisationId: null,
      entity: 'council_import',
      entityId: removed.id,
      action: 'delete',
      changes: {
        councilId: { before: options.councilId, after: null },
        kind: { before: removed.kind, after: null },
        source: { before: removed.source, after: null },
        fileName: { before: removed.fileName, after: null },
        rows: { before: removed.rowCount, after: null },
      },
    })
    return true
  })
}

/** "2026-03" or "2026-03-15" as the month's first day. */
function firstOfMonth(month: string): string {
  if (!/^\d{4}-\d{2}/.test(month)) throw new Error(`not a month: ${month}`)
  return `${month.slice(0, 7)}-01`
}

export interface StatisticsSum {
  source: string
  kind: CouncilStatisticKind
  categoryId: string
  categoryName: string
  /** null: the whole municipality. */
  areaId: string | null
  areaName: string | null
  count: number
}

/** Sums per source, kind, category and area for the months from `fromMonth` to `toMonth`, both included ("2026-01"). */
export async function statisticsForPeriod(
  db: Executor,
  councilId: string,
  fromMonth: string,
  toMonth: string,
): Promise<StatisticsSum[]> {
  return db
    .select({
      source: councilStatistics.source,
      kind: councilStatistics.kind,
      categoryId: councilStatistics.categoryId,
      categoryName: councilCategories.name,
      areaId: councilStatistics.areaId,
      areaName: councilAreas.name,
      count: sql<number>`sum(${councilStatistics.count})`.mapWith(Number),
    })
    .from(councilStatistics)
    .innerJoin(councilCategories, eq(councilCategories.id, councilStatistics.categoryId))
    .leftJoin(councilAreas, eq(councilAreas.id, councilStatistics.areaId))
    .where(
      and(
        eq(councilStatistics.councilId, councilId),
        gte(councilStatistics.month, firstOfMonth(fromMonth)),
        lte(councilStatistics.month, firstOfMonth(toMonth)),
      ),
    )
    .groupBy(
      councilStatistics.source,
      councilStatistics.kind,
      councilStatistics.categoryId,
      councilCategories.name,
      councilCategories.position,
      councilStatistics.areaId,
      councilAreas.name,
    )
    .orderBy(
      asc(councilStatistics.source),
      asc(councilStatistics.kind),
      asc(councilCategories.position),
      asc(councilCategories.name),
      asc(councilAreas.name),
    )
}

export interface MonthlyStatistic {
  /** "2026-03". */
  month: string
  source: string
  kind: CouncilStatisticKind
  categoryId: string
  categoryName: string
  count: number
}

/** Counts per month, source and category (all areas together) from `fromMonth` to `toMonth`, both included. */
export async function monthlyStatistics(
  db: Executor,
  councilId: string,
  fromMonth: string,
  toMonth: string,
): Promise<MonthlyStatistic[]> {
  const rows = await db
    .select({
      month: councilStatistics.month,
      source: councilStatistics.source,
      kind: councilStatistics.kind,
      categoryId: councilStatistics.categoryId,
      categoryName: councilCategories.name,
      count: sql<number>`sum(${councilStatistics.count})`.mapWith(Number),
    })
    .from(councilStatistics)
    .innerJoin(councilCategories, eq(councilCategories.id, councilStatistics.categoryId))
    .where(
      and(
        eq(councilStatistics.councilId, councilId),
        gte(councilStatistics.month, firstOfMonth(fromMonth)),
        lte(councilStatistics.month, firstOfMonth(toMonth)),
      ),
    )
    .groupBy(
      councilStatistics.month,
      councilStatistics.source,
      councilStatistics.kind,
      councilStatistics.categoryId,
      councilCategories.name,
      councilCategories.position,
    )
    .orderBy(
      asc(councilStatistics.month),
      asc(councilStatistics.source),
      asc(councilCategories.position),
      asc(councilCategories.name),
    )
  return rows.map((row) => ({ ...row, month: String(row.month).slice(0, 7) }))
}
