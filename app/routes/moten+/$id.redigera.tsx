import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { MeetingForm } from '~/components/meetings/meeting-form'
import type { MeetingPageHandle } from '~/components/meetings/meeting-header'
import { meetingOrganizerEmail, portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { meetingOrganisations } from '~/db/schema/meetings'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { redirectWithNotice } from '~/modules/http/flash.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import { getMailer } from '~/modules/mail/mailer.server'
import { sendMeetingMail } from '~/modules/meetings/invitations.server'
import { mailedNotice } from '~/modules/meetings/mailed-notice'
import { requireManageableMeeting, type MeetingWithScope } from '~/modules/meetings/meeting-access.server'
import {
  meetingPickers,
  meetingValues,
  parseMeetingForm,
  readMeetingValues,
  withPicked,
} from '~/modules/meetings/meeting-form'
import { meetingFormOptions } from '~/modules/meetings/meeting-options.server'
import { cancelMeeting, updateMeeting } from '~/modules/meetings/meetings.server'
import type { Executor } from '~/db/client.server'
import { eq } from 'drizzle-orm'
import { readFormData } from '~/modules/http/form-data.server'
import { pickerStates } from '~/modules/organisations/picker.server'

/** The form's values of a stored meeting: the invited organisations, not the organiser. */
async function storedValues(db: Executor, meeting: MeetingWithScope) {
  const invited = await db
    .select({ organisationId: meetingOrganisations.organisationId })
    .from(meetingOrganisations)
    .where(eq(meetingOrganisations.meetingId, meeting.id))
  return meetingValues({ ...meeting, organisationIds: invited.map((row) => row.organisationId).sort() })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const meeting = await requireManageableMeeting(db, user, id)
  if (meeting.state === 'cancelled') throw redirect(`/moten/${id}`)
  const values = await storedValues(db, meeting)
  const [options, { pickers }] = await Promise.all([
    meetingFormOptions(db),
    pickerStates(db, request, meetingPickers(values)),
  ])
  return { id, title: meeting.title, values, options, pickers }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const meeting = await requireManageableMeeting(db, user, id)
  const form = await readFormData(request)
  const mail = { origin: portalOrigin(), organizerEmail: meetingOrganizerEmail() }
  if (form.get('intent') === 'cancel') {
    const version = Number(form.get('version'))
    const result = await cancelMeeting(db, { actorId: user.id, id, version: Number.isInteger(version) ? version : -1 })
    if (!result.ok && result.error === 'notFound') throw notFound()
    if (!result.ok) return data({ kind: 'cancelConflict' as const }, { status: 409 })
    const sent = await sendMeetingMail(db, getMailer(), { meetingId: id, purpose: 'cancel', ...mail })
    throw redirectWithNotice(`/moten/${id}`, mailedNotice('cancelled', sent))
  }
  const values = readMeetingValues(form)
  const { picking, pickers } = await pickerStates(db, request, meetingPickers(), form)
  if (picking)
    return data({ kind: 'form' as const, values: withPicked(values, pickers), errors: {}, current: null, pickers })
  const parsed = parseMeetingForm(values, { needsVersion: true, currentKind: meeting.kind })
  if (!parsed.ok) {
    return data({ kind: 'form' as const, values, errors: parsed.errors, current: null, pickers }, { status: 400 })
  }
  const result = await updateMeeting(db, { actorId: user.id, id, version: parsed.version!, ...parsed.data })
  if (!result.ok && result.error === 'notFound') throw notFound()
  if (!result.ok && result.error === 'conflict') {
    const current = await storedValues(db, { ...result.current, organisationIds: meeting.organisationIds })
    return data(
      { kind: 'form' as const, values: { ...values, version: current.version }, errors: {}, current, pickers },
      { status: 409 },
    )
  }
  // Everyone gets the changed meeting when the calendar entry changed; otherwise only those newly invited.
  const sent = await sendMeetingMail(db, getMailer(), {
    meetingId: id,
    purpose: result.calendarChanged ? 'update' : 'invitation',
    onlyBehind: !result.calendarChanged,
    gone: result.gone,
    ...mail,
  })
  throw redirectWithNotice(`/moten/${id}`, mailedNotice('changed', sent))
}

export const handle: MeetingPageHandle<typeof loader> = {
  heading: (t, data) => t('meeting.editTitle', { title: data.title }),
  page: 'form',
}

export default function EditMeetingPage() {
  const t = useT()
  const { id, values, options, pickers } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const form = result?.kind === 'form' ? result : null
  return (
    <>
      <MeetingForm
        values={form?.values ?? values}
        errors={form?.errors ?? {}}
        current={form?.current ?? undefined}
        options={options}
        pickers={form?.pickers ?? pickers}
        submitLabel={t('meeting.saveChanges')}
        cancelTo={`/moten/${id}`}
      />
      <section className="panel danger-zone" aria-labelledby="cancel-heading">
        <h2 id="cancel-heading">{t('meeting.cancelHeading')}</h2>
        <p>{t('meeting.cancelText')}</p>
        {result?.kind === 'cancelConflict' ? <p className="field__error">{t('meeting.conflict')}</p> : null}
        <Form method="post">
          <input type="hidden" name="version" value={values.version} />
          <button type="submit" className="button button--danger" name="intent" value="cancel">
            {t('meeting.cancelConfirm')}
          </button>
        </Form>
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('meeting.meta.edit', { meeting: data?.title ?? t('meeting.meta.editFallback') })),
]
