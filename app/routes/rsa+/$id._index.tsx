import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { ProgressTable } from '~/components/rsa/progress-table'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { versionField } from '~/modules/forms/fields'
import { notFound, requireUuid } from '~/modules/http/responses'
import { setResultsShared } from '~/modules/rsa/analyses.server'
import { loadCompileInput } from '~/modules/rsa/compiled.server'
import { progress } from '~/modules/rsa/compile'
import { daysUntil, reportDeadline } from '~/modules/rsa/report'
import {
  answerableOrganisationIds,
  canManageAnalysis,
  canReadResults,
  requireManageableAnalysis,
  requireReadableAnalysis,
} from '~/modules/rsa/rsa-access.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireReadableAnalysis(db, user, id)
  const manage = canManageAnalysis(user, analysis)
  const { events, participants, answers } = await loadCompileInput(db, analysis)
  // A partner sees the progress of the organisations it answers for; the coordinator sees everyone's.
  const answerable = new Set(answerableOrganisationIds(user, analysis))
  const shown = manage ? participants : participants.filter((organisation) => answerable.has(organisation.id))
  const deadline = reportDeadline(analysis.periodStart)
  return {
    analysisId: id,
    version: analysis.version,
    shared: analysis.resultsSharedAt !== null,
    manage,
    mayAnswer: answerable.size > 0,
    resultsReadable: canReadResults(user, analysis),
    events: events.map((event) => ({ id: event.id, title: event.title, description: event.description })),
    participants: participants.map((organisation) => organisation.name),
    rows: progress({ events, organisations: shown, answers }),
    deadline,
    daysLeft: daysUntil(deadline, new Date()),
  }
}

interface ShareAction {
  db: Database
  user: SessionUser
  id: string
  formData: FormData
}

async function setShared({ db, user, id, formData }: ShareAction, shared: boolean) {
  const version = versionField.safeParse(formData.get('version'))
  if (!version.success) return data({ error: 'rsa.invalidRequest' as const }, { status: 400 })
  const result = await setResultsShared(db, { actorId: user.id, id, version: version.data, shared })
  if (result.ok) throw redirectWithNotice(`/rsa/${id}`, saved(shared ? 'rsa.sharedNow' : 'rsa.unsharedNow'))
  if (result.error === 'notFound') throw notFound()
  return data({ error: 'rsa.conflict' as const }, { status: 409 })
}

const share = (context: ShareAction) => setShared(context, true)
const unshare = (context: ShareAction) => setShared(context, false)

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  await requireManageableAnalysis(db, user, id)
  const formData = await readFormData(request)
  return dispatchIntent(formData, { share, unshare }, { db, user, id, formData })
}

export const handle: SectionHandle<typeof loader> = { heading: 'rsa.overview' }

export default function AnalysisPage() {
  const t = useT()
  const locale = useLocale()
  const {
    analysisId,
    version,
    shared,
    manage,
    mayAnswer,
    resultsReadable,
    events,
    participants,
    rows,
    deadline,
    daysLeft,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      {actionData?.error ? <FormMessage kind="error">{t(actionData.error)}</FormMessage> : null}
      <p className="rsa-deadline">
        {t('rsa.deadlineText', { date: formatDate(locale, deadline) })}{' '}
        {daysLeft >= 0 ? t('rsa.daysLeft', { days: daysLeft }) : t('rsa.deadlinePassed')}
      </p>
      <p>{t('rsa.participantList', { names: participants.join(', ') || '–' })}</p>
      {manage ? (
        <section className="rsa-section">
          <h2>{t('rsa.sharing')}</h2>
          <p>{shared ? t('rsa.sharedText') : t('rsa.notSharedText')}</p>
          <Form method="post">
            <input type="hidden" name="version" value={version} />
            <button
              type="submit"
              className="button button--secondary"
              name="intent"
              value={shared ? 'unshare' : 'share'}
            >
              {shared ? t('rsa.unshare') : t('rsa.share')}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="rsa-section">
        <h2>{manage ? t('rsa.progress.title') : t('rsa.progress.own')}</h2>
        {rows.length === 0 ? (
          <p>{manage ? t('rsa.noParticipants') : t('rsa.notAnswering')}</p>
        ) : (
          <ProgressTable
            analysisId={analysisId}
            events={events}
            rows={rows}
            caption={manage ? t('rsa.progress.caption') : t('rsa.progress.ownCaption')}
            linkAnswers={mayAnswer || manage}
          />
        )}
        {mayAnswer && !manage ? <p className="muted">{t('rsa.answerHint')}</p> : null}
      </section>
      {!resultsReadable ? <p className="notice">{t('rsa.resultsNotShared')}</p> : null}
    </>
  )
}
