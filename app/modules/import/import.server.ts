import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { importBatches } from '~/db/schema/imports'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import { diffFields, recordAudits, type AuditInput } from '~/modules/audit/audit.server'
import {
  checkImportText,
  organisationKey,
  planImport,
  routeKey,
  type ExistingOrganisation,
  type FileIssue,
  type ImportIssue,
  type ImportPlan,
  type ImportRow,
  type RawRow,
} from './import-rows'

/** How long a checked upload waits for its confirmation. */
export const IMPORT_BATCH_LIFETIME_MS = 30 * 60_000

/** Rows without problems the preview lists; rows with problems come first in the limit of all shown. */
export const PREVIEW_ROW_LIMIT = 200
export const PREVIEW_ISSUE_LIMIT = 500

const CHUNK = 500

export interface PreviewRow {
  line: number
  raw: RawRow
  issues: ImportIssue[]
  organisationName: string
  organisationIsNew: boolean
  routeStatus: 'new' | 'duplicate' | 'none'
}

export interface ImportTotals {
  rows: number
  newOrganisations: number
  newRoutes: number
  duplicates: number
  rowsWithIssues: number
}

export type ImportPreview =
  | { ok: false; fileName: string; fileIssues: FileIssue[] }
  | {
      ok: true
      fileName: string
      totals: ImportTotals
      /** The first PREVIEW_ISSUE_LIMIT rows with a problem and the first PREVIEW_ROW_LIMIT rows. */
      rows: PreviewRow[]
      /** Set only when no row has a problem: what the confirmation refers to. */
      batch: { id: string; expiresAt: Date } | null
    }

/** The organisations named in the rows that exist already, and the keys of their contact routes. */
async function existingFor(db: Executor, rows: ImportRow[]) {
  const keys = new Set(rows.map((row) => organisationKey(row.organisation)))
  // Matched here rather than with SQL lower(): the database's locale may not fold Å, Ä and Ö.
  const all = await db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations)
  const byKey = new Map<string, ExistingOrganisation[]>()
  for (const organisation of all) {
    const key = organisationKey(organisation.name)
    if (!keys.has(key)) continue
    byKey.set(key, [...(byKey.get(key) ?? []), organisation])
  }
  const matched = [...byKey.values()].flat()
  const routeKeys = new Set<string>()
  for (let start = 0; start < matched.length; start += CHUNK) {
    const chunk = matched.slice(start, start + CHUNK)
    const keyOf = new Map(chunk.map((organisation) => [organisation.id, organisationKey(organisation.name)]))
    const routes = await db
      .select({
        organisationId: contactRoutes.organisationId,
        function: contactRoutes.function,
        channel: contactRoutes.channel,
        value: contactRoutes.value,
      })
      .from(contactRoutes)
      .where(inArray(contactRoutes.organisationId, [...keyOf.keys()]))
    for (const route of routes) routeKeys.add(routeKey(keyOf.get(route.organisationId)!, route))
  }
  return { byKey, routeKeys }
}

function totalsOf(rowCount: number, plan: ImportPlan, rowsWithIssues: number): ImportTotals {
  return {
    rows: rowCount,
    newOrganisations: plan.newOrganisations.length,
    newRoutes: plan.newRoutes,
    duplicates: plan.duplicates,
    rowsWithIssues,
  }
}

/**
 * Checks an upload and shows what it would do; writes nothing but, when every
 * row is fine, the checked rows for the confirmation (owned by the
 * coordinator, expiring soon).
 */
export async function previewImport(
  db: Database,
  input: { actorId: string; text: string; fileName: string },
  now = new Date(),
): Promise<ImportPreview> {
  const checked = checkImportText(input.text)
  if (!checked.ok) return { ok: false, fileName: input.fileName, fileIssues: checked.issues }
  const valid = checked.rows.flatMap((row) => (row.row ? [row.row] : []))
  const plan = planImport(valid, await existingFor(db, valid))
  const planned = new Map(plan.rows.map((row) => [row.line, row]))
  const rows = checked.rows.map((row): PreviewRow => {
    const planRow = planned.get(row.line)
    return {
      line: row.line,
      raw: row.raw,
      issues: [...row.issues, ...(planRow?.issues ?? [])],
      organisationName: planRow?.organisationName ?? row.raw.organisation,
      organisationIsNew: planRow?.organisationIsNew ?? false,
      routeStatus: planRow?.routeStatus ?? 'none',
    }
  })
  const rowsWithIssues = rows.filter((row) => row.issues.length > 0).length
  // A file of 5,000 bad rows must not become a page of 5,000 table rows.
  let issuesShown = 0
  const shown = rows.filter((row, index) =>
    row.issues.length > 0 ? issuesShown++ < PREVIEW_ISSUE_LIMIT : index < PREVIEW_ROW_LIMIT,
  )
  const totals = totalsOf(rows.length, plan, rowsWithIssues)
  if (rowsWithIssues > 0) return { ok: true, fileName: input.fileName, totals, rows: shown, batch: null }

  const batch = await db.transaction(async (tx) => {
    await tx.delete(importBatches).where(lt(importBatches.expiresAt, now))
    const [created] = await tx
      .insert(importBatches)
      .values({
        userId: input.actorId,
        fileName: input.fileName,
        rowCount: valid.length,
        rows: valid,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IMPORT_BATCH_LIFETIME_MS),
      })
      .returning({ id: importBatches.id, expiresAt: importBatches.expiresAt })
    return created!
  })
  return { ok: true, fileName: input.fileName, totals, rows: shown, batch }
}

