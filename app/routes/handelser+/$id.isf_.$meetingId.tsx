import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { IsfLogForm, IsfLogList, IsfMinutesForm, type IsfMinutesResult } from '~/components/events/isf-minutes'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { FormattedText } from '~/components/meetings/formatted-text'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { assertPermission } from '~/modules/auth/guards.server'
import { canOnEvent, eventResource } from '~/modules/events/event-access.server'
import { parseLogEntryForm } from '~/modules/events/event-log-form'
import { writeLogEntry } from '~/modules/events/event-log.server'
import { organisationOptions, readableEventPage } from '~/modules/events/event-page.server'
import { isFrozen, writingOrganisationIds } from '~/modules/events/event-writers.server'
import { composeIsfMinutes, isfLogText, splitIsfMinutes } from '~/modules/events/isf'
import { getIsfConference, isfLogEntries, isfRound } from '~/modules/events/isf.server'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { optionalText, versionField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { forbidden, notFound, requireUuid } from '~/modules/http/responses'
import { MAX_FORMATTED_TEXT_LENGTH } from '~/modules/meetings/formatted-text'
import { saveMinutes } from '~/modules/meetings/minutes.server'
import eventLogStyles from '~/styles/event-log.css?url'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

// A conference's minutes against its agenda (the meeting's own minutes, with
// the agenda items as headings) and the decisions and tasks taken there,
// which go into the event log. Leaders write; readers of the event read.

export const links = () => [{ rel: 'stylesheet', href: eventLogStyles }]

const item = optionalText(8_000)
const MinutesSchema = z.object({
  item1: item,
  item2: item,
  item3: item,
  item4: item,
  item5: item,
  item6: item,
  version: versionField,
})

async function conferencePage(request: Request, params: { id?: string; meetingId?: string }) {
  const context = await readableEventPage(request, params)
  const conference = await getIsfConference(context.db, context.event.id, requireUuid(params.meetingId))
  if (!conference) throw notFound()
  return { ...context, conference }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, event, conference } = await conferencePage(request, params)
  const manage = canOnEvent(user, 'event.manage', event)
  const items = splitIsfMinutes(conference.meeting.minutes)
  if (manage && !items[0]) items[0] = await isfRound(db, event)
  return {
    eventId: event.id,
    conference: {
      id: conference.id,
      number: conference.number,
      title: conference.title,
      startsAt: conference.startsAt,
    },
    minutes: conference.meeting.minutes,
    items,
    version: String(conference.meeting.version),
    entries: await isfLogEntries(db, event.id, conference.number),
    manage,
    writing: manage && !isFrozen(event),
    owners: manage ? await organisationOptions(db, event.organisationIds) : [],
    submissionKey: manage ? newSubmissionKey() : '',
  }
}

type ConferenceAction = Awaited<ReturnType<typeof conferencePage>> & {
  request: Request
  formData: FormData
  back: string
}

async function writeMinutes({ user, db, conference, formData, back }: ConferenceAction) {
  const parsed = parseForm(MinutesSchema, formData)
  if (!parsed.ok)
    return data<IsfMinutesResult>({ form: 'minutes', errors: parsed.errors, values: parsed.values }, { status: 400 })
  const { version, ...items } = parsed.data
  const minutes = composeIsfMinutes(Object.values(items))
  if (minutes.length > MAX_FORMATTED_TEXT_LENGTH)
    return data<IsfMinutesResult>(
      { form: 'minutes', errors: { item1: 'validation.tooLong' }, values: parsed.values },
      { status: 400 },
    )
  const result = await saveMinutes(db, { actorId: user.id, meetingId: conference.id, version, minutes })
  if (result.ok) throw redirectWithNotice(back, saved('isf.minutes.saved'))
  if (result.error === 'notFound') throw notFound()
  return data<IsfMinutesResult>(
    {
      form: 'minutes',
      errors: {},
      values: { ...parsed.values, version: String(result.current.version) },
      current: result.current.minutes,
      notice: 'isf.minutes.conflict',
    },
    { status: 409 },
  )
}

async function logEntry(context: ConferenceAction, intent: 'decision' | 'task') {
  const { user, db, event, conference, request, formData, back } = context
  const parsed = parseLogEntryForm(formData, { organisationIds: event.organisationIds, kind: intent })
  if (!parsed.ok)
    return data<IsfMinutesResult>({ form: intent, errors: parsed.errors, values: parsed.values }, { status: 400 })
  const organisationId = writingOrganisationIds(user, event)[0]
  if (!organisationId) throw forbidden()
  const input = { ...parsed.data, text: isfLogText(conference.number, parsed.data.text) }
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const written = await writeLogEntry(tx, { event, user, organisationId, input })
    return written.ok ? { location: back, notice: saved(`isf.log.${intent}.saved`) } : refuse(written.error)
  })
  if ('refused' in submitted) {
    if (submitted.refused === 'forbidden') throw forbidden()
    return data<IsfMinutesResult>(
      { form: intent, errors: {}, values: parsed.values, notice: 'isf.refused.ended' },
      { status: 409 },
    )
  }
  throw redirectTo(submitted)
}

const decision = (context: ConferenceAction) => logEntry(context, 'decision')
const task = (context: ConferenceAction) => logEntry(context, 'task')

export async function action({ request, params }: ActionFunctionArgs) {
  const page = await conferencePage(request, params)
  assertPermission(page.user, 'event.manage', eventResource(page.event))
  const formData = await readFormData(request)
  const back = `/handelser/${page.event.id}/isf/${page.conference.id}`
  return dispatchIntent(formData, { minutes: writeMinutes, decision, task }, { ...page, request, formData, back })
}

export default function IsfMinutesPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  const { conference } = loaded
  return (
    <div className="isf-minutes-page">
      <h2>{t('isf.minutes.title', { number: conference.number })}</h2>
      <p>
        {formatDateTime(locale, conference.startsAt)} ·{' '}
        <Link to={`/moten/${conference.id}`}>{t('isf.minutes.meetingLink')}</Link>
        {' · '}
        <Link to={`/handelser/${loaded.eventId}/isf`}>{t('isf.minutes.back')}</Link>
      </p>
      <section aria-labelledby="isf-minutes-heading">
        <h3 id="isf-minutes-heading">{t('isf.minutes.heading')}</h3>
        {loaded.manage ? (
          <IsfMinutesForm items={loaded.items} version={loaded.version} result={result} />
        ) : loaded.minutes.trim() ? (
          <FormattedText text={loaded.minutes} headingLevel={4} />
        ) : (
          <p>{t('isf.minutes.none')}</p>
        )}
      </section>
      <section aria-labelledby="isf-log-heading">
        <h3 id="isf-log-heading">{t('isf.log.heading', { number: conference.number })}</h3>
        <IsfLogList entries={loaded.entries} />
      </section>
      {loaded.writing ? (
        <>
          <IsfLogForm kind="decision" owners={loaded.owners} result={result} submissionKey={loaded.submissionKey} />
          <IsfLogForm kind="task" owners={loaded.owners} result={result} submissionKey={loaded.submissionKey} />
        </>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('isf.meta.minutes', { conference: data?.conference.title ?? t('isf.meta.fallback') })),
]
