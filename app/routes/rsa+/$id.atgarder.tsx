import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { analysisTitleOf } from '~/components/rsa/analysis-header'
import { MeasureFields } from '~/components/rsa/measure-fields'
import { MeasureTable } from '~/components/rsa/measure-table'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getDb } from '~/db/app-db.server'
import { rsaMeasureStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { requireUuid } from '~/modules/http/responses'
import { planProgress, swedishToday } from '~/modules/rsa/action-plan'
import { listFollowUps, listMeasures } from '~/modules/rsa/measures.server'
import { measureOptions, runPlanAction } from '~/modules/rsa/plan-action.server'
import { canManageAnalysis, requireManageableAnalysis, requireResultsReadable } from '~/modules/rsa/rsa-access.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireResultsReadable(db, user, id)
  const today = swedishToday()
  const [measures, followUps, options] = await Promise.all([
    listMeasures(db, id),
    listFollowUps(db, id),
    canManageAnalysis(user, analysis) ? measureOptions(db, analysis) : null,
  ])
  return {
    analysisId: id,
    today,
    measures,
    progress: planProgress(measures, today),
    followUps: followUps.map((followUp) => ({
      year: followUp.year,
      note: followUp.note,
      count: followUp.snapshot.length,
    })),
    options,
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireManageableAnalysis(db, user, id)
  const formData = await readFormData(request)
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const outcome = await runPlanAction(tx, user, analysis, formData)
    return outcome.kind === 'done'
      ? { location: `/rsa/${id}/atgarder`, notice: saved(planNotices[outcome.message]) }
      : refuse(outcome)
  })
  if ('refused' in submitted) return data(submitted.refused, { status: 400 })
  throw redirectTo(submitted)
}

const planNotices = { measureAdded: 'rsa.plan.added', followUpRecorded: 'rsa.plan.followUpRecorded' } as const

export const handle: SectionHandle<typeof loader> = { heading: 'rsa.plan.title' }

export default function ActionPlanPage() {
  const t = useT()
  const { analysisId, today, measures, progress, followUps, options, submissionKey } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const measureForm = failed?.form === 'measure' ? failed : null
  const followUpForm = failed?.form === 'followUp' ? failed : null
  return (
    <>
      <section className="rsa-section" aria-labelledby="rsa-plan-progress">
        <h2 id="rsa-plan-progress">{t('rsa.plan.progress')}</h2>
        <p className="rsa-plan__summary">
          {t('rsa.plan.summary', { total: progress.total, percent: progress.percentDone, overdue: progress.overdue })}
        </p>
        <div className="rsa-plan__bar" aria-hidden="true">
          <span style={{ width: `${progress.percentDone}%` }} />
        </div>
        <ul className="rsa-plan__states">
          {rsaMeasureStates.map((state) => (
            <li key={state}>
              {t(`rsa.measureState.${state}`)}: {progress.byState[state]}
            </li>
          ))}
        </ul>
      </section>
      <section className="rsa-section" aria-labelledby="rsa-plan-measures">
        <h2 id="rsa-plan-measures">{t('rsa.plan.measures')}</h2>
        <MeasureTable measures={measures} today={today} editable={options ? analysisId : null} />
      </section>
      {options ? (
        <section className="rsa-section" aria-labelledby="rsa-plan-add">
          <h2 id="rsa-plan-add">{t('rsa.plan.add')}</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="measure" />
            <SubmissionKeyField value={submissionKey} />
            {measureForm ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
            <MeasureFields values={measureForm?.values ?? {}} errors={measureForm?.errors ?? {}} options={options} />
            <div className="actions">
              <button type="submit" className="button">
                {t('rsa.plan.addSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <section className="rsa-section" aria-labelledby="rsa-plan-followups">
        <h2 id="rsa-plan-followups">{t('rsa.plan.followUps')}</h2>
        <p className="muted">{t('rsa.plan.followUpsIntro')}</p>
        {followUps.length === 0 ? (
          <p>{t('rsa.plan.noFollowUps')}</p>
        ) : (
          <ul>
            {followUps.map((followUp) => (
              <li key={followUp.year}>
                <Link to={`/rsa/${analysisId}/uppfoljning/${followUp.year}`}>
                  {t('rsa.plan.followUpLink', { year: followUp.year })}
                </Link>{' '}
                <span className="muted">{t('rsa.plan.followUpCount', { count: followUp.count })}</span>
              </li>
            ))}
          </ul>
        )}
        {options ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="followUp" />
            <SubmissionKeyField value={submissionKey} />
            <h3>{t('rsa.plan.recordFollowUp')}</h3>
            <Field label={t('rsa.plan.year')} name="year" error={followUpForm?.errors.year}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode="numeric"
                  required
                  defaultValue={followUpForm?.values.year ?? today.slice(0, 4)}
                />
              )}
            </Field>
            <Field
              label={t('rsa.plan.note')}
              name="note"
              hint={t('rsa.plan.noteHint')}
              error={followUpForm?.errors.note}
            >
              {(props) => <textarea {...props} rows={4} defaultValue={followUpForm?.values.note ?? ''} />}
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                {t('rsa.plan.recordFollowUpSubmit')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, (t) => t('rsa.meta.actionPlan', { analysis: analysisTitleOf(matches) ?? t('rsa.meta.fallback') })),
]
