import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { CouncilFollowUpAssessment, CouncilMeasureState } from '~/db/enums'
import type { Database, Executor, Transaction } from '~/db/client.server'
import {
  councilAreas,
  councilMeasureFollowUps,
  councilMeasures,
  situationPictures,
  type CouncilMeasure,
} from '~/db/schema/council'
import { organisations } from '~/db/schema/organisations'
import { users } from '~/db/schema/users'
import { diffFields, recordAudit, type AuditInput } from '~/modules/audit/audit.server'
import type { FieldErrors } from '~/modules/forms/parse-form'
import { createAudited, updateVersioned, type SaveResult } from '~/modules/records/versioned.server'
import { organisationOptions } from './informants.server'
import { areaNames } from './reports.server'
import { openStates, type FollowUpFields, type MeasureFields, type MeasureFilter } from './measure-form'

// The council's action plan. A measure's responsible organisation, area and
// situation picture must be the council's own: a made-up or foreign id is a
// field error, never a database error or a quiet link to someone else's data.

const auditedFields = [
  'title',
  'kind',
  'measureType',
  'description',
  'areaId',
  'place',
  'responsibleOrganisationId',
  'startDate',
  'expectedEffect',
  'followUpDate',
  'state',
  'situationPictureId',
] as const

export interface CouncilScope {
  id: string
  organisationIds: readonly string[]
}

export interface LatestFollowUp {
  followedUpOn: string
  assessment: CouncilFollowUpAssessment
}

/** The latest follow-up of each measure (by its date, then when it was recorded). */
async function latestFollowUps(db: Executor, measureIds: string[]): Promise<Map<string, LatestFollowUp>> {
  const latest = new Map<string, LatestFollowUp>()
  if (measureIds.length === 0) return latest
  const rows = await db
    .select({
      measureId: councilMeasureFollowUps.measureId,
      followedUpOn: councilMeasureFollowUps.followedUpOn,
      assessment: councilMeasureFollowUps.assessment,
    })
    .from(councilMeasureFollowUps)
    .where(inArray(councilMeasureFollowUps.measureId, measureIds))
    .orderBy(desc(councilMeasureFollowUps.followedUpOn), desc(councilMeasureFollowUps.createdAt))
  for (const { measureId, ...followUp } of rows) if (!latest.has(measureId)) latest.set(measureId, followUp)
  return latest
}

/** The action plan: the council's measures with their area's and organisation's names and latest follow-up, by follow-up date. */
export async function listMeasures(db: Executor, councilId: string, options: { state?: MeasureFilter } = {}) {
  const conditions = [eq(councilMeasures.councilId, councilId)]
  if ((options.state ?? 'open') === 'open') conditions.push(inArray(councilMeasures.state, [...openStates]))
  const rows = await db
    .select({
      id: councilMeasures.id,
      title: councilMeasures.title,
      kind: councilMeasures.kind,
      measureType: councilMeasures.measureType,
      description: councilMeasures.description,
      areaId: councilMeasures.areaId,
      areaName: councilAreas.name,
      place: councilMeasures.place,
      responsibleOrganisationId: councilMeasures.responsibleOrganisationId,
      responsibleOrganisationName: organisations.name,
      startDate: councilMeasures.startDate,
      expectedEffect: councilMeasures.expectedEffect,
      followUpDate: councilMeasures.followUpDate,
      state: councilMeasures.state,
      situationPictureId: councilMeasures.situationPictureId,
      version: councilMeasures.version,
    })
    .from(councilMeasures)
    .innerJoin(organisations, eq(organisations.id, councilMeasures.responsibleOrganisationId))
    .leftJoin(councilAreas, eq(councilAreas.id, councilMeasures.areaId))
    .where(and(...conditions))
    .orderBy(asc(councilMeasures.followUpDate), asc(councilMeasures.title))
  const latest = await latestFollowUps(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({ ...row, latestFollowUp: latest.get(row.id) ?? null }))
}

export type MeasureListRow = Awaited<ReturnType<typeof listMeasures>>[number]

