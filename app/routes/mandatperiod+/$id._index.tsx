import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CalendarTables, SummaryList } from '~/components/mandate/calendar-table'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { calendarView } from '~/modules/mandate/calendar.server'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { canOnPeriod, requireCalendarPeriod } from '~/modules/mandate/mandate-access.server'

// The period's calendar (årshjul): every deliverable by the year it is due,
// with its state on the day. The partners see it once it is shared: what is
// due when and its state, nothing internal.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireCalendarPeriod(db, user, id)
  const today = stockholmToday()
  return {
    periodId: period.id,
    today,
    manage: canOnPeriod(user, 'mandate.manage', period),
    ...(await calendarView(db, user, period, today)),
  }
}

export default function MandateCalendarPage() {
  const t = useT()
  const { periodId, today, manage, full, entries, summary, rsaLink } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('mandateCalendar.calendar.heading')}</h2>
      <p className="muted">{t('mandateCalendar.calendar.today', { date: today })}</p>
      {full ? null : <p>{t('mandateCalendar.calendar.publicNote')}</p>}
      <SummaryList summary={summary} />
      {manage ? (
        <p>
          <Link className="button" to={`/mandatperiod/${periodId}/leveranser/ny`}>
            {t('mandateCalendar.addDeliverable')}
          </Link>
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>{t('mandateCalendar.calendar.empty')}</p>
      ) : (
        <CalendarTables periodId={periodId} entries={entries} full={full} rsaLink={rsaLink} />
      )}
    </section>
  )
}
