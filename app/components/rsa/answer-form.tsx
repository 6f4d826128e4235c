import { Form, useFetcher, useSubmit } from '@remix-run/react'
import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { ProtectedValue, ScaleStep } from '~/db/schema/rsa'
import { conflictingValues } from '~/modules/forms/conflict'

export interface AnswerScales {
  likelihoodScale: ScaleStep[]
  consequenceScale: ScaleStep[]
  capabilityScale: ScaleStep[]
  protectedValues: ProtectedValue[]
}

type AutosaveResult =
  | { kind: 'saved'; version: number; state: string }
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'conflict' }

function StepSelect({
  label,
  name,
  steps,
  value,
  error,
  current,
}: {
  label: string
  name: string
  steps: ScaleStep[]
  value: string
  error?: string
  current?: string
}) {
  const t = useT()
  return (
    <Field label={label} name={name} error={error} current={current}>
      {(props) => (
        <select {...props} defaultValue={value}>
          <option value="">{t('rsa.notAssessed')}</option>
          {steps.map((step, index) => (
            <option key={index} value={String(index + 1)}>
              {t('rsa.stepOption', { step: index + 1, label: step.label })}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/**
 * One organisation's answer to one event. A plain form that posts a draft or
 * marks it as done; with JavaScript, a changed field is also saved as a draft
 * when it loses focus, so nothing typed is lost between sessions.
 */
export function AnswerForm({
  scales,
  values,
  errors,
  current,
  loadedVersion,
}: {
  scales: AnswerScales
  values: Record<string, string>
  errors: Record<string, string>
  /** After a conflict: what is stored now. */
  current?: Record<string, string>
  loadedVersion: number
}) {
  const t = useT()
  const fetcher = useFetcher<AutosaveResult>()
  const submit = useSubmit()
  const dirty = useRef(false)
  /** A save button pressed while a draft was on its way: sent once the draft's new version is known. */
  const waiting = useRef<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const [status, setStatus] = useState<'' | 'saving' | 'saved' | 'failed' | 'conflict'>('')
  const autosaved = fetcher.data?.kind === 'saved' ? fetcher.data.version : 0
  const version = Math.max(loadedVersion, Number(values.version ?? 0), autosaved)
  const shownCurrent = conflictingValues(values, current)
  const stepLabel = (steps: ScaleStep[]) => (stored: string) =>
    stored ? t('rsa.stepOption', { step: stored, label: steps[Number(stored) - 1]?.label ?? '' }) : t('rsa.notAssessed')

  const autosave = () => {
    if (!form.current || !dirty.current || status === 'conflict') return
    if (fetcher.state !== 'idle') return
    dirty.current = false
    const formData = new FormData(form.current)
    formData.set('intent', 'draft')
    formData.set('autosave', '1')
    formData.set('version', String(version))
    setStatus('saving')
    fetcher.submit(formData, { method: 'post' })
  }

  useEffect(() => {
    if (fetcher.state !== 'idle' || !fetcher.data) return
    if (fetcher.data.kind === 'saved') setStatus('saved')
    else setStatus(fetcher.data.kind === 'conflict' ? 'conflict' : 'failed')
    if (waiting.current && form.current) {
      const formData = new FormData(form.current)
      formData.set('intent', waiting.current)
      formData.set('version', String(Math.max(version, fetcher.data.kind === 'saved' ? fetcher.data.version : 0)))
      waiting.current = null
      submit(formData, { method: 'post' })
      return
    }
    // A field changed while the last save was on its way: save again.
    if (fetcher.data.kind === 'saved' && dirty.current) autosave()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data])

  const changed = () => {
    dirty.current = true
  }

  // Moving focus to a save button is not a reason to save a draft first: the button saves.
  const left = (event: FocusEvent<HTMLFormElement>) => {
    const next = event.relatedTarget
    if (next instanceof HTMLButtonElement && next.form === form.current) return
    autosave()
  }

  const submitting = (event: FormEvent<HTMLFormElement>) => {
    dirty.current = false
    setStatus('')
    if (fetcher.state === 'idle') return
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    waiting.current = submitter instanceof HTMLButtonElement ? submitter.value : 'draft'
  }

  return (
    <Form
      method="post"
      className="stack rsa-answer"
      noValidate
      ref={form}
      onChange={changed}
      onBlur={left}
      onSubmit={submitting}
    >
      <input type="hidden" name="organisationId" value={values.organisationId ?? ''} />
      <input type="hidden" name="version" value={String(version)} />
      {current ? <FormMessage kind="error">{t('rsa.answerConflict')}</FormMessage> : null}
      {Object.keys(errors).length > 0 ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <StepSelect
        label={t('rsa.likelihood')}
        name="likelihood"
        steps={scales.likelihoodScale}
        value={values.likelihood ?? ''}
        error={errors.likelihood}
        current={shownCurrent('likelihood', stepLabel(scales.likelihoodScale))}
      />
      <FieldGroup
        legend={t('rsa.consequencePerValue')}
        className="choices rsa-answer__consequences"
        hint={t('rsa.consequenceHint')}
      >
        {scales.protectedValues.map((value) => (
          <StepSelect
            key={value.key}
            label={value.label}
            name={`consequence.${value.key}`}
            steps={scales.consequenceScale}
            value={values[`consequence.${value.key}`] ?? ''}
            error={errors[`consequence.${value.key}`]}
            current={shownCurrent(`consequence.${value.key}`, stepLabel(scales.consequenceScale))}
          />
        ))}
      </FieldGroup>
      <StepSelect
        label={t('rsa.capability')}
        name="capability"
        steps={scales.capabilityScale}
        value={values.capability ?? ''}
        error={errors.capability}
        current={shownCurrent('capability', stepLabel(scales.capabilityScale))}
      />
      {(['vulnerabilities', 'gaps', 'measures'] as const).map((name) => (
        <Field
          key={name}
          label={t(`rsa.answer.${name}`)}
          name={name}
          hint={t(`rsa.answer.${name}Hint`)}
          error={errors[name]}
          current={shownCurrent(name)}
        >
          {(props) => <textarea {...props} rows={4} defaultValue={values[name] ?? ''} />}
        </Field>
      ))}
      <p className="rsa-autosave" role="status">
        {status === 'saving' ? t('rsa.autosave.saving') : null}
        {status === 'saved' ? t('rsa.autosave.saved') : null}
        {status === 'failed' ? t('rsa.autosave.failed') : null}
        {status === 'conflict' ? t('rsa.autosave.conflict') : null}
      </p>
      <div className="actions">
        <button type="submit" className="button button--secondary" name="intent" value="draft">
          {t('rsa.saveDraft')}
        </button>
        <button type="submit" className="button" name="intent" value="submit">
          {t('rsa.markDone')}
        </button>
      </div>
    </Form>
  )
}

/** The scales' steps with their descriptions, to read beside the form. */
export function ScaleGuide({ scales }: { scales: AnswerScales }) {
  const t = useT()
  const lists: [MessageKey, ScaleStep[]][] = [
    ['rsa.scale.likelihood', scales.likelihoodScale],
    ['rsa.scale.consequence', scales.consequenceScale],
    ['rsa.scale.capability', scales.capabilityScale],
  ]
  return (
    <details className="rsa-guide">
      <summary>{t('rsa.scaleGuide')}</summary>
      {lists.map(([heading, steps]) => (
        <section key={heading}>
          <h3>{t(heading)}</h3>
          <dl className="facts">
            {steps.map((step, index) => (
              <div key={index} className="rsa-guide__step">
                <dt>{t('rsa.stepOption', { step: index + 1, label: step.label })}</dt>
                <dd>{step.description || '–'}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </details>
  )
}
