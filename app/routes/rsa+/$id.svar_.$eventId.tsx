import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { SectionHandle } from '~/components/ui/section-heading'
import { AnswerForm, ScaleGuide } from '~/components/rsa/answer-form'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { forbidden, requireFound, requireUuid } from '~/modules/http/responses'
import { getOrganisationName, listEvents } from '~/modules/rsa/analyses.server'
import { runAnswerAction } from '~/modules/rsa/answer-action.server'
import { getAnswer } from '~/modules/rsa/answers.server'
import { answerValues } from '~/modules/rsa/rsa-forms'
import { answerableOrganisationIds, requireReadableAnalysis } from '~/modules/rsa/rsa-access.server'
import { readFormData } from '~/modules/http/form-data.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const eventId = requireUuid(params.eventId)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireReadableAnalysis(db, user, id)
  const answerable = answerableOrganisationIds(user, analysis)
  const asked = new URL(request.url).searchParams.get('organisation')
  const organisationId = asked ?? answerable[0]
  // Another organisation's answer is neither shown nor changed here.
  if (!organisationId || !answerable.includes(organisationId)) throw forbidden()
  const events = await listEvents(db, id)
  const index = events.findIndex((event) => event.id === eventId)
  const event = requireFound(events[index])
  const [answer, organisationName] = await Promise.all([
    getAnswer(db, eventId, organisationId),
    getOrganisationName(db, organisationId),
  ])
  const link = (other: (typeof events)[number] | undefined) =>
    other ? { title: other.title, to: `/rsa/${id}/svar/${other.id}?organisation=${organisationId}` } : null
  return {
    event: {
      id: event.id,
      title: event.title,
      description: event.description,
      position: index + 1,
      count: events.length,
    },
    organisationName,
    state: answer?.state ?? null,
    values: answer ? answerValues(answer) : { organisationId, version: '0' },
    scales: {
      likelihoodScale: analysis.likelihoodScale,
      consequenceScale: analysis.consequenceScale,
      capabilityScale: analysis.capabilityScale,
      protectedValues: analysis.protectedValues,
    },
    previous: link(events[index - 1]),
    next: link(events[index + 1]),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const eventId = requireUuid(params.eventId)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireReadableAnalysis(db, user, id)
  const formData = await readFormData(request)
  const outcome = await runAnswerAction(db, user, analysis, eventId, formData)
  const autosave = formData.get('autosave') === '1'
  if (outcome.kind === 'saved') {
    if (autosave) return data({ kind: 'saved' as const, version: outcome.version, state: outcome.state })
    const notice = saved(outcome.state === 'submitted' ? 'rsa.savedDone' : 'rsa.savedDraft')
    throw redirectWithNotice(`/rsa/${id}/svar/${eventId}?organisation=${outcome.organisationId}`, notice)
  }
  if (outcome.kind === 'invalid') return data({ ...outcome, current: undefined }, { status: 400 })
  return data({ ...outcome, errors: {} }, { status: 409 })
}

export const handle: SectionHandle<typeof loader> = { heading: (_t, data) => data.event.title, narrow: true }

export default function AnswerPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failed = actionData && actionData.kind !== 'saved' ? actionData : null
  return (
    <>
      <p className="rsa-answer__for">
        {t('rsa.answerFor', { organisation: loaded.organisationName })} ·{' '}
        {t('rsa.eventPosition', { n: loaded.event.position, count: loaded.event.count })} ·{' '}
        {t(`rsa.answerState.${loaded.state ?? 'none'}`)}
      </p>
      {loaded.event.description ? <p>{loaded.event.description}</p> : null}
      <ScaleGuide scales={loaded.scales} />
      <AnswerForm
        key={`${loaded.event.id}:${loaded.values.organisationId}`}
        scales={loaded.scales}
        values={failed?.values ?? loaded.values}
        errors={failed?.errors ?? {}}
        current={failed?.current}
        loadedVersion={Number(loaded.values.version ?? 0)}
      />
      <nav className="rsa-pager" aria-label={t('rsa.eventPager')}>
        {loaded.previous ? (
          <Link to={loaded.previous.to}>{t('rsa.previousEvent', { title: loaded.previous.title })}</Link>
        ) : (
          <span />
        )}
        {loaded.next ? <Link to={loaded.next.to}>{t('rsa.nextEvent', { title: loaded.next.title })}</Link> : null}
      </nav>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.event.title ?? t('rsa.meta.fallback')),
]
