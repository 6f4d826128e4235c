import { CodeOptions, Field } from '~/components/forms/field'
import { OptionSelect } from '~/components/forms/option-select'
import { rsaMeasureStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'

export interface MeasureOptions {
  organisations: { id: string; name: string }[]
  events: { id: string; title: string }[]
}

/** A measure of the action plan: what, who owns it, by when, what it costs, how far it has come, and which event it answers. */
export function MeasureFields({
  values,
  errors,
  options,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  options: MeasureOptions
}) {
  const t = useT()
  return (
    <>
      <Field label={t('rsa.plan.measure')} name="title" error={errors.title}>
        {(props) => <input {...props} type="text" required defaultValue={values.title ?? ''} />}
      </Field>
      <Field label={t('rsa.plan.description')} name="description" error={errors.description}>
        {(props) => <textarea {...props} rows={3} defaultValue={values.description ?? ''} />}
      </Field>
      <OptionSelect
        label={t('rsa.plan.owner')}
        name="ownerOrganisationId"
        options={options.organisations}
        placeholder={t('rsa.plan.chooseOwner')}
        defaultValue={values.ownerOrganisationId ?? ''}
        error={errors.ownerOrganisationId}
        required
      />
      <Field label={t('rsa.plan.event')} name="eventId" error={errors.eventId}>
        {(props) => (
          <select {...props} defaultValue={values.eventId ?? ''}>
            <option value="">{t('rsa.plan.noEvent')}</option>
            {options.events.map((event) => (
              <option key={event.id} value={event.id}>
                {event.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label={t('rsa.plan.due')} name="dueDate" hint={t('rsa.plan.dueHint')} error={errors.dueDate}>
          {(props) => <input {...props} type="date" defaultValue={values.dueDate ?? ''} />}
        </Field>
        <Field label={t('rsa.plan.cost')} name="costEstimate" hint={t('rsa.plan.costHint')} error={errors.costEstimate}>
          {(props) => <input {...props} type="text" inputMode="numeric" defaultValue={values.costEstimate ?? ''} />}
        </Field>
      </div>
      <Field label={t('rsa.plan.state')} name="state" error={errors.state}>
        {(props) => (
          <select {...props} defaultValue={values.state ?? 'planned'}>
            <CodeOptions codes={rsaMeasureStates} prefix="rsa.measureState" />
          </select>
        )}
      </Field>
    </>
  )
}
