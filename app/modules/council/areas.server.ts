import { and, asc, count, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { councilAreas, councilReports, type CouncilArea } from '~/db/schema/council'
import { diffFields } from '~/modules/audit/audit.server'
import type { FieldErrors } from '~/modules/forms/parse-form'
import { parseForm } from '~/modules/forms/parse-form'
import { isUniqueViolation } from '~/modules/records/unique-violation'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'
import { AreaCreateSchema, AreaDeleteSchema, AreaUpdateSchema } from './area-form'
import { areaOf, boundingBox, type BoundingBox, type Corner } from './geometry'
import { areaShapes } from './reports.server'

// A council's named areas. Reports with a position fall into the smallest
// area that holds them; whenever an area is drawn, redrawn or removed, the
// positioned reports in its old and new bounding boxes are placed again. A
// report whose reporter chose an area by name keeps it (until the area is
// removed, when the foreign key clears it).

const NAME_INDEX = 'council_areas_name_idx'
const UPDATE_CHUNK = 5000

export type AreaListRow = Awaited<ReturnType<typeof listAreas>>[number]

/** The council's areas by name, with how many reports lie in each. */
export async function listAreas(db: Executor, councilId: string) {
  const [areas, counts] = await Promise.all([
    db
      .select({
        id: councilAreas.id,
        name: councilAreas.name,
        polygon: councilAreas.polygon,
        version: councilAreas.version,
      })
      .from(councilAreas)
      .where(eq(councilAreas.councilId, councilId))
      .orderBy(asc(councilAreas.name)),
    db
      .select({ areaId: councilReports.areaId, value: count() })
      .from(councilReports)
      .where(and(eq(councilReports.councilId, councilId), isNotNull(councilReports.areaId)))
      .groupBy(councilReports.areaId),
  ])
  const byArea = new Map(counts.map((row) => [row.areaId, row.value]))
  return areas.map((area) => ({ ...area, reportCount: byArea.get(area.id) ?? 0 }))
}

function inBox(box: BoundingBox): SQL {
  return sql`(${councilReports.lat} between ${box.minLat} and ${box.maxLat} and ${councilReports.lng} between ${box.minLng} and ${box.maxLng})`
}

/**
 * Places the council's positioned reports in these boxes in the area that
 * now holds them (null: none). Only rows whose area changes are written;
 * a report's version stays, as placing it is no edit of the report.
 */
export async function reassignReports(tx: Executor, councilId: string, boxes: readonly BoundingBox[]): Promise<number> {
  if (boxes.length === 0) return 0
  const [rows, shapes] = await Promise.all([
    tx
      .select({
        id: councilReports.id,
        lat: councilReports.lat,
        lng: councilReports.lng,
        areaId: councilReports.areaId,
      })
      .from(councilReports)
      .where(
        and(
          eq(councilReports.councilId, councilId),
          inArray(councilReports.locationKind, ['pin', 'position']),
          isNotNull(councilReports.lat),
          or(...boxes.map(inBox)),
        ),
      ),
    areaShapes(tx, councilId),
  ])
  const moves = new Map<string | null, string[]>()
  for (const row of rows) {
    const areaId = areaOf({ lat: row.lat!, lng: row.lng! }, shapes)
    if (areaId === row.areaId) continue
    const ids = moves.get(areaId) ?? []
    ids.push(row.id)
    moves.set(areaId, ids)
  }
  let moved = 0
  for (const [areaId, ids] of moves) {
    for (let start = 0; start < ids.length; start += UPDATE_CHUNK) {
      const chunk = ids.slice(start, start + UPDATE_CHUNK)
      await tx.update(councilReports).set({ areaId }).where(inArray(councilReports.id, chunk))
      moved += chunk.length
    }
  }
  return moved
}

export type AreaWriteResult =
  | { ok: true; area: CouncilArea }
  | { ok: false; error: 'nameTaken' }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'conflict'; current: CouncilArea }

export async function createArea(
  db: Database,
  options: { councilId: string; actorId: string; name: string; polygon: Corner[] },
): Promise<AreaWriteResult> {
  try {
    const area = await createAudited(db, {
      write: async (tx) => {
        const [area] = await tx
          .insert(councilAreas)
          .values({
            councilId: options.councilId,
            name: options.name,
            polygon: options.polygon,
            ...boundingBox(options.polygon),
          })
          .returning()
        await reassignReports(tx, options.councilId, [boundingBox(options.polygon)])
        return area!
      },
      audit: (area) => ({
        userId: options.actorId,
        organisationId: null,
        entity: 'council_area',
        entityId: area.id,
        action: 'create',
        changes: diffFields(null, area, ['councilId', 'name', 'polygon']),
      }),
    })
    return { ok: true, area }
  } catch (error) {
    if (isUniqueViolation(error, NAME_INDEX)) return { ok: false, error: 'nameTaken' }
    throw error
  }
}

function lockArea(tx: Transaction, councilId: string, id: string) {
  return tx
    .select()
    .from(councilAreas)
    .where(and(eq(councilAreas.id, id), eq(councilAreas.councilId, councilId)))
    .for('update')
    .then((rows) => rows[0])
}

