import { Form, Link } from '@remix-run/react'
import { CodeOptions, Field, FormMessage, NumberField } from '~/components/forms/field'
import { grantCategories, type GrantCategory } from '~/db/enums'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'
import type { GrantActionResult } from '~/modules/mandate/grant-page.server'

/** What the last post left for one form: its errors, the values as posted, and after a conflict what is stored now. */
export function formState(outcome: GrantActionResult | undefined, form: string) {
  if (!outcome || outcome.kind === 'saved' || outcome.form !== form) return undefined
  return outcome
}

function OutcomeMessage({ state }: { state: ReturnType<typeof formState> }) {
  const t = useT()
  if (!state) return null
  if (state.kind === 'invalid') return <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
  return (
    <FormMessage kind="error">{t(state.deleting ? 'grantReport.conflictDelete' : 'grantReport.conflict')}</FormMessage>
  )
}

/** Hours, cost and a note: the fields a meeting's form and an own entry's form share. */
function AmountFields({
  values,
  errors,
  current,
}: {
  values: Record<string, string>
  errors: Record<string, string>
  current: (field: string) => string | undefined
}) {
  const t = useT()
  return (
    <>
      <NumberField
        label={t('grantReport.field.hours')}
        name="hours"
        hint={t('grantReport.field.hoursHint')}
        defaultValue={values.hours}
        error={errors.hours}
        current={current('hours')}
        className="input--short"
      />
      <NumberField
        label={t('grantReport.field.cost')}
        name="cost"
        whole
        hint={t('grantReport.field.costHint')}
        defaultValue={values.cost}
        error={errors.cost}
        current={current('cost')}
        className="input--short"
      />
      <Field label={t('grantReport.field.notes')} name="notes" error={errors.notes} current={current('notes')}>
        {(props) => <input {...props} type="text" defaultValue={values.notes ?? ''} />}
      </Field>
    </>
  )
}

export interface MeetingFormItem {
  meetingId: string
  title: string
  kind: string
  date: string | null
  values: Record<string, string>
}

/** A form per meeting the report lists, for the municipality's hours, cost and a note. */
export function MeetingEntryForms({
  action,
  meetings,
  outcome,
}: {
  /** The year page's URL. */
  action: string
  meetings: MeetingFormItem[]
  outcome: GrantActionResult | undefined
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="grant-meetings-heading" className="grant-forms">
      <h3 id="grant-meetings-heading">{t('grantReport.meetings.heading')}</h3>
      {meetings.length === 0 ? (
        <p>{t('grantReport.meetings.none')}</p>
      ) : (
        <>
          <p>{t('grantReport.meetings.hint')}</p>
          {meetings.map((meeting) => {
            const state = formState(outcome, `meeting:${meeting.meetingId}`)
            const values = state?.values ?? meeting.values
            const current = conflictingValues(values, state?.kind === 'conflict' ? state.current : undefined)
            const heading = `${meeting.date ? formatDate(locale, meeting.date) : ''} ${meeting.kind}: ${meeting.title}`
            return (
              <Form
                method="post"
                action={action}
                key={`${meeting.meetingId}-${meeting.values.version}`}
                className="grant-meeting-form"
                id={`mote-${meeting.meetingId}`}
                noValidate
              >
                <fieldset>
                  <legend>{heading.trim()}</legend>
                  <OutcomeMessage state={state} />
                  <input type="hidden" name="meetingId" value={meeting.meetingId} />
                  <input type="hidden" name="version" value={values.version ?? '0'} />
                  <div className="grant-meeting-form__fields">
                    <AmountFields
                      values={values}
                      errors={state?.kind === 'invalid' ? state.errors : {}}
                      current={current}
                    />
                  </div>
                  <div className="actions">
                    <button type="submit" className="button" name="intent" value="meeting">
                      {t('grantReport.meetings.save')}
                      <span className="visually-hidden">: {meeting.title}</span>
                    </button>
                  </div>
                </fieldset>
              </Form>
            )
          })}
        </>
      )}
    </section>
  )
}

/**
 * The form of an own entry: a new one, or the one being changed (with its
 * removal). Both post to the year's page without ?andra, so a saved change
 * closes the form.
 */
export function OwnEntryForm({
  action,
  year,
  editing,
  created,
  outcome,
}: {
  /** The year page's URL. */
  action: string
  year: number
  /** The entry being changed, with its stored values; null to add one. */
  editing: { entryId: string; values: Record<string, string> } | null
  /** How many own entries there are: a new one remounts the add form empty. */
  created: number
  outcome: GrantActionResult | undefined
}) {
  const t = useT()
  const form = editing ? `entry:${editing.entryId}` : 'create'
  const state = formState(outcome, form)
  const values = state?.values ?? editing?.values ?? {}
  const errors = state?.kind === 'invalid' ? state.errors : {}
  const current = conflictingValues(values, state?.kind === 'conflict' ? state.current : undefined)
  const version = values.version ?? ''
  return (
    <section id="egen-post" aria-labelledby="grant-own-heading" className="grant-forms">
      <h3 id="grant-own-heading">{t(editing ? 'grantReport.own.editHeading' : 'grantReport.own.heading')}</h3>
      {editing ? null : <p>{t('grantReport.own.hint')}</p>}
      <OutcomeMessage state={state} />
      <Form method="post" action={action} className="stack" key={`${form}-${version}-${created}`} noValidate>
        {editing ? (
          <>
            <input type="hidden" name="entryId" value={editing.entryId} />
            <input type="hidden" name="version" value={version} />
          </>
        ) : null}
        <Field
          label={t('grantReport.field.category')}
          name="category"
          error={errors.category}
          current={current('category', (code) => t(`grant.category.${code as GrantCategory}`))}
        >
          {(props) => (
            <select {...props} defaultValue={values.category ?? ''}>
              {editing ? null : <option value="">–</option>}
              <CodeOptions codes={grantCategories} prefix="grant.category" />
            </select>
          )}
        </Field>
        <Field label={t('grantReport.field.title')} name="title" error={errors.title} current={current('title')}>
          {(props) => <input {...props} type="text" required defaultValue={values.title ?? ''} />}
        </Field>
        <Field
          label={t('grantReport.field.date')}
          name="occurredOn"
          hint={t('grantReport.field.dateHint', { year })}
          error={errors.occurredOn}
          current={current('occurredOn')}
        >
          {(props) => (
            <input
              {...props}
              type="date"
              min={`${year}-01-01`}
              max={`${year}-12-31`}
              defaultValue={values.occurredOn ?? ''}
            />
          )}
        </Field>
        <AmountFields values={values} errors={errors} current={current} />
        <div className="actions">
          <button type="submit" className="button" name="intent" value={editing ? 'update' : 'create'}>
            {t(editing ? 'grantReport.own.save' : 'grantReport.own.add')}
          </button>
          {editing ? <Link to={action}>{t('grantReport.own.cancel')}</Link> : null}
        </div>
      </Form>
      {editing ? (
        <Form method="post" action={action} className="danger-zone">
          <input type="hidden" name="entryId" value={editing.entryId} />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button button--danger" name="intent" value="delete">
            {t('grantReport.own.delete')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
