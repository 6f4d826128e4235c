import { CodeOptions, Field, FieldGroup, NumberField } from '~/components/forms/field'
import { resources } from '~/db/enums'
import { labelOf, useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'

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
  const changed = conflictingValues(values, current)
  const serviceName = (id: string) => {
    const service = services.find((option) => option.id === id)
    return service ? t('deps.on', { service: service.name, organisation: service.organisationName }) : id
  }
  return (
    <>
      <FieldGroup legend={t('deps.target.legend')} hint={t('deps.target.hint')} className="registry-fieldset">
        <Field
          label={t('deps.field.resource')}
          name="resource"
          error={errors.resource}
          current={changed('resource', (resource) => (resource ? labelOf(t, 'resource', resource) : ''))}
        >
          {(props) => (
            <select {...props} defaultValue={values.resource ?? ''}>
              <option value="">{t('deps.chooseNone')}</option>
              <CodeOptions codes={resources} prefix="resource" />
            </select>
          )}
        </Field>
        <Field
          label={t('deps.field.service')}
          name="dependsOnServiceId"
          error={errors.dependsOnServiceId}
          current={changed('dependsOnServiceId', serviceName)}
        >
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
      </FieldGroup>
      <NumberField
        label={t('deps.field.copesHours')}
        name="copesHours"
        hint={t('deps.field.copesHint')}
        error={errors.copesHours}
        current={changed('copesHours')}
        defaultValue={values.copesHours}
        required
      />
      <Field
        label={t('deps.field.backupDescription')}
        name="backupDescription"
        error={errors.backupDescription}
        hint={t('deps.field.backupHint')}
        current={changed('backupDescription')}
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
      <NumberField
        label={t('deps.field.backupHours')}
        name="backupHours"
        error={errors.backupHours}
        current={changed('backupHours')}
        defaultValue={values.backupHours}
      />
    </>
  )
}
