import { Form } from '@remix-run/react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { useT } from '~/i18n/i18n'

export interface IsfFormResult {
  form: 'convene' | 'repeat' | 'decision' | 'task'
  errors: Record<string, string>
  values: Record<string, string>
  notice?: 'isf.refused.ended' | 'isf.refused.noneTakingPart' | 'isf.refused.noPrevious' | 'isf.refused.noOrganiser'
}

/** Convene a conference now or at a set Stockholm time, and the one-click next one. */
export function IsfConveneForms({
  result,
  submissionKey,
  hasPrevious,
}: {
  result: IsfFormResult | undefined
  submissionKey: string
  hasPrevious: boolean
}) {
  const t = useT()
  const convene = result?.form === 'convene' ? result : undefined
  const values = convene?.values ?? {}
  const errors = convene?.errors ?? {}
  const text = (name: 'date' | 'time' | 'duration' | 'place' | 'videoLink', type: string, hint?: string) => (
    <Field label={t(`isf.field.${name}`)} name={name} error={errors[name]} hint={hint}>
      {(props) => <input {...props} type={type} defaultValue={values[name] ?? (name === 'duration' ? '60' : '')} />}
    </Field>
  )
  return (
    <>
      {result?.notice ? <FormMessage kind="error">{t(result.notice)}</FormMessage> : null}
      {hasPrevious ? (
        <Form method="post" className="isf-repeat">
          <SubmissionKeyField value={submissionKey} />
          <p>{t('isf.repeat.hint')}</p>
          <button type="submit" className="button" name="intent" value="repeat">
            {t('isf.repeat.button')}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="isf-convene-heading" className="isf-convene">
        <h3 id="isf-convene-heading">{t('isf.convene.heading')}</h3>
        {convene && !convene.notice ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
        <Form method="post" className="stack" noValidate>
          <SubmissionKeyField value={submissionKey} />
          <FieldGroup legend={t('isf.field.when')} className="choices" error={errors.when}>
            {(['now', 'at'] as const).map((when) => (
              <div className="registry-choice" key={when}>
                <input
                  type="radio"
                  id={`isf-when-${when}`}
                  name="when"
                  value={when}
                  defaultChecked={(values.when ?? 'now') === when}
                />
                <label htmlFor={`isf-when-${when}`}>{t(`isf.field.when.${when}`)}</label>
              </div>
            ))}
          </FieldGroup>
          {text('date', 'date', t('isf.field.date.hint'))}
          {text('time', 'time', t('isf.field.time.hint'))}
          {text('duration', 'text', t('isf.field.duration.hint'))}
          {text('place', 'text')}
          {text('videoLink', 'url', t('isf.field.videoLink.hint'))}
          <div className="actions">
            <button type="submit" className="button" name="intent" value="convene">
              {t('isf.convene.button')}
            </button>
          </div>
        </Form>
      </section>
    </>
  )
}
