import { useId } from 'react'
import { Field } from '~/components/forms/field'
import { resources } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { CurrentValue } from './form-parts'

type Values = Record<string, string | undefined>

export interface DependableServiceOption {
  id: string
  name: string
  organisationId: string
  organisationName: string
}

function byOrganisation(services: DependableServiceOption[]) {
  const groups = new Map<string, { name: string; services: DependableServiceOption[] }>()
  for (const service of services) {
    const group = groups.get(service.organisationId) ?? { name: service.organisationName, services: [] }
    group.services.push(service)
    groups.set(service.organisationId, group)
  }
  return [...groups.entries()]
}

/** The fields of a dependency: what it is on (a resource or another organisation's service), and for how long it is covered. */
export function DependencyFields({
  values,
  errors,
  services,
  current,
}: {
  values: Values
  errors: Record<string, string>
  services: DependableServiceOption[]
  current?: Values
}) {
  const t = useT()
  const hintId = useId()
  const now = (field: string, shown?: string) => (
    <CurrentValue submitted={values[field]} current={current?.[field]} shown={shown} />
  )
  const serviceName = (id: string | undefined) => {
    const service = services.find((option) => option.id === id)
    return service ? t('deps.on', { service: service.name, organisation: service.organisationName }) : undefined
  }
  return (
    <>
      <fieldset className="registry-fieldset" aria-describedby={hintId}>
        <legend>{t('deps.target.legend')}</legend>
        <p className="field__hint" id={hintId}>
          {t('deps.target.hint')}
        </p>
        <Field label={t('deps.field.resource')} name="resource" error={errors.resource}>
          {(props) => (
            <select {...props} defaultValue={values.resource ?? ''}>
              <option value="">{t('deps.chooseNone')}</option>
              {resources.map((resource) => (
                <option key={resource} value={resource}>
                  {t(`resource.${resource}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {now('resource', current?.resource ? t(`resource.${current.resource}` as MessageKey) : undefined)}
        <Field label={t('deps.field.service')} name="dependsOnServiceId" error={errors.dependsOnServiceId}>
          {(props) => (
            <select {...props} defaultValue={values.dependsOnServiceId ?? ''}>
              <option value="">{t('deps.chooseNone')}</option>
              {byOrganisation(services).map(([organisationId, group]) => (
                <optgroup key={organisationId} label={group.name}>
                  {group.services.map((service) => (
                    <option key={service.id} value={service.id}>
                      {service.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        {now('dependsOnServiceId', serviceName(current?.dependsOnServiceId))}
      </fieldset>
      <Field
        label={t('deps.field.copesHours')}
        name="copesHours"
        error={errors.copesHours}
        hint={t('deps.field.copesHint')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required
            defaultValue={values.copesHours ?? ''}
          />
        )}
      </Field>
      {now('copesHours')}
      <Field
        label={t('deps.field.backupDescription')}
        name="backupDescription"
        error={errors.backupDescription}
        hint={t('deps.field.backupHint')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={1000}
            autoComplete="off"
            defaultValue={values.backupDescription ?? ''}
          />
        )}
      </Field>
      {now('backupDescription')}
      <Field label={t('deps.field.backupHours')} name="backupHours" error={errors.backupHours}>
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values.backupHours ?? ''}
          />
        )}
      </Field>
      {now('backupHours')}
    </>
  )
}
