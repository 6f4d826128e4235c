import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { visiblePeriods } from '~/modules/mandate/calendar.server'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import mandateStyles from '~/styles/mandate.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mandateStyles }]

// The mandate periods this user sees, newest first: all of them for the
// coordinator and the duty officers, the shared ones for the partners, and
// the one where a person owns a deliverable.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return {
    periods: await visiblePeriods(await getDb(), user, stockholmToday()),
    mayCreate: can(user, 'mandate.manage'),
  }
}

export default function MandatePeriodsPage() {
  const t = useT()
  const { periods, mayCreate } = useLoaderData<typeof loader>()
  return (
    <div className="page mandate-page">
      <h1>{t('mandateCalendar.list.title')}</h1>
      <p>{t('mandateCalendar.list.intro')}</p>
      {mayCreate ? (
        <p>
          <Link className="button" to="/mandatperiod/ny">
            {t('mandateCalendar.create')}
          </Link>
        </p>
      ) : null}
      {periods.length === 0 ? (
        <p>{mayCreate ? t('mandateCalendar.list.emptyCoordinator') : t('mandateCalendar.list.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('mandateCalendar.list.caption')} tabIndex={0}>
          <table className="table">
            <caption>{t('mandateCalendar.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mandateCalendar.list.period')}</th>
                <th scope="col">{t('mandateCalendar.years')}</th>
                <th scope="col">{t('mandateCalendar.list.done')}</th>
                <th scope="col">{t('mandateCalendar.list.overdue')}</th>
                <th scope="col">{t('mandateCalendar.list.dueSoon')}</th>
                <th scope="col">{t('mandateCalendar.sharing')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.id}>
                  <th scope="row">
                    <Link to={`/mandatperiod/${period.id}`}>{period.title}</Link>
                  </th>
                  <td>{t('mandateCalendar.yearsValue', { start: period.startYear, end: period.endYear })}</td>
                  <td>
                    {t('mandateCalendar.list.doneValue', { done: period.summary.done, total: period.summary.total })}
                  </td>
                  <td>{period.summary.overdue}</td>
                  <td>{period.summary.dueSoon}</td>
                  <td>{period.shared ? t('mandateCalendar.shared') : t('mandateCalendar.notShared')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'mandateCalendar.list.title')]
