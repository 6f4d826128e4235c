import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { situationPictures, situationPictureVersions, type SituationPicture } from '~/db/schema/council'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'
import { notFound } from '~/modules/http/responses'
import { createAudited, updateVersioned, type SaveResult } from '~/modules/records/versioned.server'
import type { CouncilWithScope } from './council-sections'
import { measuresForPlan } from './measures.server'
import type { SituationSnapshot } from './situation-snapshot'
import { statisticsForPeriod } from './statistics.server'
import { surveyTrend } from './survey.server'
import { addDays, endMonth, type Period } from './weekly'
import { countsByArea, countsByCategory, hotSpots, monthlyTrend } from './weekly.server'

// The situation picture (lägesbild) the law asks for: a mapping of the
// reports, other relevant information and the council's analysis, for a
// chosen period. The council writes the analysis; the portal assembles the
// rest and freezes the whole as a dated, numbered version that later edits,
// deletions and the retention job cannot change.

/** Hot spots are cells of at least this size, whatever the council's coarsening. */
export const HOT_SPOT_METRES = 250
const HOT_SPOT_LIMIT = 15

export interface PictureText {
  title: string
  periodFrom: string
  /** The last day of the period. */
  periodTo: string
  analysis: string
  otherInformation: string
}

export function pictureOf(picture: Pick<SituationPicture, 'periodFrom' | 'periodTo'>): Period {
  return { kind: 'range', from: picture.periodFrom, until: addDays(picture.periodTo, 1), week: null }
}

export async function listPictures(db: Executor, councilId: string) {
  const versions = db
    .select({
      pictureId: situationPictureVersions.pictureId,
      count: sql<number>`count(*)::int`.as('count'),
      latest: sql<Date>`max(${situationPictureVersions.frozenAt})`.as('latest'),
    })
    .from(situationPictureVersions)
    .groupBy(situationPictureVersions.pictureId)
    .as('versions')
  return db
    .select({
      id: situationPictures.id,
      title: situationPictures.title,
      periodFrom: situationPictures.periodFrom,
      periodTo: situationPictures.periodTo,
      updatedAt: situationPictures.updatedAt,
      versions: sql<number>`coalesce(${versions.count}, 0)::int`,
      latestFrozenAt: versions.latest,
    })
    .from(situationPictures)
    .leftJoin(versions, eq(versions.pictureId, situationPictures.id))
    .where(eq(situationPictures.councilId, councilId))
    .orderBy(desc(situationPictures.periodTo), desc(situationPictures.createdAt))
}

export async function getPicture(db: Executor, councilId: string, id: string) {
  const [row] = await db
    .select()
    .from(situationPictures)
    .where(and(eq(situationPictures.councilId, councilId), eq(situationPictures.id, id)))
  return row
}

export async function createPicture(db: Database, options: { actorId: string; councilId: string } & PictureText) {
  const { actorId, councilId, ...text } = options
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(situationPictures)
          .values({ councilId, ...text })
          .returning()
      )[0]!,
    audit: (picture) => ({
      userId: actorId,
      organisationId: null,
      entity: 'situation_picture',
      entityId: picture.id,
      action: 'create',
      changes: diffFields(null, picture, ['title', 'periodFrom', 'periodTo']),
    }),
  })
}

function lockPicture(tx: Transaction, councilId: string, id: string) {
  return tx
    .select()
    .from(situationPictures)
    .where(and(eq(situationPictures.councilId, councilId), eq(situationPictures.id, id)))
    .for('update')
    .then((rows) => rows[0])
}

