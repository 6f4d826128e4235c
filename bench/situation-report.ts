import { eq } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { events } from '../app/db/schema/events'
import { buildDraft } from '../app/modules/events/situation-report-draft.server'
import { generateEvent } from './events'
import { round, type Figure } from './measure'

const FIVE_MINUTES = 5 * 60_000

/**
 * situation_report_draft_ms: building the draft of a situation report (all
 * four headings: the log, the picture, the key messages and the projection)
 * for the event bench's event: 500 organisations, 5,000 services, 20,000
 * status reports. The median of 5 builds, each at a "now" five minutes on, so
 * that the projection is computed again each time (only the registry's
 * prepared graph is reused, as between two real drafts); and the first build.
 */
export async function situationReportBenchmarks(db: Database): Promise<Figure[]> {
  const eventId = await generateEvent(db)
  try {
    const [event] = await db.select().from(events).where(eq(events.id, eventId))
    const base = Date.now()
    const time = async (step: number) => {
      const start = performance.now()
      await buildDraft(db, event!, new Date(base + step * FIVE_MINUTES))
      return performance.now() - start
    }
    const first = await time(0)
    const times: number[] = []
    for (let step = 1; step <= 5; step++) times.push(await time(step))
    times.sort((a, b) => a - b)
    return [
      { name: 'situation_report_draft_ms', value: round(times[2]!), unit: 'ms' },
      { name: 'situation_report_draft_first_ms', value: round(first), unit: 'ms' },
    ]
  } finally {
    await db.delete(events).where(eq(events.id, eventId))
  }
}
