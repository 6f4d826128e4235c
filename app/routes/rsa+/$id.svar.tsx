import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { analysisTitleOf } from '~/components/rsa/analysis-header'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { loadCompileInput } from '~/modules/rsa/compiled.server'
import { answerConsequence } from '~/modules/rsa/compile'
import { requireManageableAnalysis } from '~/modules/rsa/rsa-access.server'

/** Every participant's answer to every event, drafts included: the coordinator's working view. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireManageableAnalysis(db, user, id)
  const { events, participants, answers } = await loadCompileInput(db, analysis)
  const keys = analysis.protectedValues.map((value) => value.key)
  return {
    analysisId: id,
    scales: {
      likelihood: analysis.likelihoodScale.map((step) => step.label),
      consequence: analysis.consequenceScale.map((step) => step.label),
      capability: analysis.capabilityScale.map((step) => step.label),
    },
    protectedValues: analysis.protectedValues,
    events: events.map((event) => ({
      id: event.id,
      title: event.title,
      answers: participants.map((organisation) => {
        const answer = answers.find((row) => row.eventId === event.id && row.organisationId === organisation.id)
        return {
          organisationId: organisation.id,
          organisationName: organisation.name,
          answer: answer
            ? {
                state: answer.state,
                likelihood: answer.likelihood,
                consequences: answer.consequences,
                consequence: answerConsequence(answer.consequences, keys),
                capability: answer.capability,
                vulnerabilities: answer.vulnerabilities,
                gaps: answer.gaps,
                measures: answer.measures,
              }
            : null,
        }
      }),
    })),
  }
}

export const handle: SectionHandle<typeof loader> = { heading: 'rsa.allAnswers' }

export default function AllAnswersPage() {
  const t = useT()
  const { analysisId, scales, protectedValues, events } = useLoaderData<typeof loader>()
  const step = (labels: string[], value: number | null | undefined) =>
    value ? t('rsa.stepOption', { step: value, label: labels[value - 1] ?? '' }) : t('rsa.notAssessed')
  return (
    <>
      <p>{t('rsa.allAnswersIntro')}</p>
      {events.map((event) => (
        <section key={event.id} className="rsa-section" aria-labelledby={`event-${event.id}`}>
          <h2 id={`event-${event.id}`}>{event.title}</h2>
          {event.answers.length === 0 ? <p>{t('rsa.noParticipants')}</p> : null}
          {event.answers.map(({ organisationId, organisationName, answer }) => (
            <article key={organisationId} className="rsa-answer-card">
              <h3>
                <Link to={`/rsa/${analysisId}/svar/${event.id}?organisation=${organisationId}`}>
                  {organisationName}
                </Link>
              </h3>
              <p className={`rsa-state rsa-state--${answer?.state ?? 'none'}`}>
                {t(`rsa.answerState.${answer?.state ?? 'none'}`)}
              </p>
              {answer ? (
                <dl className="facts">
                  <dt>{t('rsa.likelihood')}</dt>
                  <dd>{step(scales.likelihood, answer.likelihood)}</dd>
                  {protectedValues.map((value) => (
                    <div key={value.key} className="rsa-guide__step">
                      <dt>{value.label}</dt>
                      <dd>{step(scales.consequence, answer.consequences[value.key])}</dd>
                    </div>
                  ))}
                  <dt>{t('rsa.highestConsequence')}</dt>
                  <dd>{step(scales.consequence, answer.consequence)}</dd>
                  <dt>{t('rsa.capability')}</dt>
                  <dd>{step(scales.capability, answer.capability)}</dd>
                  <dt>{t('rsa.answer.vulnerabilities')}</dt>
                  <dd className="prewrap">{answer.vulnerabilities || '–'}</dd>
                  <dt>{t('rsa.answer.gaps')}</dt>
                  <dd className="prewrap">{answer.gaps || '–'}</dd>
                  <dt>{t('rsa.answer.measures')}</dt>
                  <dd className="prewrap">{answer.measures || '–'}</dd>
                </dl>
              ) : null}
            </article>
          ))}
        </section>
      ))}
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, (t) => t('rsa.meta.answers', { analysis: analysisTitleOf(matches) ?? t('rsa.meta.fallback') })),
]
