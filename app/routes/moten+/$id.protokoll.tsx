import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { FormattedText } from '~/components/meetings/formatted-text'
import type { SectionHandle } from '~/components/ui/section-heading'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { optionalText, requiredText, uuidField, versionField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { badRequest, notFound } from '~/modules/http/responses'
import {
  manageableFollowUp,
  meetingHeading,
  readableFollowUp,
  type FollowUpContext,
} from '~/modules/meetings/follow-up-page.server'
import { MAX_FORMATTED_TEXT_LENGTH } from '~/modules/meetings/formatted-text'
import {
  addAttendance,
  listAttendance,
  meetingOrganisationOptions,
  removeAttendance,
  saveMinutes,
} from '~/modules/meetings/minutes.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

const MinutesSchema = z.object({ minutes: optionalText(MAX_FORMATTED_TEXT_LENGTH), version: versionField })
const AttendanceSchema = z.object({ name: requiredText(200), organisationId: uuidField })
const RemoveSchema = z.object({ attendanceId: uuidField })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, meeting, manage } = await readableFollowUp(request, params)
  return {
    meeting: meetingHeading(meeting),
    minutes: meeting.minutes,
    version: String(meeting.version),
    attendance: await listAttendance(db, meeting.id),
    organisations: manage ? await meetingOrganisationOptions(db, meeting.organisationIds) : [],
    manage,
    submissionKey: newSubmissionKey(),
  }
}

interface MinutesResult {
  form: 'minutes' | 'attendance'
  errors: Record<string, string>
  values: Record<string, string>
  /** Set when the coordinator asked for a preview of the typed text. */
  preview?: boolean
  /** After a conflict: the minutes saved meanwhile. */
  current?: string
  notice?: MessageKey
}

interface MinutesAction extends FollowUpContext {
  request: Request
  formData: FormData
  back: string
}

async function writeMinutes({ user, db, meeting, formData, back }: MinutesAction, intent: 'preview' | 'save') {
  const parsed = parseForm(MinutesSchema, formData)
  if (!parsed.ok)
    return data<MinutesResult>({ form: 'minutes', errors: parsed.errors, values: parsed.values }, { status: 400 })
  if (intent === 'preview')
    return data<MinutesResult>({ form: 'minutes', errors: {}, values: parsed.values, preview: true })
  const result = await saveMinutes(db, { actorId: user.id, meetingId: meeting.id, ...parsed.data })
  if (result.ok) throw redirectWithNotice(back, saved('meetingFollowUp.minutes.saved'))
  if (result.error === 'notFound') throw notFound()
  // The typed text stays; the new version lets the coordinator save over the stored one knowingly.
  return data<MinutesResult>(
    {
      form: 'minutes',
      errors: {},
      values: { ...parsed.values, version: String(result.current.version) },
      current: result.current.minutes,
      notice: 'meetingFollowUp.conflict',
    },
    { status: 409 },
  )
}

async function addAttendanceRow({ user, db, meeting, request, formData, back }: MinutesAction) {
  const parsed = parseForm(AttendanceSchema, formData)
  const errors = parsed.ok ? {} : { ...parsed.errors }
  if (parsed.ok && !meeting.organisationIds.includes(parsed.data.organisationId))
    errors.organisationId = 'validation.choose'
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return data<MinutesResult>({ form: 'attendance', errors, values: parsed.values }, { status: 400 })
  }
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    await addAttendance(tx, {
      actorId: user.id,
      meetingId: meeting.id,
      organiserOrganisationId: meeting.organiserOrganisationId,
      ...parsed.data,
    })
    return { location: back, notice: saved('meetingFollowUp.saved') }
  })
  throw redirectTo(submitted)
}

async function removeAttendanceRow({ user, db, meeting, formData, back }: MinutesAction): Promise<never> {
  const parsed = parseForm(RemoveSchema, formData)
  if (!parsed.ok) throw badRequest()
  const removed = await removeAttendance(db, {
    actorId: user.id,
    meetingId: meeting.id,
    organiserOrganisationId: meeting.organiserOrganisationId,
    id: parsed.data.attendanceId,
  })
  if (!removed) throw notFound()
  throw redirectWithNotice(back, saved('meetingFollowUp.attendance.removed'))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await manageableFollowUp(request, params)
  const formData = await readFormData(request)
  const back = `/moten/${context.meeting.id}/protokoll`
  return dispatchIntent(
    formData,
    {
      preview: (minutes: MinutesAction) => writeMinutes(minutes, 'preview'),
      save: (minutes: MinutesAction) => writeMinutes(minutes, 'save'),
      addAttendance: addAttendanceRow,
      removeAttendance: removeAttendanceRow,
    },
    { ...context, request, formData, back },
  )
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('meetingFollowUp.minutes.title', { title: data.meeting.title }),
}

