import type { LoaderFunctionArgs } from '@remix-run/node'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { eventLogCsv } from '~/modules/events/event-log-csv'
import { listWholeLog } from '~/modules/events/event-log.server'
import { readableEventPage } from '~/modules/events/event-page.server'
import { attachment } from '~/modules/directory/directory-export.server'
import { swedishDate } from '~/modules/directory/directory-filters'

/** The whole event log as CSV for Swedish Excel, for every reader of the event; ÖVNING first for an exercise. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, event } = await readableEventPage(request, params)
  const exercise = event.kind === 'exercise'
  const now = new Date()
  const csv = eventLogCsv(
    translator(getLocale(request)),
    { title: event.title, exercise },
    await listWholeLog(db, event.id),
    now,
  )
  return attachment(csv, {
    contentType: 'text/csv; charset=utf-8',
    filename: `handelselogg-${exercise ? 'ovning-' : ''}${swedishDate(now)}.csv`,
  })
}
