import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { MandateHeader } from '~/components/mandate/mandate-header'
import { getDb } from '~/db/app-db.server'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireCalendarPeriod } from '~/modules/mandate/mandate-access.server'
import { mandateSections } from '~/modules/mandate/mandate-sections'
import mandateStyles from '~/styles/mandate.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mandateStyles }]

// The period's section: its header and the links to its parts, around the
// part that is open. Each part's loader checks the user's access again:
// loaders run in parallel.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const period = await requireCalendarPeriod(await getDb(), user, id)
  return {
    period: {
      id: period.id,
      title: period.title,
      startYear: period.startYear,
      endYear: period.endYear,
      shared: period.calendarSharedAt !== null,
    },
    sections: mandateSections(user, period),
  }
}

export default function MandatePeriodLayout() {
  const { period, sections } = useLoaderData<typeof loader>()
  return (
    <div className="page mandate-page">
      <MandateHeader period={period} sections={sections} />
      <Outlet />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.period.title ?? t('mandateCalendar.meta.fallback')),
]
