import { CodeOptions, Field, FieldGroup } from '~/components/forms/field'
import { OptionSelect } from '~/components/forms/option-select'
import { councilMeasureKinds, type CouncilMeasureKind } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { measureTypes } from '~/modules/council/measure-form'
import { measureTypeLabel } from './measure-labels'

export interface MeasureOptions {
  areas: { id: string; name: string }[]
  organisations: { id: string; name: string }[]
  pictures: { id: string; title: string }[]
}

const isKind = (value: string): value is CouncilMeasureKind =>
  (councilMeasureKinds as readonly string[]).includes(value)

const nameOf = (list: { id: string; name?: string; title?: string }[], id: string | undefined) => {
  const found = list.find((item) => item.id === id)
  return found ? (found.name ?? found.title ?? '') : ''
}

/**
 * The fields of a measure. After a conflict, `current` holds what is saved
 * now, and each field that differs from the user's input says so.
 */
export function MeasureFields({
  values,
  errors,
  options,
  current,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  options: MeasureOptions
  current?: Record<string, string>
}) {
  const t = useT()
  const saved = (name: string, show: (value: string) => string = (value) => value) =>
    current && (current[name] ?? '') !== (values[name] ?? '') ? show(current[name] ?? '') : undefined
  return (
    <>
      <Field label={t('councilMeasures.field.title')} name="title" error={errors.title} current={saved('title')}>
        {(props) => <input {...props} type="text" required maxLength={200} defaultValue={values.title ?? ''} />}
      </Field>
      <FieldGroup
        legend={t('councilMeasures.field.kind')}
        className="choices"
        error={errors.kind}
        current={saved('kind', (kind) => (isKind(kind) ? t(`councilMeasures.kind.${kind}`) : ''))}
      >
        {councilMeasureKinds.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} />
            <span>
              {t(`councilMeasures.kind.${kind}`)} <span className="muted">{t(`councilMeasures.kindHint.${kind}`)}</span>
            </span>
          </label>
        ))}
      </FieldGroup>
      <Field
        label={t('councilMeasures.field.type')}
        name="measureType"
        error={errors.measureType}
        current={saved('measureType', (type) => measureTypeLabel(t, type))}
      >
        {(props) => (
          <select {...props} required defaultValue={values.measureType ?? ''}>
            <option value="">{t('councilMeasures.field.chooseType')}</option>
            <CodeOptions codes={measureTypes} prefix="councilMeasures.type" />
          </select>
        )}
      </Field>
      <Field
        label={t('councilMeasures.field.description')}
        name="description"
        error={errors.description}
        current={saved('description')}
      >
        {(props) => <textarea {...props} rows={3} defaultValue={values.description ?? ''} />}
      </Field>
      <div className="field-row">
        <Field
          label={t('councilMeasures.field.area')}
          name="areaId"
          error={errors.areaId}
          current={saved('areaId', (id) => nameOf(options.areas, id))}
        >
          {(props) => (
            <select {...props} defaultValue={values.areaId ?? ''}>
              <option value="">{t('councilMeasures.field.noArea')}</option>
              {options.areas.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('councilMeasures.field.place')}
          name="place"
          hint={t('councilMeasures.field.placeHint')}
          error={errors.place}
          current={saved('place')}
        >
          {(props) => <input {...props} type="text" maxLength={200} defaultValue={values.place ?? ''} />}
        </Field>
      </div>
      <OptionSelect
        label={t('councilMeasures.field.responsible')}
        name="responsibleOrganisationId"
        options={options.organisations}
        placeholder={t('councilMeasures.field.chooseResponsible')}
        defaultValue={values.responsibleOrganisationId ?? ''}
        error={errors.responsibleOrganisationId}
        current={saved('responsibleOrganisationId', (id) => nameOf(options.organisations, id))}
        required
      />
      <div className="field-row">
        <Field
          label={t('councilMeasures.field.start')}
          name="startDate"
          error={errors.startDate}
          current={saved('startDate')}
        >
          {(props) => <input {...props} type="date" required defaultValue={values.startDate ?? ''} />}
        </Field>
        <Field
          label={t('councilMeasures.field.followUp')}
          name="followUpDate"
          hint={t('councilMeasures.field.followUpHint')}
          error={errors.followUpDate}
          current={saved('followUpDate')}
        >
          {(props) => <input {...props} type="date" required defaultValue={values.followUpDate ?? ''} />}
        </Field>
      </div>
      <Field
        label={t('councilMeasures.field.expectedEffect')}
        name="expectedEffect"
        hint={t('councilMeasures.field.expectedEffectHint')}
        error={errors.expectedEffect}
        current={saved('expectedEffect')}
      >
        {(props) => <textarea {...props} rows={3} defaultValue={values.expectedEffect ?? ''} />}
      </Field>
      {options.pictures.length > 0 || values.situationPictureId ? (
        <Field
          label={t('councilMeasures.field.picture')}
          name="situationPictureId"
          error={errors.situationPictureId}
          current={saved('situationPictureId', (id) => nameOf(options.pictures, id))}
        >
          {(props) => (
            <select {...props} defaultValue={values.situationPictureId ?? ''}>
              <option value="">{t('councilMeasures.field.noPicture')}</option>
              {options.pictures.map((picture) => (
                <option key={picture.id} value={picture.id}>
                  {picture.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  )
}
