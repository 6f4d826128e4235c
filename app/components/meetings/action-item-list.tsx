import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { ActionItemState } from '~/db/enums'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { isOverdue } from '~/modules/meetings/action-item-state'

export interface ActionItemListItem {
  id: string
  title: string
  description: string
  ownerName: string
  dueDate: string | null
  state: ActionItemState
  meetingId: string
  meetingTitle: string
}

/**
 * Action items with owner, due date and status; an overdue item says so in
 * words, not only by colour. `showMeeting` links each to the meeting it was
 * agreed at (the start page, "from earlier meetings"); `renderActions` adds
 * the controls a page allows.
 */
export function ActionItemList<T extends ActionItemListItem>({
  items,
  today,
  headingLevel = 3,
  showMeeting = false,
  empty,
  renderActions,
}: {
  items: T[]
  /** Today in Stockholm, YYYY-MM-DD, from the loader (server and browser must agree). */
  today: string
  headingLevel?: 2 | 3 | 4
  showMeeting?: boolean
  empty: string
  renderActions?: (item: T) => ReactNode
}) {
  const t = useT()
  const locale = useLocale()
  if (items.length === 0) return <p>{empty}</p>
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4'
  return (
    <ul className="action-items">
      {items.map((item) => {
        const overdue = isOverdue(item, today)
        return (
          <li key={item.id} className={overdue ? 'action-item action-item--overdue' : 'action-item'}>
            <Heading className="action-item__title">{item.title}</Heading>
            <p className="action-item__facts">
              <span>
                {t('meetingFollowUp.actions.owner')}: {item.ownerName}
              </span>
              <span>
                {item.dueDate
                  ? t('meetingFollowUp.actions.due', { date: formatDate(locale, item.dueDate) })
                  : t('meetingFollowUp.actions.noDueDate')}
                {overdue ? <strong className="overdue-tag"> – {t('meetingFollowUp.actions.overdue')}</strong> : null}
              </span>
              <span>
                {t('meetingFollowUp.actions.state')}: {t(`meetingFollowUp.actions.state.${item.state}`)}
              </span>
            </p>
            {item.description ? <p className="prewrap">{item.description}</p> : null}
            {showMeeting ? (
              <p>
                <Link to={`/moten/${item.meetingId}/atgarder`}>
                  {t('meetingFollowUp.actions.fromMeeting', { meeting: item.meetingTitle })}
                </Link>
              </p>
            ) : null}
            {renderActions?.(item)}
          </li>
        )
      })}
    </ul>
  )
}
