import { and, desc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { councilReportReads, councilReports } from '~/db/schema/council'
import { users } from '~/db/schema/users'

export const READ_LOG_LIMIT = 200

/** The latest reads of a council's reports (who, when, where), newest first; a deleted report shows as such. */
export async function listReads(db: Executor, options: { councilId: string; userId?: string; limit?: number }) {
  return db
    .select({
      id: councilReportReads.id,
      at: councilReportReads.at,
      userId: councilReportReads.userId,
      userName: users.name,
      reportId: councilReportReads.reportId,
      reportExists: councilReports.id,
      place: councilReportReads.place,
    })
    .from(councilReportReads)
    .leftJoin(users, eq(users.id, councilReportReads.userId))
    .leftJoin(councilReports, eq(councilReports.id, councilReportReads.reportId))
    .where(
      and(
        eq(councilReportReads.councilId, options.councilId),
        options.userId ? eq(councilReportReads.userId, options.userId) : undefined,
      ),
    )
    .orderBy(desc(councilReportReads.at), desc(councilReportReads.id))
    .limit(options.limit ?? READ_LOG_LIMIT)
}

/** Everyone who has read a report of the council, for the filter. */
export async function readers(db: Executor, councilId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(councilReportReads)
    .innerJoin(users, eq(users.id, councilReportReads.userId))
    .where(eq(councilReportReads.councilId, councilId))
    .orderBy(users.name)
}
