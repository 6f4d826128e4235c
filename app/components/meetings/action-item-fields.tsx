import { Field } from '~/components/forms/field'
import { OptionSelect, type Option } from '~/components/forms/option-select'
import { actionItemStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'

/** Title, description, owner, due date (and, when changing an item, its status). */
export function ActionItemFields({
  values,
  errors,
  organisations,
  withState = false,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  organisations: readonly Option[]
  withState?: boolean
}) {
  const t = useT()
  return (
    <>
      <Field label={t('meetingFollowUp.actions.itemTitle')} name="title" error={errors.title}>
        {(props) => <input {...props} type="text" autoComplete="off" defaultValue={values.title ?? ''} />}
      </Field>
      <Field label={t('meetingFollowUp.actions.description')} name="description" error={errors.description}>
        {(props) => <textarea {...props} rows={3} defaultValue={values.description ?? ''} />}
      </Field>
      <OptionSelect
        label={t('meetingFollowUp.actions.owner')}
        name="ownerOrganisationId"
        options={organisations}
        placeholder={t('meetingFollowUp.chooseOrganisation')}
        defaultValue={values.ownerOrganisationId ?? ''}
        hint={t('meetingFollowUp.actions.ownerHint')}
        error={errors.ownerOrganisationId}
      />
      <Field
        label={t('meetingFollowUp.actions.dueDate')}
        name="dueDate"
        hint={t('meetingFollowUp.actions.dueDateHint')}
        error={errors.dueDate}
      >
        {(props) => <input {...props} type="date" className="input--short" defaultValue={values.dueDate ?? ''} />}
      </Field>
      {withState ? (
        <Field label={t('meetingFollowUp.actions.state')} name="state" error={errors.state}>
          {(props) => (
            <select {...props} defaultValue={values.state ?? 'open'} className="input--short">
              {actionItemStates.map((state) => (
                <option key={state} value={state}>
                  {t(`meetingFollowUp.actions.state.${state}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  )
}
