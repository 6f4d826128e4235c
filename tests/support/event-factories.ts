import type { Database } from '../../app/db/client.server'
import {
  eventOrganisations,
  events,
  eventStatusReports,
  type EventRecord,
  type EventStatusReport,
} from '../../app/db/schema/events'

let counter = 0

/**
 * An event, written directly (not audited, nobody called out): an ongoing
 * exercise at staff level that started an hour ago, with the given
 * organisations taking part, unless told otherwise.
 */
export async function makeEvent(
  db: Database,
  fields: { organisationIds?: string[] } & Partial<typeof events.$inferInsert> = {},
): Promise<EventRecord> {
  const { organisationIds = [], ...values } = fields
  const [row] = await db
    .insert(events)
    .values({
      title: `Händelse ${Date.now().toString(36)}${(counter++).toString(36)}`,
      kind: 'exercise',
      level: 'staff',
      startedAt: new Date(Date.now() - 3_600_000),
      ...values,
    })
    .returning()
  if (organisationIds.length > 0)
    await db.insert(eventOrganisations).values(organisationIds.map((organisationId) => ({ eventId: row!.id, organisationId })))
  return row!
}

/** A status report, written directly (not audited, no log entry): normal operation unless told otherwise. */
export async function makeStatusReport(
  db: Database,
  fields: { eventId: string; organisationId: string; serviceId: string } & Partial<
    typeof eventStatusReports.$inferInsert
  >,
): Promise<EventStatusReport> {
  const [row] = await db
    .insert(eventStatusReports)
    .values({ status: 'normal', via: 'portal', ...fields })
    .returning()
  return row!
}
