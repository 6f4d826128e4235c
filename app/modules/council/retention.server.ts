import { and, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Database } from '~/db/client.server'
import { councilArchivedCounts, councilReports, councils } from '~/db/schema/council'
import { recordAudit } from '~/modules/audit/audit.server'

// Raw informant reports are kept only as long as the council decided
// (default 24 months). The scheduled job deletes older ones and keeps what
// trends and later comparisons need: counts per month, category, area and
// reporting organisation of the reports that counted (new and accepted).
// Frozen situation pictures hold their own copy and are not touched.

/** Postgres advisory lock key of the job, so that only one app process runs it at a time. */
const RETENTION_LOCK = 60_601

export interface PurgeResult {
  councilId: string
  deleted: number
  archived: number
}

/** The instant before which a council's reports are deleted: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now)
  const day = cutoff.getUTCDate()
  cutoff.setUTCDate(1)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate()
  cutoff.setUTCDate(Math.min(day, lastDay))
  return cutoff
}

/**
 * Deletes every council's reports older than its retention period, leaving
 * their counts. Returns nothing done when another process holds the job.
 */
export async function purgeExpiredReports(db: Database, now = new Date()): Promise<PurgeResult[] | null> {
  return db.transaction(async (tx) => {
    const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`)) as unknown as
      | { locked: boolean }[]
      | { rows: { locked: boolean }[] }
    const [lock] = Array.isArray(result) ? result : result.rows
    if (!lock?.locked) return null
    const results: PurgeResult[] = []
    for (const council of await tx.select({ id: councils.id, months: councils.retentionMonths }).from(councils)) {
      const cutoff = retentionCutoff(now, council.months)
      const expired = and(eq(councilReports.councilId, council.id), lt(councilReports.observedAt, cutoff))
      const month = sql<string>`(date_trunc('month', ${councilReports.observedAt} at time zone 'Europe/Stockholm'))::date`
      const counts = await tx
        .select({
          month,
          categoryId: councilReports.categoryId,
          areaId: councilReports.areaId,
          organisationId: councilReports.organisationId,
          count: sql<number>`count(*)::int`,
        })
        .from(councilReports)
        .where(and(expired, inArray(councilReports.state, ['new', 'accepted'])))
        .groupBy(month, councilReports.categoryId, councilReports.areaId, councilReports.organisationId)
      for (let start = 0; start < counts.length; start += 1000) {
        await tx
          .insert(councilArchivedCounts)
          .values(counts.slice(start, start + 1000).map((row) => ({ councilId: council.id, ...row })))
      }
      const deleted = await tx.delete(councilReports).where(expired).returning({ id: councilReports.id })
      if (deleted.length === 0) continue
      const archived = counts.reduce((sum, row) => sum + row.count, 0)
      await recordAudit(tx, {
        userId: null,
        organisationId: null,
        entity: 'council_retention',
        entityId: council.id,
        action: 'purge',
        changes: {
          deleted: { before: null, after: deleted.length },
          archived: { before: null, after: archived },
          before: { before: null, after: cutoff.toISOString() },
        },
      })
      results.push({ councilId: council.id, deleted: deleted.length, archived })
    }
    return results
  })
}

const HOUR_MS = 3_600_000

/**
 * Runs the job a minute after start and then every hour, in every app
 * process; the advisory lock lets one of them do it. The timer does not keep
 * the process alive.
 */
export function scheduleRetention(
  getDb: () => Promise<Database>,
  log: { info: (data: object, message: string) => void; error: (data: object, message: string) => void },
): () => void {
  const run = async () => {
    try {
      const results = await purgeExpiredReports(await getDb())
      const deleted = results?.reduce((sum, result) => sum + result.deleted, 0) ?? 0
      if (deleted > 0) log.info({ deleted, councils: results?.length }, 'council retention: old reports deleted')
    } catch (error) {
      log.error({ err: error }, 'council retention failed')
    }
  }
  const first = setTimeout(run, 60_000)
  const every = setInterval(run, HOUR_MS)
  first.unref()
  every.unref()
  return () => {
    clearTimeout(first)
    clearInterval(every)
  }
}
