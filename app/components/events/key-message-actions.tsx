import { Form, Link } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { useT } from '~/i18n/i18n'
import type { MessageActionResult } from '~/modules/events/key-message-actions.server'
import type { PlaceOption } from '~/modules/events/key-message-form'
import type { KeyMessageView } from '~/modules/events/key-messages.server'
import { KeyMessageFields } from './key-message-fields'
import { KeyMessageVersion } from './key-message-list'

export interface KeyMessageItem extends KeyMessageView {
  mayChange: boolean
  mayWithdraw: boolean
  /** The change form's starting values: the current version, its places ticked. */
  form: { values: Record<string, string>; placeIds: string[] }
}

/**
 * What a reader may do with one message: change it (a form that carries the
 * version it edits; after a conflict it keeps the input and shows what was
 * saved meanwhile) and withdraw it.
 */
export function KeyMessageActions({
  message,
  base,
  editing,
  changed,
  withdrawal,
  places,
  submissionKey,
}: {
  message: KeyMessageItem
  base: string
  editing: boolean
  changed: MessageActionResult | undefined
  withdrawal: MessageActionResult | undefined
  places: readonly PlaceOption[]
  submissionKey: string
}) {
  const t = useT()
  return (
    <div className="key-message__actions">
      {withdrawal?.notice ? <FormMessage kind="error">{t(withdrawal.notice)}</FormMessage> : null}
      {withdrawal?.current ? <KeyMessageVersion version={withdrawal.current} /> : null}
      {message.mayChange && editing ? (
        <Form
          method="post"
          className="stack key-message-form"
          noValidate
          aria-label={t('eventMessages.changeOf', { organisation: message.organisationName })}
        >
          {changed?.notice ? <FormMessage kind="error">{t(changed.notice)}</FormMessage> : null}
          {changed?.current ? (
            <div className="key-message__current">
              <p className="key-message__label">{t('eventMessages.savedMeanwhile')}</p>
              <KeyMessageVersion version={changed.current} />
            </div>
          ) : null}
          <SubmissionKeyField value={submissionKey} />
          <input type="hidden" name="messageId" value={message.messageId} />
          <input type="hidden" name="version" value={changed?.values.version ?? message.form.values.version} />
          <KeyMessageFields
            values={changed?.values ?? message.form.values}
            placeIds={changed?.placeIds ?? message.form.placeIds}
            errors={changed?.errors ?? {}}
            places={places}
            current={changed?.current}
          />
          <div className="actions">
            <button type="submit" className="button" name="intent" value="change">
              {t('eventMessages.changeSubmit')}
            </button>
            <Link to={`${base}#budskap-${message.messageId}`}>{t('common.cancel')}</Link>
          </div>
        </Form>
      ) : message.mayChange ? (
        <Link to={`${base}?andra=${message.messageId}#budskap-${message.messageId}`} preventScrollReset>
          {t('eventMessages.change')}
        </Link>
      ) : null}
      {message.mayWithdraw ? (
        <Form method="post" className="key-message__withdraw">
          <SubmissionKeyField value={submissionKey} />
          <input type="hidden" name="messageId" value={message.messageId} />
          <input type="hidden" name="version" value={message.current.version} />
          <button type="submit" className="button button--secondary" name="intent" value="withdraw">
            {t('eventMessages.withdraw')}
            <span className="visually-hidden"> ({message.organisationName})</span>
          </button>
        </Form>
      ) : null}
    </div>
  )
}
