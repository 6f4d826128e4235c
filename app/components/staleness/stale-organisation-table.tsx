import { Link } from '@remix-run/react'
import { formatDate, formatDateTime } from '~/i18n/format'
import { labelOf, useLocale, useT } from '~/i18n/i18n'
import { contactValueText } from '~/modules/contacts/contact-route-values'
import type { StalenessReason } from '~/modules/staleness/staleness'

export interface StaleRow {
  id: string
  name: string
  confirmedAt: Date | string | null
  reasons: StalenessReason[]
  failedRoutes: { id: string; function: string; channel: string; value: string; checkedAt: Date | string }[]
  editors: { id: string; name: string; email: string }[]
  lastReminderAt: Date | string | null
}

/** One row per organisation, each with a checkbox of the reminder form (preselected). */
export function StaleOrganisationTable({ rows, months }: { rows: StaleRow[]; months: number }) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="table-wrap">
      <table className="table stale-table">
        <caption>{t('staleness.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staleness.select')}</th>
            <th scope="col">{t('staleness.organisation')}</th>
            <th scope="col">{t('staleness.problems')}</th>
            <th scope="col">{t('staleness.confirmed')}</th>
            <th scope="col">{t('staleness.editors')}</th>
            <th scope="col">{t('staleness.lastReminder')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <label className="stale-table__select">
                  <input type="checkbox" name="organisationId" value={row.id} defaultChecked />
                  <span className="visually-hidden">{t('staleness.selectOrganisation', { name: row.name })}</span>
                </label>
              </td>
              <th scope="row">
                <Link to={`/organisationer/${row.id}`}>{row.name}</Link>
              </th>
              <td>
                <ul className="stale-table__reasons">
                  {row.reasons.map((reason) => (
                    <li key={reason}>
                      <span>{t(`staleness.reason.${reason}`, { months })}</span>
                      {reason === 'failedCheck' ? (
                        <ul>
                          {row.failedRoutes.map((route) => (
                            <li key={route.id}>
                              {t('staleness.failedRoute', {
                                function: labelOf(t, 'contactFunction', route.function),
                                channel: labelOf(t, 'contactChannel', route.channel).toLowerCase(),
                                value: contactValueText(route),
                                date: formatDate(locale, route.checkedAt),
                              })}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <span className="stale-table__label">{t('staleness.confirmed')}: </span>
                {row.confirmedAt ? formatDate(locale, row.confirmedAt) : t('staleness.never')}
              </td>
              <td>
                <span className="stale-table__label">{t('staleness.editors')}: </span>
                {row.editors.length === 0 ? (
                  <strong>{t('staleness.noEditors')}</strong>
                ) : (
                  row.editors.map((editor) => (
                    <span key={editor.id} className="stale-table__editor">
                      {editor.name} <span className="muted">({editor.email})</span>
                    </span>
                  ))
                )}
              </td>
              <td>
                <span className="stale-table__label">{t('staleness.lastReminder')}: </span>
                {row.lastReminderAt ? formatDateTime(locale, row.lastReminderAt) : t('staleness.never')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