export default function MinutesPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const minutesResult = actionData?.form === 'minutes' ? actionData : undefined
  const attendanceResult = actionData?.form === 'attendance' ? actionData : undefined
  const minutesValue = minutesResult?.values.minutes ?? loaded.minutes
  const version = minutesResult?.values.version ?? loaded.version

  return (
    <>
      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t('meetingFollowUp.minutes.heading')}</h2>
        {loaded.manage ? (
          <>
            {minutesResult?.notice ? <FormMessage kind="error">{t(minutesResult.notice)}</FormMessage> : null}
            {minutesResult?.current !== undefined ? (
              <div className="panel">
                <h3>{t('meetingFollowUp.currentSaved')}</h3>
                <FormattedText text={minutesResult.current} headingLevel={4} />
              </div>
            ) : null}
            <Form
              method="post"
              className="stack follow-up-form"
              noValidate
              key={`minutes-${version}-${minutesResult?.notice ?? ''}`}
            >
              <input type="hidden" name="version" value={version} />
              <Field
                label={t('meetingFollowUp.minutes.label')}
                name="minutes"
                hint={t('meetingFollowUp.minutes.hint')}
                error={minutesResult?.errors.minutes}
              >
                {(props) => <textarea {...props} rows={14} defaultValue={minutesValue} />}
              </Field>
              <div className="actions">
                <button type="submit" className="button" name="intent" value="save">
                  {t('meetingFollowUp.minutes.save')}
                </button>
                <button type="submit" className="button button--secondary" name="intent" value="preview">
                  {t('meetingFollowUp.minutes.preview')}
                </button>
              </div>
            </Form>
            {minutesResult?.preview ? (
              <section aria-labelledby="preview-heading" className="panel minutes-preview">
                <h3 id="preview-heading">{t('meetingFollowUp.minutes.previewHeading')}</h3>
                <p className="muted">{t('meetingFollowUp.minutes.previewNote')}</p>
                <FormattedText text={minutesValue} headingLevel={4} />
              </section>
            ) : null}
          </>
        ) : loaded.minutes.trim() ? (
          <FormattedText text={loaded.minutes} headingLevel={3} />
        ) : (
          <p>{t('meetingFollowUp.minutes.none')}</p>
        )}
      </section>

      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t('meetingFollowUp.attendance.heading')}</h2>
        {loaded.attendance.length === 0 ? (
          <p>{t('meetingFollowUp.attendance.none')}</p>
        ) : (
          <>
            <p className="muted">{t('meetingFollowUp.attendance.count', { count: loaded.attendance.length })}</p>
            <ul className="link-list attendance-list">
              {loaded.attendance.map((person) => (
                <li key={person.id}>
                  <span>
                    {person.name}
                    {person.organisationName ? <span className="muted"> – {person.organisationName}</span> : null}
                  </span>
                  {loaded.manage ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="attendanceId" value={person.id} />
                      <button
                        type="submit"
                        className="button button--secondary button--small"
                        name="intent"
                        value="removeAttendance"
                      >
                        {t('meetingFollowUp.attendance.remove', { name: person.name })}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
        {loaded.manage ? (
          <Form
            method="post"
            className="stack follow-up-form"
            noValidate
            key={`attendance-${loaded.attendance.length}`}
          >
            <h3>{t('meetingFollowUp.attendance.addHeading')}</h3>
            <SubmissionKeyField value={loaded.submissionKey} />
            {attendanceResult ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
            <Field label={t('meetingFollowUp.attendance.name')} name="name" error={attendanceResult?.errors.name}>
              {(props) => (
                <input {...props} type="text" autoComplete="off" defaultValue={attendanceResult?.values.name ?? ''} />
              )}
            </Field>
            <Field
              label={t('meetingFollowUp.attendance.organisation')}
              name="organisationId"
              error={attendanceResult?.errors.organisationId}
            >
              {(props) => (
                <select {...props} defaultValue={attendanceResult?.values.organisationId ?? ''}>
                  <option value="">{t('meetingFollowUp.chooseOrganisation')}</option>
                  {loaded.organisations.map((organisation) => (
                    <option key={organisation.id} value={organisation.id}>
                      {organisation.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className="button" name="intent" value="addAttendance">
              {t('meetingFollowUp.attendance.add')}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('meetingFollowUp.meta.minutes', { meeting: data?.meeting.title ?? t('meeting.meta.fallback') }),
  ),
]
