import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { MeetingForm } from '~/components/meetings/meeting-form'
import { meetingOrganizerEmail, portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { redirectWithNotice } from '~/modules/http/flash.server'
import { forbidden } from '~/modules/http/responses'
import { getMailer } from '~/modules/mail/mailer.server'
import { sendMeetingMail } from '~/modules/meetings/invitations.server'
import { convenedAgainNotice, mailedNotice } from '~/modules/meetings/mailed-notice'
import {
  meetingPickers,
  newMeetingValues,
  parseMeetingForm,
  readMeetingValues,
  withPicked,
} from '~/modules/meetings/meeting-form'
import { meetingFormOptions } from '~/modules/meetings/meeting-options.server'
import { createMeeting } from '~/modules/meetings/meetings.server'
import { organiserFor } from '~/modules/meetings/meeting-access.server'
import { readFormData } from '~/modules/http/form-data.server'
import { pickerStates } from '~/modules/organisations/picker.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'meeting.manage')
  const db = await getDb()
  const [options, { pickers }] = await Promise.all([
    meetingFormOptions(db),
    pickerStates(db, request, meetingPickers(newMeetingValues())),
  ])
  return { options, pickers, submissionKey: newSubmissionKey() }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'meeting.manage')
  const organiserOrganisationId = organiserFor(user)
  if (!organiserOrganisationId) throw forbidden()
  const formData = await readFormData(request)
  const values = readMeetingValues(formData)
  const db = await getDb()
  const { picking, pickers } = await pickerStates(db, request, meetingPickers(), formData)
  if (picking) return data({ values: withPicked(values, pickers), errors: {}, pickers })
  const parsed = parseMeetingForm(values, { needsVersion: false })
  if (!parsed.ok) return data({ values, errors: parsed.errors, pickers }, { status: 400 })
  let meetingId = ''
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    meetingId = (await createMeeting(tx, { actorId: user.id, organiserOrganisationId, ...parsed.data })).id
    return { location: `/moten/${meetingId}`, notice: convenedAgainNotice }
  })
  // A repeated post goes to the meeting the first one convened; its invitations went out then.
  if (submitted.repeated) throw redirectTo(submitted)
  const sent = await sendMeetingMail(db, getMailer(), {
    meetingId,
    purpose: 'invitation',
    origin: portalOrigin(),
    organizerEmail: meetingOrganizerEmail(),
  })
  throw redirectWithNotice(submitted.location, mailedNotice('created', sent))
}

export default function NewMeetingPage() {
  const t = useT()
  const { options, pickers, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <h1>{t('meeting.create')}</h1>
      <MeetingForm
        values={actionData?.values ?? newMeetingValues()}
        errors={actionData?.errors ?? {}}
        options={options}
        pickers={actionData?.pickers ?? pickers}
        submitLabel={t('meeting.save')}
        cancelTo="/moten"
        submissionKey={submissionKey}
      />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'meeting.meta.new')]