/** A measure as the frozen situation picture keeps it: plain text, names resolved, nothing that changes later. */
export interface PlanMeasure {
  id: string
  title: string
  kind: CouncilMeasure['kind']
  measureType: string
  description: string
  areaName: string | null
  place: string
  responsibleOrganisationName: string
  startDate: string
  expectedEffect: string
  followUpDate: string
  state: CouncilMeasureState
  latestAssessment: CouncilFollowUpAssessment | null
  latestFollowedUpOn: string | null
}

/** Every measure of the council, for the situation picture. */
export async function measuresForPlan(db: Executor, councilId: string): Promise<PlanMeasure[]> {
  const rows = await listMeasures(db, councilId, { state: 'all' })
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    measureType: row.measureType,
    description: row.description,
    areaName: row.areaName,
    place: row.place,
    responsibleOrganisationName: row.responsibleOrganisationName,
    startDate: row.startDate,
    expectedEffect: row.expectedEffect,
    followUpDate: row.followUpDate,
    state: row.state,
    latestAssessment: row.latestFollowUp?.assessment ?? null,
    latestFollowedUpOn: row.latestFollowUp?.followedUpOn ?? null,
  }))
}

/** One measure of the council, with names resolved, or undefined. */
export async function getMeasure(db: Executor, councilId: string, id: string) {
  const [row] = await db
    .select({
      measure: councilMeasures,
      areaName: councilAreas.name,
      responsibleOrganisationName: organisations.name,
      situationPictureTitle: situationPictures.title,
    })
    .from(councilMeasures)
    .innerJoin(organisations, eq(organisations.id, councilMeasures.responsibleOrganisationId))
    .leftJoin(councilAreas, eq(councilAreas.id, councilMeasures.areaId))
    .leftJoin(situationPictures, eq(situationPictures.id, councilMeasures.situationPictureId))
    .where(and(eq(councilMeasures.id, id), eq(councilMeasures.councilId, councilId)))
  return row
}

/** A measure's follow-ups, newest first, with who recorded them. */
export function listFollowUps(db: Executor, measureId: string) {
  return db
    .select({
      id: councilMeasureFollowUps.id,
      followedUpOn: councilMeasureFollowUps.followedUpOn,
      assessment: councilMeasureFollowUps.assessment,
      note: councilMeasureFollowUps.note,
      recordedByName: users.name,
      createdAt: councilMeasureFollowUps.createdAt,
    })
    .from(councilMeasureFollowUps)
    .leftJoin(users, eq(users.id, councilMeasureFollowUps.recordedBy))
    .where(eq(councilMeasureFollowUps.measureId, measureId))
    .orderBy(desc(councilMeasureFollowUps.followedUpOn), desc(councilMeasureFollowUps.createdAt))
}

/** The council's situation pictures a measure may answer, newest period first. */
export function situationPictureOptions(db: Executor, councilId: string) {
  return db
    .select({ id: situationPictures.id, title: situationPictures.title, periodTo: situationPictures.periodTo })
    .from(situationPictures)
    .where(eq(situationPictures.councilId, councilId))
    .orderBy(desc(situationPictures.periodTo), asc(situationPictures.title))
}

/** What the measure form offers: the council's areas, its organisations and its situation pictures. */
export async function measureOptions(db: Executor, council: CouncilScope) {
  const [areas, organisations, pictures] = await Promise.all([
    areaNames(db, council.id),
    organisationOptions(db, council.organisationIds),
    situationPictureOptions(db, council.id),
  ])
  return { areas, organisations, pictures: pictures.map(({ id, title }) => ({ id, title })) }
}

/** The responsible organisation, the area and the situation picture must all belong to the council. */
export async function checkMeasureChoices(
  db: Executor,
  council: CouncilScope,
  fields: Pick<MeasureFields, 'responsibleOrganisationId' | 'areaId' | 'situationPictureId'>,
): Promise<FieldErrors> {
  const errors: FieldErrors = {}
  if (!council.organisationIds.includes(fields.responsibleOrganisationId))
    errors.responsibleOrganisationId = 'councilMeasures.error.organisation'
  if (fields.areaId) {
    const [area] = await db
      .select({ id: councilAreas.id })
      .from(councilAreas)
      .where(and(eq(councilAreas.id, fields.areaId), eq(councilAreas.councilId, council.id)))
    if (!area) errors.areaId = 'validation.choose'
  }
  if (fields.situationPictureId) {
    const [picture] = await db
      .select({ id: situationPictures.id })
      .from(situationPictures)
      .where(and(eq(situationPictures.id, fields.situationPictureId), eq(situationPictures.councilId, council.id)))
    if (!picture) errors.situationPictureId = 'validation.choose'
  }
  return errors
}

