import { Form, Link } from '@remix-run/react'
import { CodeOptions, Field, FieldGroup } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { deliverableStates } from '~/db/enums'
import { labelOf, useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'
import type { PickerState } from '~/modules/organisations/picker'

type Values = Record<string, string>

export interface DeliverableFormProps {
  values: Values
  errors: Record<string, string>
  /** After a conflict: what is stored now. */
  current?: Values
  /** The coordinator: title, description, due date and owner too. */
  manage: boolean
  /** A milestone that may be classified: done or not and the decision, nothing more. */
  milestone: boolean
  /** The RSA and its follow-ups: the state is read from the RSA pages. */
  rsaKind: boolean
  rsaLink: string | null
  pickers?: Record<'ownerUserId' | 'ownerOrganisationId', PickerState>
}

function StateField({
  values,
  errors,
  current,
  milestone,
}: Pick<DeliverableFormProps, 'values' | 'errors' | 'current' | 'milestone'>) {
  const t = useT()
  const changed = conflictingValues(values, current)
  if (milestone) {
    const label = (state: string) =>
      t(state === 'done' ? 'mandateCalendar.milestone.done' : 'mandateCalendar.milestone.notDone')
    return (
      <FieldGroup
        legend={t('mandateCalendar.field.milestoneState')}
        className="mandate-choices"
        error={errors.state}
        current={changed('state', label)}
      >
        {(['done', 'not_started'] as const).map((state) => (
          <div className="registry-choice" key={state}>
            <input
              type="radio"
              id={`state-${state}`}
              name="state"
              value={state}
              defaultChecked={(values.state === 'done' ? 'done' : 'not_started') === state}
            />
            <label htmlFor={`state-${state}`}>{label(state)}</label>
          </div>
        ))}
      </FieldGroup>
    )
  }
  return (
    <Field
      label={t('mandateCalendar.field.state')}
      name="state"
      error={errors.state}
      current={changed('state', (state) => labelOf(t, 'mandate.state', state))}
    >
      {(props) => (
        <select {...props} defaultValue={values.state ?? 'not_started'}>
          <CodeOptions codes={deliverableStates} prefix="mandate.state" />
        </select>
      )}
    </Field>
  )
}

/** The deliverable's edit form: each part only for who may change it. */
export function DeliverableForm(props: DeliverableFormProps) {
  const t = useT()
  const { values, errors, current, manage, milestone, rsaKind, rsaLink, pickers } = props
  const changed = conflictingValues(values, current)
  return (
    <Form method="post" className="stack mandate-form" noValidate key={values.version}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={values.version ?? ''} />
      {manage ? (
        <>
          <Field
            label={t('mandateCalendar.field.deliverableTitle')}
            name="title"
            error={errors.title}
            current={changed('title')}
          >
            {(field) => <input {...field} type="text" required defaultValue={values.title ?? ''} />}
          </Field>
          <Field
            label={t('mandateCalendar.field.description')}
            name="description"
            error={errors.description}
            current={changed('description')}
          >
            {(field) => <textarea {...field} rows={3} defaultValue={values.description ?? ''} />}
          </Field>
          <Field
            label={t('mandateCalendar.field.dueDate')}
            name="dueDate"
            hint={t('mandateCalendar.field.dueDateHint')}
            error={errors.dueDate}
            current={changed('dueDate')}
          >
            {(field) => <input {...field} type="date" defaultValue={values.dueDate ?? ''} />}
          </Field>
          {pickers ? (
            <>
              <ItemPicker
                state={pickers.ownerUserId}
                label={t('mandateCalendar.field.ownerPerson')}
                error={errors.ownerUserId}
                current={current?.ownerUserId}
                single
                noneLabel={t('mandateCalendar.field.noOwnerPerson')}
              />
              <ItemPicker
                state={pickers.ownerOrganisationId}
                label={t('mandateCalendar.field.ownerOrganisation')}
                error={errors.ownerOrganisationId}
                current={current?.ownerOrganisationId}
                single
                noneLabel={t('mandateCalendar.field.noOwnerOrganisation')}
              />
            </>
          ) : null}
        </>
      ) : null}
      {rsaKind ? (
        <p className="notice">
          {t('mandateCalendar.rsa.stateFromRsa')}{' '}
          {rsaLink ? <Link to={rsaLink}>{t('mandateCalendar.rsa.open')}</Link> : null}
        </p>
      ) : (
        <StateField values={values} errors={errors} current={current} milestone={milestone} />
      )}
      <div className="field-row">
        <Field
          label={t(milestone ? 'mandateCalendar.field.decidedBy' : 'mandateCalendar.field.adoptedBy')}
          name="adoptedBy"
          hint={t('mandateCalendar.field.adoptedByHint')}
          error={errors.adoptedBy}
          current={changed('adoptedBy')}
        >
          {(field) => <input {...field} type="text" defaultValue={values.adoptedBy ?? ''} />}
        </Field>
        <Field
          label={t(milestone ? 'mandateCalendar.field.decidedOn' : 'mandateCalendar.field.adoptedOn')}
          name="adoptedOn"
          error={errors.adoptedOn}
          current={changed('adoptedOn')}
        >
          {(field) => <input {...field} type="date" defaultValue={values.adoptedOn ?? ''} />}
        </Field>
      </div>
      <Field
        label={t('mandateCalendar.field.decisionReference')}
        name="decisionReference"
        hint={t('mandateCalendar.field.decisionReferenceHint')}
        error={errors.decisionReference}
        current={changed('decisionReference')}
      >
        {(field) => <input {...field} type="text" defaultValue={values.decisionReference ?? ''} />}
      </Field>
      {milestone ? null : (
        <Field label={t('mandateCalendar.field.notes')} name="notes" error={errors.notes} current={changed('notes')}>
          {(field) => <textarea {...field} rows={4} defaultValue={values.notes ?? ''} />}
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {t('common.save')}
        </button>
      </div>
    </Form>
  )
}