export type ConfirmResult =
  | { ok: true; totals: ImportTotals; createdOrganisations: { id: string; name: string }[] }
  /** Unknown, someone else's, expired or already imported. */
  | { ok: false; error: 'gone' }
  /** The portal's data changed since the preview so that a row no longer fits. */
  | { ok: false; error: 'changed' }

const routeFields = ['function', 'channel', 'value', 'label', 'availability', 'callOrder', 'visibility'] as const

/**
 * Writes a previewed upload: every organisation and contact route of it, each
 * audited, in one transaction, or nothing. The rows are planned again against
 * the data as it is now; imports run one at a time so that two of them cannot
 * both create the same organisation.
 */
export async function confirmImport(
  db: Database,
  input: { actorId: string; batchId: string },
  now = new Date(),
): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('import_batches'))`)
    const [batch] = await tx
      .select()
      .from(importBatches)
      .where(and(eq(importBatches.id, input.batchId), eq(importBatches.userId, input.actorId), gt(importBatches.expiresAt, now)))
      .for('update')
    if (!batch) return { ok: false as const, error: 'gone' as const }
    const rows = batch.rows
    const plan = planImport(rows, await existingFor(tx, rows))
    if (plan.rowsWithIssues > 0) return { ok: false as const, error: 'changed' as const }

    const audits: AuditInput[] = []
    const idByKey = new Map<string, string>()
    const createdOrganisations: { id: string; name: string }[] = []
    for (let start = 0; start < plan.newOrganisations.length; start += CHUNK) {
      const chunk = plan.newOrganisations.slice(start, start + CHUNK)
      const created = await tx
        .insert(organisations)
        .values(chunk.map((organisation) => ({ name: organisation.name, kind: organisation.kind, description: '' })))
        .returning()
      created.forEach((organisation, index) => {
        idByKey.set(chunk[index]!.key, organisation.id)
        createdOrganisations.push({ id: organisation.id, name: organisation.name })
        audits.push({
          userId: input.actorId,
          organisationId: organisation.id,
          entity: 'organisation',
          entityId: organisation.id,
          action: 'create',
          changes: diffFields(null, organisation, ['name', 'kind', 'description']),
        })
      })
    }

    const planned = new Map(plan.rows.map((row) => [row.line, row]))
    const newRoutes = rows.flatMap((row) => {
      const planRow = planned.get(row.line)!
      if (!row.route || planRow.routeStatus !== 'new') return []
      const organisationId = planRow.organisationId ?? idByKey.get(organisationKey(row.organisation))!
      return [{ organisationId, ...row.route }]
    })
    for (let start = 0; start < newRoutes.length; start += CHUNK) {
      const created = await tx.insert(contactRoutes).values(newRoutes.slice(start, start + CHUNK)).returning()
      for (const route of created) {
        audits.push({
          userId: input.actorId,
          organisationId: route.organisationId,
          entity: 'contact_route',
          entityId: route.id,
          action: 'create',
          changes: diffFields(null, route, routeFields),
        })
      }
    }

    const totals = totalsOf(rows.length, plan, 0)
    audits.push({
      userId: input.actorId,
      organisationId: null,
      entity: 'import',
      entityId: batch.id,
      action: 'create',
      changes: {
        fileName: { before: null, after: batch.fileName },
        rows: { before: null, after: totals.rows },
        organisations: { before: null, after: totals.newOrganisations },
        contactRoutes: { before: null, after: totals.newRoutes },
      },
    })
    await recordAudits(tx, audits)
    await tx.delete(importBatches).where(eq(importBatches.id, batch.id))
    createdOrganisations.sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    return { ok: true as const, totals, createdOrganisations }
  })
}
