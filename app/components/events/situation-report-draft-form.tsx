import { Form } from '@remix-run/react'
import { Field, FormMessage } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { DraftFormErrors, DraftFormValues } from '~/modules/events/situation-report-form'

const headings = ['development', 'state', 'expected', 'measures'] as const

/** The leaders' draft of the next situation report: four headings, sender, times and contact. */
export function SituationReportDraftForm({
  values,
  errors,
  version,
  nextNumber,
  notice,
}: {
  values: DraftFormValues
  errors: DraftFormErrors
  version: number
  nextNumber: number
  notice?: { kind: 'success' | 'error'; key: MessageKey }
}) {
  const t = useT()
  const error = (key: keyof DraftFormValues) => (errors[key] ? t(errors[key]) : undefined)
  return (
    <section aria-labelledby="situation-draft" className="situation-draft">
      <h3 id="situation-draft">{t('situationReport.draft', { number: nextNumber })}</h3>
      {notice ? <FormMessage kind={notice.kind}>{t(notice.key)}</FormMessage> : null}
      <Form method="post" className="stack" noValidate key={`${version}`}>
        <input type="hidden" name="version" value={version} />
        {headings.map((name) => (
          <Field key={name} label={t(`situationReport.${name}`)} name={name} error={error(name)}>
            {(props) => <textarea {...props} rows={10} defaultValue={values[name]} />}
          </Field>
        ))}
        <Field label={t('situationReport.sender')} name="sender" error={error('sender')}>
          {(props) => <input {...props} type="text" defaultValue={values.sender} />}
        </Field>
        <fieldset className="situation-draft__time">
          <legend>{t('situationReport.situationAt')}</legend>
          <Field label={t('situationReport.date')} name="situationDate" error={error('situationDate')}>
            {(props) => <input {...props} type="date" defaultValue={values.situationDate} />}
          </Field>
          <Field label={t('situationReport.time')} name="situationTime">
            {(props) => <input {...props} type="time" defaultValue={values.situationTime} />}
          </Field>
        </fieldset>
        <fieldset className="situation-draft__time">
          <legend>{t('situationReport.nextReportAt')}</legend>
          <Field
            label={t('situationReport.date')}
            name="nextDate"
            error={error('nextDate')}
            hint={t('situationReport.nextReportHint')}
          >
            {(props) => <input {...props} type="date" defaultValue={values.nextDate} />}
          </Field>
          <Field label={t('situationReport.time')} name="nextTime">
            {(props) => <input {...props} type="time" defaultValue={values.nextTime} />}
          </Field>
        </fieldset>
        <Field label={t('situationReport.contact')} name="contact" error={error('contact')}>
          {(props) => <input {...props} type="text" defaultValue={values.contact} />}
        </Field>
        <div className="situation-draft__buttons">
          <button type="submit" name="intent" value="refresh" className="button button--secondary">
            {t('situationReport.refresh')}
          </button>
          <button type="submit" name="intent" value="save" className="button button--secondary">
            {t('situationReport.save')}
          </button>
          <button type="submit" name="intent" value="freeze" className="button">
            {t('situationReport.freeze', { number: nextNumber })}
          </button>
        </div>
      </Form>
    </section>
  )
}
