import { Form } from '@remix-run/react'
import { CodeOptions, Field, NumberField } from '~/components/forms/field'
import { OptionSelect, type Option } from '~/components/forms/option-select'
import { trainingGoalMeasures, type TrainingGoalMeasure } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'
import type { PlanFormOutcome } from '~/modules/mandate/training-plan-actions.server'
import { DeleteForm, OutcomeMessage, outcomeFor, RecordForm } from './training-record-forms'

export interface GoalItem {
  id: string
  title: string
  measure: TrainingGoalMeasure
  targetCount: number | null
  targetGroupId: string | null
  version: number
}

function GoalFields({
  values,
  errors,
  current,
  groups,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  current?: Record<string, string>
  groups: readonly Option[]
}) {
  const t = useT()
  const changed = conflictingValues(values, current)
  const groupName = (id: string) =>
    groups.find((group) => group.id === id)?.name ?? t('trainingPlan.field.noTargetGroup')
  return (
    <>
      <Field label={t('trainingPlan.field.title')} name="title" error={errors.title} current={changed('title')}>
        {(props) => <input {...props} type="text" defaultValue={values.title ?? ''} required maxLength={300} />}
      </Field>
      <Field
        label={t('trainingPlan.field.measure')}
        name="measure"
        error={errors.measure}
        current={changed('measure', (value) => t(`training.measure.${value as TrainingGoalMeasure}`))}
      >
        {(props) => (
          <select {...props} defaultValue={values.measure ?? 'held_activities'}>
            <CodeOptions codes={trainingGoalMeasures} prefix="training.measure" />
          </select>
        )}
      </Field>
      <NumberField
        label={t('trainingPlan.field.targetCount')}
        name="targetCount"
        hint={t('trainingPlan.field.targetCountHint')}
        error={errors.targetCount}
        current={changed('targetCount')}
        defaultValue={values.targetCount}
        whole
        className="training-count"
      />
      <OptionSelect
        label={t('trainingPlan.field.targetGroup')}
        name="targetGroupId"
        options={groups}
        placeholder={t('trainingPlan.field.noTargetGroup')}
        hint={t('trainingPlan.field.targetGroupHint')}
        defaultValue={values.targetGroupId ?? ''}
        error={errors.targetGroupId}
        current={changed('targetGroupId', groupName)}
      />
    </>
  )
}

export function goalFormValues(goal: GoalItem): Record<string, string> {
  return {
    title: goal.title,
    measure: goal.measure,
    targetCount: goal.targetCount === null ? '' : String(goal.targetCount),
    targetGroupId: goal.targetGroupId ?? '',
    version: String(goal.version),
  }
}

/** One goal: what it asks for, and (opened after a refused post) its edit and removal. */
export function GoalEntry({
  goal,
  groups,
  outcome,
}: {
  goal: GoalItem
  groups: readonly Option[]
  outcome: PlanFormOutcome | undefined
}) {
  const t = useT()
  const answer = outcomeFor(outcome, `update:${goal.id}`)
  const values = answer?.values ?? goalFormValues(goal)
  const group = groups.find((option) => option.id === goal.targetGroupId)
  return (
    <li id={`mal-${goal.id}`} className="training-record">
      <h3>{goal.title}</h3>
      <p>
        {t(`training.measure.${goal.measure}`)}
        {goal.targetCount !== null ? ` · ${t('trainingPlan.goals.countOf', { count: goal.targetCount })}` : null}
        {group ? ` · ${group.name}` : null}
      </p>
      <details open={answer !== undefined}>
        <summary>
          {t('trainingPlan.edit')}
          <span className="visually-hidden"> {goal.title}</span>
        </summary>
        <OutcomeMessage outcome={answer} />
        <RecordForm id={goal.id} version={values.version ?? ''} intent="update">
          <GoalFields values={values} errors={answer?.errors ?? {}} current={answer?.current} groups={groups} />
          <div className="actions">
            <button type="submit" className="button">
              {t('trainingPlan.goals.save')}
            </button>
          </div>
        </RecordForm>
        <DeleteForm
          id={goal.id}
          version={values.version ?? ''}
          hint={t('trainingPlan.goals.deleteHint')}
          label={
            <>
              {t('trainingPlan.goals.delete')}
              <span className="visually-hidden"> {goal.title}</span>
            </>
          }
        />
      </details>
    </li>
  )
}

/** A new goal; `generation` changes once one is added, which empties the form. */
export function NewGoalForm({
  groups,
  outcome,
  generation,
}: {
  groups: readonly Option[]
  outcome: PlanFormOutcome | undefined
  generation: number
}) {
  const t = useT()
  const answer = outcomeFor(outcome, 'create')
  return (
    <section aria-labelledby="new-goal-heading" className="training-new">
      <h3 id="new-goal-heading">{t('trainingPlan.goals.add')}</h3>
      <OutcomeMessage outcome={answer} />
      <Form method="post" className="stack" noValidate key={generation}>
        <input type="hidden" name="intent" value="create" />
        <GoalFields values={answer?.values ?? {}} errors={answer?.errors ?? {}} groups={groups} />
        <div className="actions">
          <button type="submit" className="button">
            {t('trainingPlan.goals.add')}
          </button>
        </div>
      </Form>
    </section>
  )
}
