import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CheckboxField, Field, FieldGroup } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import type { Option } from '~/components/forms/option-select'
import { useT } from '~/i18n/i18n'
import type { PlanFormOutcome } from '~/modules/mandate/training-plan-actions.server'
import type { PickerState } from '~/modules/organisations/picker'
import { OutcomeMessage } from './training-record-forms'

// A person of the plan: name, function, organisation, the portal account if
// there is one, and the target groups. No contact fields: the plan is not a
// directory, and someone without an account is only named.

export interface PersonFormState {
  values: Record<string, string>
  errors: Record<string, string>
  groupIds: readonly string[]
  pickers: { organisationId: PickerState; userId: PickerState }
  /** After a conflict: what is saved now, by field, where it differs. */
  current?: Record<string, string>
}

function PersonFields({ state, groups }: { state: PersonFormState; groups: readonly Option[] }) {
  const t = useT()
  const { values, errors, current } = state
  return (
    <>
      <Field label={t('trainingPlan.field.name')} name="name" error={errors.name} current={current?.name}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.name ?? ''} required maxLength={200} autoComplete="off" />
        )}
      </Field>
      <Field
        label={t('trainingPlan.field.function')}
        name="function"
        hint={t('trainingPlan.field.functionHint')}
        error={errors.function}
        current={current?.function}
      >
        {(props) => <input {...props} type="text" defaultValue={values.function ?? ''} maxLength={200} />}
      </Field>
      <ItemPicker
        state={state.pickers.organisationId}
        label={t('trainingPlan.field.organisation')}
        error={errors.organisationId}
        current={current?.organisationId}
        single
        noneLabel={t('trainingPlan.field.noOrganisation')}
      />
      <ItemPicker
        state={state.pickers.userId}
        label={t('trainingPlan.field.user')}
        hint={t('trainingPlan.field.userHint')}
        error={errors.userId}
        current={current?.userId}
        single
        noneLabel={t('trainingPlan.field.noUser')}
      />
      <FieldGroup
        legend={t('trainingPlan.field.groups')}
        className="training-choices"
        error={errors.groupIds}
        current={current?.groupIds}
      >
        {groups.length === 0 ? <p>{t('trainingPlan.groups.none')}</p> : null}
        {groups.map((group) => (
          <CheckboxField
            key={group.id}
            label={group.name}
            name="groupIds"
            value={group.id}
            checked={state.groupIds.includes(group.id)}
          />
        ))}
      </FieldGroup>
    </>
  )
}

/** The person's form, for a new person or an edit; the pickers search by posting it without JavaScript. */
export function PersonForm({
  state,
  groups,
  intent,
  record,
  outcome,
  submitLabel,
  formKey,
}: {
  state: PersonFormState
  groups: readonly Option[]
  intent: 'create' | 'update'
  record?: { id: string }
  outcome: PlanFormOutcome | undefined
  submitLabel: string
  /** Changes when the form should start afresh (a person added, a conflict answered). */
  formKey: string
}): ReactNode {
  return (
    <>
      <OutcomeMessage outcome={outcome} />
      <Form method="post" className="stack" noValidate key={formKey}>
        <input type="hidden" name="intent" value={intent} />
        {record ? <input type="hidden" name="id" value={record.id} /> : null}
        {record ? <input type="hidden" name="version" value={state.values.version ?? ''} /> : null}
        <PersonFields state={state} groups={groups} />
        <div className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  )
}
