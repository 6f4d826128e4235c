import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
  AnswerForm,
  EvaluationFindings,
  EvaluationMessage,
  EvaluationResponses,
  EvaluationTimeline,
  SummaryForm,
} from '~/components/events/evaluation-parts'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { getDb } from '~/db/app-db.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import { requireReadableEvent } from '~/modules/events/event-access.server'
import { evaluationAction, evaluationPageData } from '~/modules/events/evaluation-page.server'
import { readFormData } from '~/modules/http/form-data.server'
import { requireUuid } from '~/modules/http/responses'
import evaluationStyles from '~/styles/event-evaluation.css?url'

// The evaluation after the event or exercise: the leaders open it once the
// event has ended, each taking-part organisation answers for itself, and the
// report is shared with them. Who sees what is decided in evaluation-page.server.ts.

export const links = () => [{ rel: 'stylesheet', href: evaluationStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const event = await requireReadableEvent(db, user, id)
  return { id, ...(await evaluationPageData(db, user, event)) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const event = await requireReadableEvent(db, user, id)
  return evaluationAction(db, user, event, await readFormData(request))
}

export default function EventEvaluationPage() {
  const t = useT()
  const locale = useLocale()
  const page = useLoaderData<typeof loader>()
  const outcome = useKeptActionData<typeof action>()
  const invalid = outcome?.kind === 'invalid' ? outcome : undefined
  const { evaluation } = page
  return (
    <div className="event-evaluation">
      <h2>{t('eventEvaluation.heading')}</h2>
      {page.exercise ? <p className="evaluation-print-mark">{t('event.exercise')}</p> : null}
      <EvaluationMessage outcome={outcome} />
      {!page.ended ? (
        <p>{t('eventEvaluation.notEnded')}</p>
      ) : !evaluation ? (
        page.lead ? (
          <Form method="post">
            <p>{t('eventEvaluation.openIntro')}</p>
            <input type="hidden" name="intent" value="open" />
            <button type="submit" className="button">
              {t('eventEvaluation.open')}
            </button>
          </Form>
        ) : (
          <p>{t('eventEvaluation.notOpened')}</p>
        )
      ) : (
        <>
          {page.answering.map((organisation) => (
            <AnswerForm
              key={organisation.id}
              organisation={organisation}
              own={page.responses.find((response) => response.organisationId === organisation.id)}
              outcome={invalid}
            />
          ))}
          {!page.readsReport ? (
            <p>{t('eventEvaluation.underWay')}</p>
          ) : (
            <>
              <p className="evaluation-actions">
                {evaluation.sharedAt
                  ? t('eventEvaluation.sharedAt', { time: formatDateTime(locale, evaluation.sharedAt) })
                  : t('eventEvaluation.notShared')}{' '}
                <a href={`/handelser/${page.id}/utvardering.pdf`} download>
                  {t('eventEvaluation.pdf')}
                </a>
              </p>
              <EvaluationTimeline items={page.timeline} />
              <EvaluationResponses responses={page.responses} />
              <EvaluationFindings
                findings={page.findings}
                organisations={page.organisations}
                lead={page.lead}
                analysis={page.analysis}
                outcome={invalid}
              />
              <section aria-labelledby="evaluation-summary">
                <h3 id="evaluation-summary">{t('eventEvaluation.summary.heading')}</h3>
                {page.lead ? (
                  <SummaryForm
                    worked={evaluation.worked}
                    improve={evaluation.improve}
                    version={evaluation.version}
                    outcome={invalid}
                  />
                ) : null}
                {/* The leaders edit the summary in the form; on paper they get it as text, like every reader. */}
                {
                  <dl className={page.lead ? 'evaluation-print-only' : undefined}>
                    <dt>{t('eventEvaluation.summary.worked')}</dt>
                    <dd className="evaluation-text">{evaluation.worked || '–'}</dd>
                    <dt>{t('eventEvaluation.summary.improve')}</dt>
                    <dd className="evaluation-text">{evaluation.improve || '–'}</dd>
                  </dl>
                }
              </section>
              {page.lead && !evaluation.sharedAt ? (
                <Form method="post" className="evaluation-share">
                  <input type="hidden" name="intent" value="share" />
                  <input type="hidden" name="version" value={evaluation.version} />
                  <button type="submit" className="button">
                    {t('eventEvaluation.share')}
                  </button>
                </Form>
              ) : null}
            </>
          )}
        </>
      )}
    </div>
  )
}
