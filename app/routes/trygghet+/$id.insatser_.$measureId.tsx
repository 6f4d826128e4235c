import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { MeasureFields } from '~/components/council/measure-fields'
import { FollowUpForm, FollowUpList } from '~/components/council/measure-follow-ups'
import { measureTypeLabel, measureWhere } from '~/components/council/measure-labels'
import { CodeOptions, Field, FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { councilMeasureStates } from '~/db/enums'
import { formatDate } from '~/i18n/format'
import { labelOf, useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { can } from '~/modules/auth/permissions'
import { requireCouncil, type CouncilRequest } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import {
  followUpSchema,
  isFollowUpOverdue,
  MeasureEditSchema,
  MeasureStateSchema,
  measureValues,
} from '~/modules/council/measure-form'
import {
  changeMeasureState,
  getMeasure,
  listFollowUps,
  measureOptions,
  recordFollowUp,
  updateMeasure,
} from '~/modules/council/measures.server'
import type { FieldErrors } from '~/modules/forms/parse-form'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { notFound, requireFound, requireUuid } from '~/modules/http/responses'
import { stockholmToday } from '~/modules/meetings/action-item-state'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const found = requireFound(await getMeasure(db, council.id, requireUuid(params.measureId)))
  const manage = can(user, 'council.manage', councilScope(council))
  const [followUps, options] = await Promise.all([
    listFollowUps(db, found.measure.id),
    manage ? measureOptions(db, council) : null,
  ])
  const today = stockholmToday()
  const { measure } = found
  return {
    council: councilRef(council),
    measure: {
      ...measure,
      areaName: found.areaName,
      responsibleOrganisationName: found.responsibleOrganisationName,
      situationPictureTitle: found.situationPictureTitle,
      overdue: isFollowUpOverdue({ ...measure, lastFollowedUpOn: followUps[0]?.followedUpOn ?? null }, today),
    },
    values: measureValues(measure),
    followUps: followUps.map(({ createdAt: _, ...followUp }) => followUp),
    options,
    today,
    submissionKey: newSubmissionKey(),
  }
}

type ActionResult = {
  form: 'save' | 'state' | 'followUp'
  errors: FieldErrors
  values: Record<string, string>
  /** After a conflict: the measure's values as saved now. */
  current?: Record<string, string>
}

interface MeasureAction extends CouncilRequest {
  request: Request
  formData: FormData
  id: string
}

const answer = (result: ActionResult, status: 400 | 409) => data(result, { status })
const measurePath = ({ council, id }: Pick<MeasureAction, 'council' | 'id'>) => `/trygghet/${council.id}/insatser/${id}`
const done = (context: MeasureAction, notice: MessageKey) => redirectWithNotice(measurePath(context), saved(notice))

async function followUp(context: MeasureAction) {
  const { user, db, council, request, formData, id } = context
  const parsed = parseForm(followUpSchema(stockholmToday()), formData)
  if (!parsed.ok) return answer({ form: 'followUp', errors: parsed.errors, values: parsed.values }, 400)
  const recorded = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const followUp = await recordFollowUp(tx, {
      actorId: user.id,
      councilId: council.id,
      measureId: id,
      fields: parsed.data,
    })
    return followUp.ok
      ? { location: measurePath(context), notice: saved('councilMeasures.followUpRecorded') }
      : refuse(followUp.error)
  })
  if ('refused' in recorded) throw notFound()
  throw redirectTo(recorded)
}

async function state(context: MeasureAction) {
  const { user, db, council, formData, id } = context
  const parsed = parseForm(MeasureStateSchema, formData)
  if (!parsed.ok) return answer({ form: 'state', errors: parsed.errors, values: parsed.values }, 400)
  const changed = await changeMeasureState(db, { actorId: user.id, councilId: council.id, id, ...parsed.data })
  if (changed.ok) throw done(context, 'councilMeasures.stateChanged')
  if (changed.error === 'notFound') throw notFound()
  const current = measureValues(changed.current)
  return answer(
    { form: 'state', errors: {}, values: parsed.values, current: { ...current, state: changed.current.state } },
    409,
  )
}

async function save(context: MeasureAction) {
  const { user, db, council, formData, id } = context
  const parsed = parseForm(MeasureEditSchema, formData)
  if (!parsed.ok) return answer({ form: 'save', errors: parsed.errors, values: parsed.values }, 400)
  const { version, ...fields } = parsed.data
  const updated = await updateMeasure(db, { actorId: user.id, council, id, version, fields })
  if (updated.ok) throw done(context, 'councilMeasures.saved')
  if (updated.error === 'notFound') throw notFound()
  if (updated.error === 'invalid') return answer({ form: 'save', errors: updated.errors, values: parsed.values }, 400)
  return answer({ form: 'save', errors: {}, values: parsed.values, current: measureValues(updated.current) }, 409)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCouncil(request, params, 'council.manage')
  const id = requireUuid(params.measureId)
  const formData = await readFormData(request)
  return dispatchIntent(formData, { followUp, state, save }, { ...access, request, formData, id })
}

