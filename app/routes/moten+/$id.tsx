import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { MeetingHeader, useMeetingPage, type MeetingPage } from '~/components/meetings/meeting-header'
import { useSectionHeading } from '~/components/ui/section-heading'
import { pageTitle } from '~/i18n/page-title'
import { meetingHeader, readableFollowUp } from '~/modules/meetings/follow-up-page.server'
import { followUpSections } from '~/modules/meetings/follow-up-sections'

// The meeting's section: its header and the links to the pages during and
// after it, around the page that is open. Reading the meeting is what every
// page asks first; each page's loader and action check the rest again
// (loaders run in parallel). The section's styles come with every page from
// the root, since the start page lists action items too. A document's
// download (`$id_.dokument.$documentId`) is a file, outside this layout.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, meeting } = await readableFollowUp(request, params)
  return { meeting: await meetingHeader(db, meeting), sections: followUpSections(meeting) }
}

const pageClasses: Record<MeetingPage, string> = {
  meeting: 'page meeting-page',
  form: 'page page--narrow',
  followUp: 'page follow-up-page',
}

export default function MeetingLayout() {
  const { meeting, sections } = useLoaderData<typeof loader>()
  const page = useMeetingPage()
  const heading = useSectionHeading()
  return (
    <div className={pageClasses[page]}>
      <MeetingHeader page={page} meeting={meeting} sections={sections} heading={heading} />
      <Outlet />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.meeting.title ?? t('meeting.meta.fallback')),
]
