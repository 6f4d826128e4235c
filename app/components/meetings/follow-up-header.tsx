import { Link, NavLink } from '@remix-run/react'
import type { MeetingKind } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

export type FollowUpSection = 'protokoll' | 'dokument' | 'utvardering' | 'atgarder' | 'lardomar'

const sections: { path: FollowUpSection; label: MessageKey }[] = [
  { path: 'protokoll', label: 'meetingFollowUp.nav.minutes' },
  { path: 'dokument', label: 'meetingFollowUp.nav.documents' },
  { path: 'utvardering', label: 'meetingFollowUp.nav.evaluation' },
  { path: 'atgarder', label: 'meetingFollowUp.nav.actionItems' },
  { path: 'lardomar', label: 'meetingFollowUp.nav.findings' },
]

/**
 * Links to the pages during and after a meeting (findings only for a theme
 * day), for the meeting page and for those pages themselves.
 */
export function FollowUpNav({ meeting }: { meeting: { id: string; kind: MeetingKind } }) {
  const t = useT()
  const shown = sections.filter((section) => section.path !== 'lardomar' || meeting.kind === 'theme_day')
  return (
    <nav aria-label={t('meetingFollowUp.sections')} className="follow-up-nav">
      <ul>
        {shown.map((section) => (
          <li key={section.path}>
            <NavLink to={`/moten/${meeting.id}/${section.path}`} end>
              {t(section.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The back link to the meeting, the page's heading and the navigation between the pages. */
export function FollowUpHeader({
  meeting,
  heading,
}: {
  meeting: { id: string; title: string; kind: MeetingKind }
  heading: string
}) {
  const t = useT()
  return (
    <>
      <p>
        <Link to={`/moten/${meeting.id}`}>{t('meetingFollowUp.backToMeeting')}</Link>
      </p>
      <h1>{heading}</h1>
      <FollowUpNav meeting={meeting} />
    </>
  )
}
