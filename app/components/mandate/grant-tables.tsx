import type { ReactNode } from 'react'
import { Link } from '@remix-run/react'
import type { GrantCategory } from '~/db/enums'
import { formatDate, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import {
  activityKind,
  participantsText,
  reportCount,
  sourceLabel,
  type GrantTotal,
} from '~/modules/mandate/grant-report'
import type { ReportActivity } from '~/modules/mandate/grant-page.server'

/** A table that scrolls sideways inside its own region on a narrow screen, never the page. */
function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  const t = useT()
  return (
    <div className="table-wrap" role="region" aria-label={t('grantReport.scrollRegion', { caption })} tabIndex={0}>
      <table className="table grant-table">
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  )
}

function ActivityCell({ activity, base, manage }: { activity: ReportActivity; base: string; manage: boolean }) {
  const t = useT()
  const kind = activityKind(t, activity.origin)
  const origin = activity.origin
  return (
    <>
      {kind ? <span className="grant-table__kind">{kind}</span> : null}
      {activity.href ? <Link to={activity.href}>{activity.title}</Link> : <span>{activity.title}</span>}
      {origin.kind === 'situation_reports' ? <span> ({reportCount(t, origin.reports)})</span> : null}
      {activity.notes ? (
        <span className="grant-table__notes">{t('grantReport.notes', { notes: activity.notes })}</span>
      ) : null}
      {manage && origin.kind === 'own' ? (
        <Link className="grant-report__edit" to={`${base}?andra=${origin.entryId}#egen-post`}>
          {t('grantReport.edit')}
          <span className="visually-hidden">: {activity.title}</span>
        </Link>
      ) : null}
      {manage && origin.kind === 'meeting' ? (
        <a className="grant-report__edit" href={`#mote-${origin.meetingId}`}>
          {t('grantReport.setHours')}
          <span className="visually-hidden">: {activity.title}</span>
        </a>
      ) : null}
    </>
  )
}

/** One table per category that has activities: date, activity, participants, hours, cost, source. */
export function GrantCategoryTables({
  groups,
  year,
  base,
  manage,
}: {
  groups: { category: GrantCategory; activities: ReportActivity[] }[]
  year: number
  /** The year page's URL. */
  base: string
  manage: boolean
}) {
  const t = useT()
  const locale = useLocale()
  if (groups.length === 0) return <p>{t('grantReport.none', { year })}</p>
  const columns = {
    date: t('grantReport.column.date'),
    activity: t('grantReport.column.activity'),
    participants: t('grantReport.column.participants'),
    hours: t('grantReport.column.hours'),
    cost: t('grantReport.column.cost'),
    source: t('grantReport.column.source'),
  }
  return (
    <>
      {groups.map(({ category, activities }) => (
        <ScrollTable
          key={category}
          caption={t('grantReport.tableCaption', { category: t(`grant.category.${category}`), year })}
        >
          <thead>
            <tr>
              <th scope="col">{columns.date}</th>
              <th scope="col">{columns.activity}</th>
              <th scope="col">{columns.participants}</th>
              <th scope="col" className="grant-table__number">
                {columns.hours}
              </th>
              <th scope="col" className="grant-table__number">
                {columns.cost}
              </th>
              <th scope="col">{columns.source}</th>
            </tr>
          </thead>
          <tbody>
            {activities.map((activity) => (
              <tr key={activity.key}>
                <td data-label={columns.date} className="grant-table__date">
                  {activity.date ? formatDate(locale, activity.date) : t('grantReport.wholeYear')}
                </td>
                <td data-label={columns.activity} className="grant-table__activity">
                  <ActivityCell activity={activity} base={base} manage={manage} />
                </td>
                <td data-label={columns.participants}>{participantsText(t, activity) || '–'}</td>
                <td data-label={columns.hours} className="grant-table__number">
                  {activity.hours === null ? '–' : formatNumber(locale, activity.hours)}
                </td>
                <td data-label={columns.cost} className="grant-table__number">
                  {activity.cost === null ? '–' : formatNumber(locale, activity.cost, 0)}
                </td>
                <td data-label={columns.source}>{sourceLabel(t, activity.origin)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ))}
    </>
  )
}

/** The number of activities, hours and cost per category (all of MSB's, also the empty ones) and in total. */
export function GrantTotalsTable({
  totals,
  year,
}: {
  totals: { categories: ({ category: GrantCategory } & GrantTotal)[]; overall: GrantTotal }
  year: number
}) {
  const t = useT()
  const locale = useLocale()
  const columns = {
    count: t('grantReport.column.count'),
    hours: t('grantReport.column.hours'),
    cost: t('grantReport.column.cost'),
  }
  const cells = (total: GrantTotal) => (
    <>
      <td data-label={columns.count} className="grant-table__number">
        {total.activities}
      </td>
      <td data-label={columns.hours} className="grant-table__number">
        {formatNumber(locale, total.hours)}
      </td>
      <td data-label={columns.cost} className="grant-table__number">
        {formatNumber(locale, total.cost, 0)}
      </td>
    </>
  )
  return (
    <ScrollTable caption={t('grantReport.totalsCaption', { year })}>
      <thead>
        <tr>
          <th scope="col">{t('grantReport.column.category')}</th>
          <th scope="col" className="grant-table__number">
            {columns.count}
          </th>
          <th scope="col" className="grant-table__number">
            {columns.hours}
          </th>
          <th scope="col" className="grant-table__number">
            {columns.cost}
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.categories.map((total) => (
          <tr key={total.category}>
            <th scope="row">{t(`grant.category.${total.category}`)}</th>
            {cells(total)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="grant-table__total">
          <th scope="row">{t('grantReport.total')}</th>
          {cells(totals.overall)}
        </tr>
      </tfoot>
    </ScrollTable>
  )
}
