import { Link } from '@remix-run/react'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { DueList } from '~/modules/mandate/due-list.server'

/**
 * The start page's "Att leverera": overdue deliverables and those due within
 * 60 days, earliest first; an overdue one says so in words. Nothing at all
 * for a user with nothing due who does not read the whole period.
 */
export function DueDeliverables({ list }: { list: DueList }) {
  const t = useT()
  const locale = useLocale()
  if (list.items.length === 0 && !list.readsAll) return null
  return (
    <section aria-labelledby="due-deliverables">
      <h2 id="due-deliverables">{t('mandateDue.heading')}</h2>
      <p>{t('mandateDue.intro')}</p>
      {list.items.length === 0 ? (
        <p>{t('mandateDue.none')}</p>
      ) : (
        <ul className="link-list">
          {list.items.map((item) => (
            <li key={item.id}>
              <Link to={`/mandatperiod/${item.periodId}/leveranser/${item.id}`}>{item.title}</Link>
              <p className="action-item__facts">
                <span>{t('mandateDue.due', { date: formatDate(locale, item.dueDate) })}</span>
                {item.state === 'overdue' ? (
                  <strong className="overdue-tag">{t('mandate.state.overdue')}</strong>
                ) : (
                  <span>{t('mandateDue.state', { state: t(`mandate.state.${item.state}`) })}</span>
                )}
                <span>{t('mandateDue.period', { period: item.periodTitle })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.more || list.readsAll ? (
        <p>
          <Link to="/mandatperiod">{t('mandateDue.showAll')}</Link>
        </p>
      ) : null}
    </section>
  )
}
