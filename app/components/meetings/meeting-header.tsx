import { Link, NavLink } from '@remix-run/react'
import { useSectionPage, type SectionHandle } from '~/components/ui/section-heading'
import type { MeetingKind } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { FollowUpSection } from '~/modules/meetings/follow-up-sections'

export interface MeetingHeading {
  id: string
  title: string
  kind: MeetingKind
  organiserName: string
}

type Sections = { key: FollowUpSection; to: string }[]

/** Links to the pages during and after a meeting, for the meeting page and for those pages themselves. */
export function FollowUpNav({ sections }: { sections: Sections }) {
  const t = useT()
  return (
    <nav aria-label={t('meetingFollowUp.sections')} className="follow-up-nav">
      <ul>
        {sections.map((section) => (
          <li key={section.key}>
            <NavLink to={section.to} end>
              {t(`meetingFollowUp.nav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * Which header a page under a meeting has: the meeting page its own (back to
 * the list, the kind and organiser under the title), the edit form only its
 * heading on a page as narrow as the form, and the pages during and after
 * the meeting (the default) the way back to it and the links between them.
 */
export type MeetingPage = 'meeting' | 'form' | 'followUp'

export interface MeetingPageHandle<Loader = unknown> extends SectionHandle<Loader> {
  page?: Exclude<MeetingPage, 'followUp'>
}

/** The header the open page under the meeting asks for. */
export function useMeetingPage(): MeetingPage {
  return useSectionPage<MeetingPageHandle>()?.handle.page ?? 'followUp'
}

/** The meeting's header above the open page; `heading` is the page's own h1. */
export function MeetingHeader({
  page,
  meeting,
  sections,
  heading,
}: {
  page: MeetingPage
  meeting: MeetingHeading
  sections: Sections
  heading: string
}) {
  const t = useT()
  if (page === 'form') return <h1>{heading}</h1>
  if (page === 'meeting') {
    return (
      <>
        <p>
          <Link to="/moten">{t('meeting.title')}</Link>
        </p>
        <h1>{heading}</h1>
        <p className="muted">
          {t(`meeting.kind.${meeting.kind}`)} · {meeting.organiserName}
        </p>
      </>
    )
  }
  return (
    <>
      <p>
        <Link to={`/moten/${meeting.id}`}>{t('meetingFollowUp.backToMeeting')}</Link>
      </p>
      <h1>{heading}</h1>
      <FollowUpNav sections={sections} />
    </>
  )
}