type Invalid = { ok: false; error: 'invalid'; errors: FieldErrors }

const measureAudit = (
  actorId: string,
  action: 'create' | 'update',
  before: CouncilMeasure | null,
  after: CouncilMeasure,
): AuditInput => ({
  userId: actorId,
  organisationId: after.responsibleOrganisationId,
  entity: 'council_measure',
  entityId: after.id,
  action,
  changes: diffFields(before, after, auditedFields),
})

/** Decides a new measure; it starts planned. */
export async function createMeasure(
  db: Database,
  input: { actorId: string; council: CouncilScope; fields: MeasureFields },
): Promise<{ ok: true; record: CouncilMeasure } | Invalid> {
  const errors = await checkMeasureChoices(db, input.council, input.fields)
  if (Object.keys(errors).length > 0) return { ok: false, error: 'invalid', errors }
  const record = await createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(councilMeasures)
          .values({ ...input.fields, councilId: input.council.id, state: 'planned', createdBy: input.actorId })
          .returning()
      )[0]!,
    audit: (created) => measureAudit(input.actorId, 'create', null, created),
  })
  return { ok: true, record }
}

const lockMeasure = async (tx: Transaction, councilId: string, id: string) =>
  (
    await tx
      .select()
      .from(councilMeasures)
      .where(and(eq(councilMeasures.id, id), eq(councilMeasures.councilId, councilId)))
      .for('update')
  )[0]

function saveMeasure(
  db: Database,
  input: { actorId: string; councilId: string; id: string; version: number },
  values: Partial<MeasureFields> & { state?: CouncilMeasureState },
) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockMeasure(tx, input.councilId, input.id),
    write: async (tx, before) =>
      (
        await tx
          .update(councilMeasures)
          .set({ ...values, updatedAt: new Date(), version: before.version + 1 })
          .where(eq(councilMeasures.id, before.id))
          .returning()
      )[0]!,
    audit: (before, after) => measureAudit(input.actorId, 'update', before, after),
  })
}

/** Saves the measure's fields under the version its form was loaded with. */
export async function updateMeasure(
  db: Database,
  input: { actorId: string; council: CouncilScope; id: string; version: number; fields: MeasureFields },
): Promise<SaveResult<CouncilMeasure> | Invalid> {
  const errors = await checkMeasureChoices(db, input.council, input.fields)
  if (Object.keys(errors).length > 0) return { ok: false, error: 'invalid', errors }
  return saveMeasure(db, { ...input, councilId: input.council.id }, input.fields)
}

/** Moves the measure to another state (planned, ongoing, done, cancelled). */
export function changeMeasureState(
  db: Database,
  input: { actorId: string; councilId: string; id: string; version: number; state: CouncilMeasureState },
): Promise<SaveResult<CouncilMeasure>> {
  return saveMeasure(db, input, { state: input.state })
}

/** Records a follow-up or evaluation of the measure. */
export async function recordFollowUp(
  db: Database,
  input: { actorId: string; councilId: string; measureId: string; fields: FollowUpFields },
): Promise<{ ok: true } | { ok: false; error: 'notFound' }> {
  return db.transaction(async (tx) => {
    const measure = await lockMeasure(tx, input.councilId, input.measureId)
    if (!measure) return { ok: false as const, error: 'notFound' as const }
    const [created] = await tx
      .insert(councilMeasureFollowUps)
      .values({ ...input.fields, measureId: measure.id, recordedBy: input.actorId })
      .returning()
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: measure.responsibleOrganisationId,
      entity: 'council_measure_follow_up',
      entityId: created!.id,
      action: 'create',
      changes: diffFields(null, { ...created!, measureId: measure.id }, [
        'measureId',
        'followedUpOn',
        'assessment',
        'note',
      ]),
    })
    return { ok: true as const }
  })
}
