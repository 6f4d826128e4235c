import { Form } from '@remix-run/react'
import { Field } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'
import type { PlanFormOutcome } from '~/modules/mandate/training-plan-actions.server'
import { DeleteForm, OutcomeMessage, outcomeFor, RecordForm } from './training-record-forms'

export interface GroupItem {
  id: string
  name: string
  description: string
  version: number
  peopleCount: number
}

function GroupFields({
  values,
  errors,
  current,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  current?: Record<string, string>
}) {
  const t = useT()
  const changed = conflictingValues(values, current)
  return (
    <>
      <Field label={t('trainingPlan.field.name')} name="name" error={errors.name} current={changed('name')}>
        {(props) => <input {...props} type="text" defaultValue={values.name ?? ''} required maxLength={200} />}
      </Field>
      <Field
        label={t('trainingPlan.field.description')}
        name="description"
        error={errors.description}
        current={changed('description')}
      >
        {(props) => <textarea {...props} rows={3} defaultValue={values.description ?? ''} maxLength={2000} />}
      </Field>
    </>
  )
}

/** One target group: what it is, and (opened after a refused post) its edit and removal. */
export function GroupEntry({ group, outcome }: { group: GroupItem; outcome: PlanFormOutcome | undefined }) {
  const t = useT()
  const answer = outcomeFor(outcome, `update:${group.id}`)
  const values = answer?.values ?? {
    name: group.name,
    description: group.description,
    version: String(group.version),
  }
  return (
    <li id={`malgrupp-${group.id}`} className="training-record">
      <h3>{group.name}</h3>
      {group.description ? <p>{group.description}</p> : null}
      <p className="muted">{t('trainingPlan.groups.peopleCount', { count: group.peopleCount })}</p>
      <details open={answer !== undefined}>
        <summary>
          {t('trainingPlan.edit')}
          <span className="visually-hidden"> {group.name}</span>
        </summary>
        <OutcomeMessage outcome={answer} />
        <RecordForm id={group.id} version={values.version ?? ''} intent="update">
          <GroupFields values={values} errors={answer?.errors ?? {}} current={answer?.current} />
          <div className="actions">
            <button type="submit" className="button">
              {t('trainingPlan.groups.save')}
            </button>
          </div>
        </RecordForm>
        <DeleteForm
          id={group.id}
          version={values.version ?? ''}
          hint={t('trainingPlan.groups.deleteHint')}
          label={
            <>
              {t('trainingPlan.groups.delete')}
              <span className="visually-hidden"> {group.name}</span>
            </>
          }
        />
      </details>
    </li>
  )
}

/** A new target group; `generation` changes once one is added, which empties the form. */
export function NewGroupForm({ outcome, generation }: { outcome: PlanFormOutcome | undefined; generation: number }) {
  const t = useT()
  const answer = outcomeFor(outcome, 'create')
  return (
    <section aria-labelledby="new-group-heading" className="training-new">
      <h3 id="new-group-heading">{t('trainingPlan.groups.add')}</h3>
      <OutcomeMessage outcome={answer} />
      <Form method="post" className="stack" noValidate key={generation}>
        <input type="hidden" name="intent" value="create" />
        <GroupFields values={answer?.values ?? {}} errors={answer?.errors ?? {}} />
        <div className="actions">
          <button type="submit" className="button">
            {t('trainingPlan.groups.add')}
          </button>
        </div>
      </Form>
    </section>
  )
}
