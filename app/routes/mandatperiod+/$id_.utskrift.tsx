import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PeriodOverview } from '~/components/mandate/period-overview'
import { PrintButton } from '~/components/ui/print-button'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { requireReadablePeriod } from '~/modules/mandate/mandate-access.server'
import { periodOverview } from '~/modules/mandate/overview.server'
import mandateStyles from '~/styles/mandate.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mandateStyles }]

// The period's overview for the county board's follow-up visit, once per
// period: on screen and on A4 (app/styles/mandate.css has the print rules).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireReadablePeriod(db, user, id)
  const today = stockholmToday()
  return {
    period: { id: period.id, title: period.title, startYear: period.startYear, endYear: period.endYear },
    today,
    overview: await periodOverview(db, user, period, today),
  }
}

export default function PeriodPrintPage() {
  const t = useT()
  const { period, today, overview } = useLoaderData<typeof loader>()
  return (
    <div className="page mandate-print">
      <div className="mandate-print__tools">
        <Link to={`/mandatperiod/${period.id}`}>{t('mandateCalendar.print.back')}</Link>
        <PrintButton label={t('mandateCalendar.print.print')} />
      </div>
      <h1>{t('mandateCalendar.print.title', { title: period.title })}</h1>
      <p>
        {t('mandateCalendar.yearsValue', { start: period.startYear, end: period.endYear })} ·{' '}
        {t('mandateCalendar.print.printedOn', { date: today })}
      </p>
      <PeriodOverview overview={overview} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('mandateCalendar.meta.print', { period: data?.period.title ?? t('mandateCalendar.meta.printFallback') }),
  ),
]