export async function updatePicture(
  db: Database,
  options: { actorId: string; councilId: string; id: string; version: number } & PictureText,
): Promise<SaveResult<SituationPicture>> {
  const { actorId, councilId, id, version, ...text } = options
  return updateVersioned(db, {
    expectedVersion: version,
    load: (tx) => lockPicture(tx, councilId, id),
    write: async (tx, before) =>
      (
        await tx
          .update(situationPictures)
          .set({ ...text, updatedAt: new Date(), version: before.version + 1 })
          .where(eq(situationPictures.id, before.id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: actorId,
      organisationId: null,
      entity: 'situation_picture',
      entityId: before.id,
      action: 'update',
      changes: diffFields(before, after, ['title', 'periodFrom', 'periodTo', 'analysis', 'otherInformation']),
    }),
  })
}

/** The mapping and other information of the picture's period, assembled now, with its text. */
export async function assembleSnapshot(
  db: Executor,
  council: Pick<CouncilWithScope, 'id' | 'name' | 'coarsenMetres'>,
  picture: PictureText,
): Promise<SituationSnapshot> {
  const period = pictureOf(picture)
  const last = endMonth(period)
  const cellMetres = Math.max(HOT_SPOT_METRES, council.coarsenMetres)
  const [byArea, byCategory, trend, statistics, survey, spots, measures] = await Promise.all([
    countsByArea(db, council, period),
    countsByCategory(db, council, period),
    monthlyTrend(db, council, last, 12),
    statisticsForPeriod(db, council.id, period.from.slice(0, 7), last),
    surveyTrend(db, council.id),
    hotSpots(db, council, period, cellMetres, { limit: HOT_SPOT_LIMIT }),
    measuresForPlan(db, council.id),
  ])
  const lastYear = Number(picture.periodTo.slice(0, 4))
  const surveyYears = survey.years.filter((year) => year <= lastYear)
  const sum = (rows: { count: number; previous: number; lastYear: number }[]) =>
    rows.reduce(
      (total, row) => ({
        count: total.count + row.count,
        previous: total.previous + row.previous,
        lastYear: total.lastYear + row.lastYear,
      }),
      { count: 0, previous: 0, lastYear: 0 },
    )
  return {
    councilName: council.name,
    ...picture,
    totals: sum(byCategory),
    byArea: byArea.map((row) => ({
      key: row.areaId ?? 'outside',
      name: row.name ?? '',
      count: row.count,
      previous: row.previous,
      lastYear: row.lastYear,
    })),
    byCategory: byCategory
      .filter((row) => row.count + row.previous + row.lastYear > 0)
      .map((row) => ({
        key: row.categoryId,
        name: row.name,
        count: row.count,
        previous: row.previous,
        lastYear: row.lastYear,
      })),
    trend,
    statistics: statistics.map((row) => ({
      source: row.source,
      kind: row.kind,
      category: row.categoryName,
      area: row.areaName,
      count: row.count,
    })),
    survey: {
      years: surveyYears,
      questions: survey.questions.map((question) => ({
        question: question.question,
        series: question.series.map((series) => ({
          ...series,
          points: series.points.filter((point) => point.year <= lastYear),
        })),
      })),
    },
    hotSpots: spots.map((spot) => ({ lat: spot.lat, lng: spot.lng, count: spot.count })),
    hotSpotMetres: cellMetres,
    measures: measures.map((measure) => ({
      title: measure.title,
      kind: measure.kind,
      measureType: measure.measureType,
      place: [measure.areaName, measure.place].filter(Boolean).join(', '),
      responsible: measure.responsibleOrganisationName,
      startDate: measure.startDate,
      followUpDate: measure.followUpDate,
      state: measure.state,
      assessment: measure.latestAssessment,
    })),
  }
}

export type FreezeResult =
  | { ok: true; number: number }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'conflict'; current: SituationPicture }

/**
 * Freezes the picture as its next numbered version. The version the user
 * looked at must still be the saved one, so that what is frozen is what
 * was read; two freezes at once get different numbers.
 */
export async function freezePicture(
  db: Database,
  options: {
    actorId: string
    council: Pick<CouncilWithScope, 'id' | 'name' | 'coarsenMetres'>
    id: string
    version: number
  },
): Promise<FreezeResult> {
  return db.transaction(async (tx) => {
    const picture = await lockPicture(tx, options.council.id, options.id)
    if (!picture) return { ok: false as const, error: 'notFound' as const }
    if (picture.version !== options.version) return { ok: false as const, error: 'conflict' as const, current: picture }
    const snapshot = await assembleSnapshot(tx, options.council, picture)
    const [last] = await tx
      .select({ number: sql<number>`coalesce(max(${situationPictureVersions.number}), 0)::int` })
      .from(situationPictureVersions)
      .where(eq(situationPictureVersions.pictureId, picture.id))
    const number = (last?.number ?? 0) + 1
    const [frozen] = await tx
      .insert(situationPictureVersions)
      .values({ pictureId: picture.id, number, frozenBy: options.actorId, snapshot })
      .returning({ id: situationPictureVersions.id })
    await recordAudit(tx, {
      userId: options.actorId,
      organisationId: null,
      entity: 'situation_picture',
      entityId: picture.id,
      action: 'freeze',
      changes: { number: { before: number - 1, after: number }, versionId: { before: null, after: frozen!.id } },
    })
    return { ok: true as const, number }
  })
}

export async function listVersions(db: Executor, pictureId: string) {
  return db
    .select({
      number: situationPictureVersions.number,
      frozenAt: situationPictureVersions.frozenAt,
    })
    .from(situationPictureVersions)
    .where(eq(situationPictureVersions.pictureId, pictureId))
    .orderBy(asc(situationPictureVersions.number))
}

/** A version number from the URL; anything else is a 404. */
export function versionNumber(value: string | undefined): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1 || number > 100_000) throw notFound()
  return number
}

/** A frozen version and the one before it, for "what changed since the last version". */
export async function getVersion(db: Executor, pictureId: string, number: number) {
  const rows = await db
    .select()
    .from(situationPictureVersions)
    .where(
      and(
        eq(situationPictureVersions.pictureId, pictureId),
        sql`${situationPictureVersions.number} in (${number}, ${number - 1})`,
      ),
    )
  const current = rows.find((row) => row.number === number)
  if (!current) return undefined
  return { current, previous: rows.find((row) => row.number === number - 1) ?? null }
}