/** Renames or redraws an area (versioned); a new shape places the reports of the old and new boxes again. */
export async function updateArea(
  db: Database,
  options: { councilId: string; actorId: string; id: string; version: number; name: string; polygon: Corner[] },
): Promise<AreaWriteResult> {
  try {
    const result = await updateVersioned(db, {
      expectedVersion: options.version,
      load: (tx) => lockArea(tx, options.councilId, options.id),
      write: async (tx, before) => {
        const redrawn = JSON.stringify(before.polygon) !== JSON.stringify(options.polygon)
        const [after] = await tx
          .update(councilAreas)
          .set({
            name: options.name,
            polygon: options.polygon,
            ...boundingBox(options.polygon),
            updatedAt: new Date(),
            version: before.version + 1,
          })
          .where(eq(councilAreas.id, before.id))
          .returning()
        if (redrawn) await reassignReports(tx, options.councilId, [before, boundingBox(options.polygon)])
        return after!
      },
      audit: (before, after) => ({
        userId: options.actorId,
        organisationId: null,
        entity: 'council_area',
        entityId: before.id,
        action: 'update',
        changes: diffFields(before, after, ['name', 'polygon']),
      }),
    })
    return result.ok ? { ok: true, area: result.record } : result
  } catch (error) {
    if (isUniqueViolation(error, NAME_INDEX)) return { ok: false, error: 'nameTaken' }
    throw error
  }
}

/** Removes an area (versioned): reports chosen by its name lose it, positioned ones fall into another area if one holds them. */
export async function deleteArea(
  db: Database,
  options: { councilId: string; actorId: string; id: string; version: number },
) {
  return deleteVersioned(db, {
    expectedVersion: options.version,
    load: (tx) => lockArea(tx, options.councilId, options.id),
    remove: async (tx, before) => {
      await tx.delete(councilAreas).where(eq(councilAreas.id, before.id))
      await reassignReports(tx, options.councilId, [before])
    },
    audit: (before) => ({
      userId: options.actorId,
      organisationId: null,
      entity: 'council_area',
      entityId: before.id,
      action: 'delete',
      changes: diffFields(before, null, ['name', 'polygon']),
    }),
  })
}

export type AreaActionOutcome =
  | { kind: 'done'; message: 'created' | 'saved' | 'deleted' }
  | {
      kind: 'failed'
      status: 400 | 404 | 409
      /** Which form: 'new', or the id of the area edited. */
      form: string
      errors: FieldErrors
      values: Record<string, string>
      /** After a conflict: what is saved now. */
      current?: { name: string; corners: Corner[]; version: number }
    }

/** What each of the areas page's posts needs: the council, who posts, and the form. */
export interface AreaPost {
  councilId: string
  actorId: string
  formData: FormData
}

export async function createAreaFromForm(
  db: Database,
  { councilId, actorId, formData }: AreaPost,
): Promise<AreaActionOutcome> {
  const parsed = parseForm(AreaCreateSchema, formData)
  if (!parsed.ok) return { kind: 'failed', status: 400, form: 'new', errors: parsed.errors, values: parsed.values }
  const result = await createArea(db, { councilId, actorId, name: parsed.data.name, polygon: parsed.data.corners })
  if (result.ok) return { kind: 'done', message: 'created' }
  return {
    kind: 'failed',
    status: 400,
    form: 'new',
    errors: { name: 'councilAreas.error.nameTaken' },
    values: parsed.values,
  }
}

/** A rename or a redraw. */
export async function saveAreaFromForm(
  db: Database,
  { councilId, actorId, formData }: AreaPost,
): Promise<AreaActionOutcome> {
  const areaId = String(formData.get('areaId') ?? '')
  const parsed = parseForm(AreaUpdateSchema, formData)
  if (!parsed.ok) return { kind: 'failed', status: 400, form: areaId, errors: parsed.errors, values: parsed.values }
  const { data } = parsed
  const result = await updateArea(db, {
    councilId,
    actorId,
    id: data.areaId,
    version: data.version,
    name: data.name,
    polygon: data.corners,
  })
  if (result.ok) return { kind: 'done', message: 'saved' }
  return failure(result, areaId, parsed.values)
}

export async function deleteAreaFromForm(
  db: Database,
  { councilId, actorId, formData }: AreaPost,
): Promise<AreaActionOutcome> {
  const areaId = String(formData.get('areaId') ?? '')
  const parsed = parseForm(AreaDeleteSchema, formData)
  if (!parsed.ok)
    return {
      kind: 'failed',
      status: 400,
      form: areaId,
      errors: { _form: 'validation.formInvalid' },
      values: parsed.values,
    }
  const result = await deleteArea(db, { councilId, actorId, id: parsed.data.areaId, version: parsed.data.version })
  if (result.ok) return { kind: 'done', message: 'deleted' }
  return failure(result, areaId, parsed.values)
}

function failure(
  result: { ok: false; error: 'nameTaken' | 'notFound' } | { ok: false; error: 'conflict'; current: CouncilArea },
  form: string,
  values: Record<string, string>,
): AreaActionOutcome {
  if (result.error === 'nameTaken')
    return { kind: 'failed', status: 400, form, errors: { name: 'councilAreas.error.nameTaken' }, values }
  if (result.error !== 'conflict')
    return { kind: 'failed', status: 404, form, errors: { _form: 'councilAreas.error.gone' }, values }
  const { current } = result
  return {
    kind: 'failed',
    status: 409,
    form,
    errors: { _form: 'councilAreas.error.conflict' },
    values: { ...values, version: String(current.version) },
    current: { name: current.name, corners: current.polygon, version: current.version },
  }
}
