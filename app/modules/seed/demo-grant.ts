import type { Executor } from '~/db/client.server'
import { grantEntries } from '~/db/schema/mandate'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { isPeriodYear } from '~/modules/mandate/grant-report'
import { automaticActivities } from '~/modules/mandate/grant-report.server'
import { getPeriod } from '~/modules/mandate/periods.server'

// The demo's grant report: a few entries of the coordinator's own for last
// year and this year (those of them within the period), and the hours and
// cost of one meeting the report lists by itself, if there is one. Written
// directly, like the rest of the demo.

const DAY_MS = 86_400_000

/** A day `days` from now in Stockholm, kept within `year` (a demo loaded on 3 January still dates this year's entries in it). */
function dayIn(year: number, now: Date, days: number): string {
  const day = stockholmToday(new Date(now.getTime() + days * DAY_MS))
  if (day.startsWith(`${year}-`)) return day
  return day < `${year}-01-01` ? `${year}-01-02` : `${year}-12-30`
}

export async function insertDemoGrantEntries(
  db: Executor,
  input: { periodId: string; coordinatorId: string },
  now = new Date(),
): Promise<void> {
  const period = await getPeriod(db, input.periodId)
  if (!period) return
  const thisYear = Number(stockholmToday(now).slice(0, 4))
  const lastYear = thisYear - 1
  const own = [
    {
      year: lastYear,
      category: 'protective_security' as const,
      title: 'Utbildning i säkerhetsskydd, 2 deltagare',
      occurredOn: `${lastYear}-04-12`,
      hours: '16',
      cost: 12_500,
      notes: 'Grundkurs hos Länsstyrelsen Västra Götaland',
    },
    {
      year: lastYear,
      category: 'exercises' as const,
      title: 'Kommunens del av länsstyrelsens kvartalsövning',
      occurredOn: `${lastYear}-09-18`,
      hours: '12',
      cost: null,
      notes: 'Säkerhetssamordnaren och TiB deltog',
    },
    {
      year: lastYear,
      category: 'planning' as const,
      title: 'Revidering av planen för extraordinära händelser',
      occurredOn: null,
      hours: '40',
      cost: null,
      notes: '',
    },
    {
      year: thisYear,
      category: 'exercises' as const,
      title: 'Kommunens del av länsstyrelsens kvartalsövning',
      occurredOn: dayIn(thisYear, now, -20),
      hours: '10.5',
      cost: 2_400,
      notes: 'Tre deltagare från krisledningsgruppen',
    },
    {
      year: thisYear,
      category: 'training' as const,
      title: 'Utbildning i stabsmetodik för krisledningsgruppen',
      occurredOn: dayIn(thisYear, now, -60),
      hours: '24',
      cost: 18_000,
      notes: 'Extern utbildare, en heldag',
    },
  ].filter((entry) => isPeriodYear(period, entry.year))
  if (own.length > 0) {
    await db
      .insert(grantEntries)
      .values(own.map((entry) => ({ ...entry, periodId: period.id, createdBy: input.coordinatorId })))
  }
  // This year's first listed meeting, else last year's.
  for (const year of [thisYear, lastYear].filter((each) => isPeriodYear(period, each))) {
    const listed = (await automaticActivities(db, period, year)).find((activity) => activity.origin.kind === 'meeting')
    if (listed?.origin.kind !== 'meeting') continue
    await db
      .insert(grantEntries)
      .values({
        periodId: period.id,
        year,
        category: listed.category,
        meetingId: listed.origin.meetingId,
        hours: '18',
        cost: 3_500,
        notes: 'Lokal, fika och förberedelser',
        createdBy: input.coordinatorId,
      })
      .onConflictDoNothing()
    break
  }
}
