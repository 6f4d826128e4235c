import { Form } from '@remix-run/react'
import { Field, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { AreaField, type Tiles } from '~/components/scenarios/area-field'
import { translateMessage, useT } from '~/i18n/i18n'

export interface AreaEditorState {
  errors: Record<string, string>
  values: Record<string, string>
  current?: { name: string; corners: string }
}

/** The form that draws a new area (no `area`) or renames and redraws one. */
export function AreaEditor({
  area,
  state,
  tiles,
  submissionKey,
}: {
  area?: { id: string; name: string; corners: string; version: number }
  state?: AreaEditorState
  tiles: Tiles
  /** A new area's one-time key: a second post of the form draws no second area. */
  submissionKey?: string
}) {
  const t = useT()
  const values = state?.values ?? {}
  const errors = state?.errors ?? {}
  const version = values.version ?? String(area?.version ?? '')
  return (
    // The key remounts the fields when a conflict brings a new version, so they show the kept input.
    <Form method="post" className="stack" noValidate key={version}>
      <input type="hidden" name="intent" value={area ? 'save' : 'create'} />
      {area ? <input type="hidden" name="areaId" value={area.id} /> : null}
      {submissionKey ? <SubmissionKeyField value={submissionKey} /> : null}
      {area ? <input type="hidden" name="version" value={version} /> : null}
      {errors._form ? <FormMessage kind="error">{translateMessage(t, errors._form)}</FormMessage> : null}
      {!errors._form && Object.keys(errors).length > 0 ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      <Field label={t('councilAreas.name')} name="name" error={errors.name} current={state?.current?.name}>
        {(props) => (
          <input
            {...props}
            type="text"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={values.name ?? area?.name ?? ''}
          />
        )}
      </Field>
      <AreaField
        name="corners"
        defaultValue={values.corners ?? area?.corners ?? ''}
        error={errors.corners}
        current={state?.current?.corners}
        tiles={tiles}
        rows={5}
        labels={{
          label: t('councilAreas.corners'),
          hint: t('councilAreas.cornersHint'),
          draw: t('councilAreas.drawOnMap'),
          drawHelp: t('councilAreas.drawHelp'),
        }}
      />
      <div className="actions">
        <button type="submit" className="button">
          {area ? t('councilAreas.save') : t('councilAreas.create')}
        </button>
      </div>
    </Form>
  )
}

/** Removing an area asks nothing more: its reports stay and are placed again. */
export function AreaDeleteForm({ area }: { area: { id: string; name: string; version: number } }) {
  const t = useT()
  return (
    <Form method="post" className="actions">
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="areaId" value={area.id} />
      <input type="hidden" name="version" value={area.version} />
      <button type="submit" className="button button--secondary">
        {t('councilAreas.delete', { name: area.name })}
      </button>
    </Form>
  )
}