export const handle: SectionHandle<typeof loader> = { heading: (_t, data) => data.measure.title }

export default function MeasurePage() {
  const t = useT()
  const locale = useLocale()
  const { council, measure, values, followUps, options, today, submissionKey } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const edit = result?.form === 'save' ? result : undefined
  const state = result?.form === 'state' ? result : undefined
  const followUp = result?.form === 'followUp' ? result : undefined
  // After a conflict the next save is made against the version saved now.
  const editVersion = edit?.current?.version ?? values.version
  const stateVersion = state?.current?.version ?? values.version
  return (
    <>
      <p>
        <Link to={`/trygghet/${council.id}/insatser`}>{t('councilMeasures.back')}</Link>
      </p>
      <section className="council-section" aria-labelledby="measure-details">
        <h2 id="measure-details">{t('councilMeasures.details')}</h2>
        <dl className="facts">
          <dt>{t('councilMeasures.column.kind')}</dt>
          <dd>{t(`councilMeasures.kind.${measure.kind}`)}</dd>
          <dt>{t('councilMeasures.column.type')}</dt>
          <dd>{measureTypeLabel(t, measure.measureType)}</dd>
          <dt>{t('councilMeasures.column.where')}</dt>
          <dd>{measureWhere(measure)}</dd>
          <dt>{t('councilMeasures.column.responsible')}</dt>
          <dd>{measure.responsibleOrganisationName}</dd>
          <dt>{t('councilMeasures.field.start')}</dt>
          <dd>{formatDate(locale, measure.startDate)}</dd>
          <dt>{t('councilMeasures.field.followUp')}</dt>
          <dd>
            {formatDate(locale, measure.followUpDate)}
            {measure.overdue ? <strong> {t('councilMeasures.overdue')}</strong> : null}
          </dd>
          <dt>{t('councilMeasures.column.state')}</dt>
          <dd>{t(`councilMeasures.state.${measure.state}`)}</dd>
          <dt>{t('councilMeasures.field.expectedEffect')}</dt>
          <dd className="prewrap">{measure.expectedEffect || '–'}</dd>
          <dt>{t('councilMeasures.field.description')}</dt>
          <dd className="prewrap">{measure.description || '–'}</dd>
          {measure.situationPictureTitle ? (
            <>
              <dt>{t('councilMeasures.field.picture')}</dt>
              <dd>{measure.situationPictureTitle}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {options ? (
        <section className="council-section" aria-labelledby="measure-state">
          <h2 id="measure-state">{t('councilMeasures.stateHeading')}</h2>
          {state?.current ? <FormMessage kind="error">{t('councilMeasures.stateConflict')}</FormMessage> : null}
          <Form method="post" className="inline-form" key={`state-${stateVersion}`}>
            <input type="hidden" name="intent" value="state" />
            <input type="hidden" name="version" value={stateVersion} />
            <Field
              label={t('councilMeasures.stateLabel')}
              name="state"
              error={state?.errors.state}
              current={state?.current?.state ? labelOf(t, 'councilMeasures.state', state.current.state) : undefined}
            >
              {(props) => (
                <select {...props} defaultValue={state?.current?.state ?? measure.state}>
                  <CodeOptions codes={councilMeasureStates} prefix="councilMeasures.state" />
                </select>
              )}
            </Field>
            <button type="submit" className="button button--secondary">
              {t('councilMeasures.stateSubmit')}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="council-section" aria-labelledby="measure-follow-ups">
        <h2 id="measure-follow-ups">{t('councilMeasures.followUps')}</h2>
        <FollowUpList followUps={followUps} />
        {options ? (
          <FollowUpForm
            submissionKey={submissionKey}
            today={today}
            values={followUp?.values ?? {}}
            errors={followUp?.errors ?? {}}
            key={followUps.length}
          />
        ) : null}
      </section>
      {options ? (
        <section className="council-section" aria-labelledby="measure-edit">
          <h2 id="measure-edit">{t('councilMeasures.edit')}</h2>
          <Form method="post" className="stack" noValidate key={`edit-${editVersion}`}>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={editVersion} />
            {edit?.current ? <FormMessage kind="error">{t('councilMeasures.conflict')}</FormMessage> : null}
            {edit && !edit.current ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
            <MeasureFields
              values={edit?.values ?? values}
              errors={edit?.errors ?? {}}
              options={options}
              current={edit?.current}
            />
            <div className="actions">
              <button type="submit" className="button">
                {t('common.save')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('councilMeasures.meta.measure', {
      measure: data?.measure.title ?? t('councilMeasures.meta.fallback'),
      council: data?.council.name ?? t('council.meta.fallback'),
    }),
  ),
]
