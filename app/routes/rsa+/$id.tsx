import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { AnalysisHeader } from '~/components/rsa/analysis-header'
import { ProgressTable } from '~/components/rsa/progress-table'
import { getDb } from '~/db/app-db.server'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { versionField } from '~/modules/forms/fields'
import { notFound, requireUuid } from '~/modules/http/responses'
import { setResultsShared } from '~/modules/rsa/analyses.server'
import { loadCompileInput } from '~/modules/rsa/compiled.server'
import { progress } from '~/modules/rsa/compile'
import { daysUntil, reportDeadline } from '~/modules/rsa/report'
import {
  analysisHeader,
  answerableOrganisationIds,
  requireManageableAnalysis,
  requireReadableAnalysis,
} from '~/modules/rsa/rsa-access.server'
import rsaStyles from '~/styles/rsa.css?url'
import { readFormData } from '~/modules/http/form-data.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: rsaStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireReadableAnalysis(db, user, id)
  const header = analysisHeader(user, analysis)
  const { events, participants, answers } = await loadCompileInput(db, analysis)
  // A partner sees the progress of the organisations it answers for; the coordinator sees everyone's.
  const answerable = new Set(answerableOrganisationIds(user, analysis))
  const shown = header.links.manage
    ? participants
    : participants.filter((organisation) => answerable.has(organisation.id))
  const deadline = reportDeadline(analysis.periodStart)
  return {
    header,
    version: analysis.version,
    events: events.map((event) => ({ id: event.id, title: event.title, description: event.description })),
    participants: participants.map((organisation) => organisation.name),
    rows: progress({ events, organisations: shown, answers }),
    deadline,
    daysLeft: daysUntil(deadline, new Date()),
    created: new URL(request.url).searchParams.has('skapad'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  await requireManageableAnalysis(db, user, id)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const version = versionField.safeParse(formData.get('version'))
  if ((intent !== 'share' && intent !== 'unshare') || !version.success) {
    return data({ error: 'rsa.invalidRequest' as const }, { status: 400 })
  }
  const result = await setResultsShared(db, { actorId: user.id, id, version: version.data, shared: intent === 'share' })
  if (result.ok) throw redirect(`/rsa/${id}?${intent === 'share' ? 'delad' : 'inte-delad'}=1`)
  if (result.error === 'notFound') throw notFound()
  return data({ error: 'rsa.conflict' as const }, { status: 409 })
}

export default function AnalysisPage() {
  const t = useT()
  const locale = useLocale()
  const { header, version, events, participants, rows, deadline, daysLeft } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  return (
    <div className="page">
      <AnalysisHeader header={header} heading={t('rsa.overview')} />
      {search.has('delad') ? <FormMessage kind="success">{t('rsa.sharedNow')}</FormMessage> : null}
      {search.has('inte-delad') ? <FormMessage kind="success">{t('rsa.unsharedNow')}</FormMessage> : null}
      {actionData?.error ? <FormMessage kind="error">{t(actionData.error)}</FormMessage> : null}
      <p className="rsa-deadline">
        {t('rsa.deadlineText', { date: formatDate(locale, deadline) })}{' '}
        {daysLeft >= 0 ? t('rsa.daysLeft', { days: daysLeft }) : t('rsa.deadlinePassed')}
      </p>
      <p>{t('rsa.participantList', { names: participants.join(', ') || '–' })}</p>
      {header.links.manage ? (
        <section className="rsa-section">
          <h2>{t('rsa.sharing')}</h2>
          <p>{header.shared ? t('rsa.sharedText') : t('rsa.notSharedText')}</p>
          <Form method="post">
            <input type="hidden" name="version" value={version} />
            <button
              type="submit"
              className="button button--secondary"
              name="intent"
              value={header.shared ? 'unshare' : 'share'}
            >
              {header.shared ? t('rsa.unshare') : t('rsa.share')}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="rsa-section">
        <h2>{header.links.manage ? t('rsa.progress.title') : t('rsa.progress.own')}</h2>
        {rows.length === 0 ? (
          <p>{header.links.manage ? t('rsa.noParticipants') : t('rsa.notAnswering')}</p>
        ) : (
          <ProgressTable
            analysisId={header.id}
            events={events}
            rows={rows}
            caption={header.links.manage ? t('rsa.progress.caption') : t('rsa.progress.ownCaption')}
            linkAnswers={header.links.answer || header.links.manage}
          />
        )}
        {header.links.answer && !header.links.manage ? <p className="muted">{t('rsa.answerHint')}</p> : null}
      </section>
      {!header.links.results ? <p className="notice">{t('rsa.resultsNotShared')}</p> : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.header.title ?? t('rsa.meta.fallback')),
]
