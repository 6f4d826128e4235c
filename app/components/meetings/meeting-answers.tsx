import { Form } from '@remix-run/react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT, type Locale } from '~/i18n/i18n'
import type { InvitedOrganisation } from '~/modules/meetings/meetings.server'

type Answer = Pick<InvitedOrganisation, 'organisationId' | 'name' | 'answer' | 'attendees' | 'version'>

/** "A, B och C": names as a sentence lists them. */
export function listOf(locale: Locale, names: string[]): string {
  return new Intl.ListFormat(locale === 'sv' ? 'sv' : 'en', { type: 'conjunction' }).format(names)
}

/** One organisation's answer: attending or not, and who comes. Without `version` it is the e-mail link's form. */
export function AnswerForm({
  organisation,
  error,
  conflictWith,
  action,
}: {
  organisation: Answer
  error?: string
  /** After a conflict: the answer saved meanwhile. */
  conflictWith?: Answer
  action?: string
}) {
  const t = useT()
  const shown = conflictWith ?? organisation
  return (
    <Form method="post" action={action} className="stack panel" key={`${organisation.organisationId}-${shown.version}`}>
      <h3>{t('meeting.yourAnswer', { organisation: organisation.name })}</h3>
      {conflictWith ? <FormMessage kind="error">{t('meeting.answerConflict')}</FormMessage> : null}
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="organisationId" value={organisation.organisationId} />
      <input type="hidden" name="version" value={shown.version} />
      <FieldGroup
        legend={t('meeting.answerField', { organisation: organisation.name })}
        className="choices"
        error={error}
        current={conflictWith ? t(`meeting.answer.${conflictWith.answer}`) : undefined}
      >
        {(['attending', 'not_attending'] as const).map((answer) => (
          <div className="registry-choice" key={answer}>
            <input
              type="radio"
              id={`answer-${organisation.organisationId}-${answer}`}
              name="answer"
              value={answer}
              defaultChecked={organisation.answer === answer}
            />
            <label htmlFor={`answer-${organisation.organisationId}-${answer}`}>{t(`meeting.answer.${answer}`)}</label>
          </div>
        ))}
      </FieldGroup>
      <Field
        label={t('meeting.attendeesField')}
        name="attendees"
        hint={t('meeting.attendeesHint')}
        current={conflictWith && conflictWith.attendees !== organisation.attendees ? conflictWith.attendees : undefined}
      >
        {(props) => <textarea {...props} rows={3} defaultValue={organisation.attendees} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button">
          {t('meeting.sendAnswer')}
        </button>
      </div>
    </Form>
  )
}

/** Every invited organisation's answer, for everyone invited to see who comes. */
export function AnswersTable({ organisations }: { organisations: InvitedOrganisation[] }) {
  const t = useT()
  const locale = useLocale()
  const count = (answer: InvitedOrganisation['answer']) => organisations.filter((row) => row.answer === answer).length
  const unreachable = organisations.filter((row) => row.invitees === 0).map((row) => row.name)
  return (
    <>
      <p>
        {t('meeting.answers.summary', {
          attending: count('attending'),
          notAttending: count('not_attending'),
          pending: count('pending'),
        })}
      </p>
      {unreachable.length > 0 ? (
        <p>{t('meeting.answers.unreachable', { organisations: listOf(locale, unreachable) })}</p>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('meeting.answers.organisation')}</th>
              <th scope="col">{t('meeting.answers.answer')}</th>
              <th scope="col">{t('meeting.answers.attendees')}</th>
              <th scope="col">{t('meeting.answers.invitees')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((row) => (
              <tr key={row.organisationId} data-answer={row.answer}>
                <th scope="row">{row.name}</th>
                <td>
                  {t(`meeting.answer.${row.answer}`)}
                  {row.answer === 'pending' && row.remindedAt ? (
                    <div className="muted">
                      {t('meeting.answers.reminded', { date: formatDateTime(locale, row.remindedAt) })}
                    </div>
                  ) : null}
                </td>
                <td className="prewrap">{row.attendees}</td>
                <td>
                  {row.invitees}
                  {row.invitees === 0 ? <div className="muted">{t('meeting.answers.reachesNobody')}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
