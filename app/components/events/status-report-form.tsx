import { Form, useNavigation } from '@remix-run/react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { eventNeeds, serviceStatuses } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { translateMessage, useLocale, useT } from '~/i18n/i18n'
import { fieldName, NEEDS_OTHER_MAX, NOTE_MAX, type ServiceReportValues } from '~/modules/events/status-report-form'
import type { ReportServiceView } from '~/modules/events/status-report-page.server'
import { StatusMarker } from './status-marker'

/**
 * One organisation's status report: every critical service in one form, each
 * a fieldset of repeated fields (`services[i].status` …), pre-filled from its
 * latest report. After a refused post the submitted values come back
 * (`submitted`) with the messages by field name.
 */
export function StatusReportForm({
  services,
  submitted,
  errors,
  hidden = {},
  action,
}: {
  services: ReportServiceView[]
  submitted: ServiceReportValues[] | null
  errors: Record<string, string>
  /** Extra fields the page needs (the organisation of the portal's form). */
  hidden?: Record<string, string>
  action?: string
}) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const submittedById = new Map((submitted ?? []).map((row) => [row.serviceId, row]))
  return (
    <Form method="post" action={action} className="stack status-report-form" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {errors._form ? <FormMessage kind="error">{translateMessage(t, errors._form)}</FormMessage> : null}
      {!errors._form && Object.keys(errors).length > 0 ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      <p className="muted">{t('eventReport.form.onlyChanged')}</p>
      {services.map((service, index) => (
        <ServiceFields
          key={service.id}
          index={index}
          service={service}
          values={submittedById.get(service.id) ?? service.values}
          errors={errors}
        />
      ))}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('eventReport.form.submit')}
        </button>
      </div>
    </Form>
  )
}

function ServiceFields({
  index,
  service,
  values,
  errors,
}: {
  index: number
  service: ReportServiceView
  values: ServiceReportValues
  errors: Record<string, string>
}) {
  const t = useT()
  const locale = useLocale()
  const name = (field: Parameters<typeof fieldName>[1]) => fieldName(index, field)
  const id = (suffix: string) => `report-${service.id}-${suffix}`
  return (
    <fieldset className="status-report-service">
      <legend>
        <h3 className="status-report-service__name">{service.name}</h3>
      </legend>
      <p className="muted">
        {service.latestStatus && service.reportedAt ? (
          <>
            {t('eventReport.form.current', { time: formatDateTime(locale, service.reportedAt) })}{' '}
            <StatusMarker status={service.latestStatus} />
          </>
        ) : (
          t('eventReport.form.notReported')
        )}
      </p>
      <input type="hidden" name={name('serviceId')} value={service.id} />
      <FieldGroup legend={t('eventReport.form.status')} className="choices" error={errors[name('status')]}>
        {serviceStatuses.map((status) => (
          <div className="registry-choice" key={status}>
            <input
              type="radio"
              id={id(`status-${status}`)}
              name={name('status')}
              value={status}
              defaultChecked={values.status === status}
            />
            <label htmlFor={id(`status-${status}`)}>{t(`event.status.${status}`)}</label>
          </div>
        ))}
      </FieldGroup>
      <Field
        label={t('eventReport.form.backupHoursLeft')}
        name={name('backupHoursLeft')}
        hint={t('eventReport.form.backupHoursHint')}
        error={errors[name('backupHoursLeft')]}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="status-report-service__hours"
            defaultValue={values.backupHoursLeft}
          />
        )}
      </Field>
      <FieldGroup
        legend={t('eventReport.form.expected')}
        className="choices status-report-service__expected"
        hint={t('eventReport.form.expectedHint')}
      >
        <div className="status-report-service__when">
          <Field
            label={t('eventReport.form.expectedDate')}
            name={name('expectedDate')}
            error={errors[name('expectedDate')]}
          >
            {(props) => <input {...props} type="date" defaultValue={values.expectedDate} />}
          </Field>
          <Field
            label={t('eventReport.form.expectedTime')}
            name={name('expectedTime')}
            error={errors[name('expectedTime')]}
          >
            {(props) => <input {...props} type="time" defaultValue={values.expectedTime} />}
          </Field>
        </div>
      </FieldGroup>
      <Field
        label={t('eventReport.form.note')}
        name={name('note')}
        hint={t('eventReport.form.noteHint')}
        error={errors[name('note')]}
      >
        {(props) => <textarea {...props} rows={2} maxLength={NOTE_MAX} defaultValue={values.note} />}
      </Field>
      <FieldGroup legend={t('eventReport.form.needs')} className="choices" error={errors[name('needs')]}>
        {eventNeeds.map((need) => (
          <div className="registry-choice" key={need}>
            <input
              type="checkbox"
              id={id(`need-${need}`)}
              name={name('needs')}
              value={need}
              defaultChecked={values.needs.includes(need)}
            />
            <label htmlFor={id(`need-${need}`)}>{t(`event.need.${need}`)}</label>
          </div>
        ))}
        <Field label={t('eventReport.form.needsOther')} name={name('needsOther')} error={errors[name('needsOther')]}>
          {(props) => <input {...props} type="text" maxLength={NEEDS_OTHER_MAX} defaultValue={values.needsOther} />}
        </Field>
      </FieldGroup>
    </fieldset>
  )
}
