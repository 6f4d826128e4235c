import { Form } from '@remix-run/react'
import { LogEntryFields } from '~/components/events/log-entry-fields'
import type { Option } from '~/components/forms/option-select'
import { Field, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { FormattedText } from '~/components/meetings/formatted-text'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { ISF_AGENDA } from '~/modules/events/isf'

export interface IsfMinutesResult {
  form: 'minutes' | 'decision' | 'task'
  errors: Record<string, string>
  values: Record<string, string>
  notice?: 'isf.minutes.conflict' | 'isf.refused.ended'
  /** After a conflict: the minutes saved meanwhile. */
  current?: string
}

/** One text area per agenda item; item 1 comes pre-filled with the actors' round when it is empty. */
export function IsfMinutesForm({
  items,
  version,
  result,
}: {
  items: readonly string[]
  version: string
  result: IsfMinutesResult | undefined
}) {
  const t = useT()
  const minutes = result?.form === 'minutes' ? result : undefined
  const shownVersion = minutes?.values.version ?? version
  return (
    <>
      {minutes?.notice ? <FormMessage kind="error">{t(minutes.notice)}</FormMessage> : null}
      {minutes?.current !== undefined ? (
        <div className="panel">
          <h3>{t('isf.minutes.currentSaved')}</h3>
          <FormattedText text={minutes.current} headingLevel={4} />
        </div>
      ) : null}
      <Form method="post" className="stack isf-minutes-form" noValidate key={`minutes-${shownVersion}`}>
        <input type="hidden" name="version" value={shownVersion} />
        {ISF_AGENDA.map((item, index) => (
          <Field
            key={item}
            label={`${index + 1}. ${item}`}
            name={`item${index + 1}`}
            error={minutes?.errors[`item${index + 1}`]}
            hint={index === 0 ? t('isf.minutes.roundHint') : undefined}
          >
            {(props) => (
              <textarea
                {...props}
                rows={index === 0 ? 12 : 5}
                defaultValue={minutes?.values[`item${index + 1}`] ?? items[index] ?? ''}
              />
            )}
          </Field>
        ))}
        <div className="actions">
          <button type="submit" className="button" name="intent" value="minutes">
            {t('isf.minutes.save')}
          </button>
        </div>
      </Form>
    </>
  )
}

/** A decision or a task from the conference, written into the event log. */
export function IsfLogForm({
  kind,
  owners,
  result,
  submissionKey,
}: {
  kind: 'decision' | 'task'
  owners: readonly Option[]
  result: IsfMinutesResult | undefined
  submissionKey: string
}) {
  const t = useT()
  const mine = result?.form === kind ? result : undefined
  return (
    <section aria-labelledby={`isf-${kind}-heading`} className="isf-log-form">
      <h3 id={`isf-${kind}-heading`}>{t(`isf.log.${kind}.heading`)}</h3>
      {mine ? <FormMessage kind="error">{t(mine.notice ?? 'validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
        <LogEntryFields values={mine?.values ?? {}} errors={mine?.errors ?? {}} owners={owners} fixedKind={kind} />
        <div className="actions">
          <button type="submit" className="button" name="intent" value={kind}>
            {t(`isf.log.${kind}.button`)}
          </button>
        </div>
      </Form>
    </section>
  )
}

export interface IsfLogRow {
  id: string
  kind: string
  text: string
  decidedBy: string
  mandate: string
  taskOrganisationName: string | null
  taskDueAt: string | Date | null
  authorName: string
  createdAt: string | Date
}

/** The decisions and tasks written from this conference, as the event log holds them. */
export function IsfLogList({ entries }: { entries: readonly IsfLogRow[] }) {
  const t = useT()
  const locale = useLocale()
  if (entries.length === 0) return <p>{t('isf.log.none')}</p>
  return (
    <ul className="isf-log-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <p>
            <strong>{t(entry.kind === 'task' ? 'event.logKind.task' : 'event.logKind.decision')}:</strong> {entry.text}
          </p>
          <p className="muted">
            {entry.kind === 'task'
              ? t('isf.log.taskMeta', {
                  owner: entry.taskOrganisationName ?? '–',
                  due: entry.taskDueAt ? formatDateTime(locale, entry.taskDueAt) : '–',
                })
              : t('isf.log.decisionMeta', { decidedBy: entry.decidedBy, mandate: entry.mandate })}
            {' · '}
            {entry.authorName}, {formatDateTime(locale, entry.createdAt)}
          </p>
        </li>
      ))}
    </ul>
  )
}
