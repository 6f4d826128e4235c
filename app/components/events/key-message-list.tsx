import type { ReactNode } from 'react'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { KeyMessageVersionView, KeyMessageView } from '~/modules/events/key-messages.server'

/** One version of a message: its text, where to turn, and who changed it when. */
export function KeyMessageVersion({ version }: { version: KeyMessageVersionView }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <p className="prewrap key-message__text">{version.text}</p>
      {version.whereToTurn ? (
        <div className="key-message__where">
          <p className="key-message__label">{t('eventMessages.whereToTurn')}</p>
          <p className="prewrap">{version.whereToTurn}</p>
        </div>
      ) : null}
      <p className="key-message__meta">
        {t('eventMessages.versionLine', {
          version: version.version,
          date: formatDateTime(locale, version.createdAt),
          name: version.authorName ?? '–',
        })}
      </p>
    </>
  )
}

/**
 * The key messages, each under its organisation's name, with its earlier
 * versions in a disclosure. A withdrawn message says so in words.
 */
export function KeyMessageList<M extends KeyMessageView>({
  messages,
  empty,
  renderActions,
}: {
  messages: M[]
  empty: string
  renderActions?: (message: M) => ReactNode
}) {
  const t = useT()
  if (messages.length === 0) return <p>{empty}</p>
  return (
    <ul className="key-messages">
      {messages.map((message) => (
        <li
          key={message.messageId}
          id={`budskap-${message.messageId}`}
          className={message.current.withdrawn ? 'key-message key-message--withdrawn' : 'key-message'}
        >
          <h4 className="key-message__heading">
            {message.current.withdrawn ? `${t('eventMessages.withdrawnMark')}: ` : ''}
            {message.organisationName}
          </h4>
          <KeyMessageVersion version={message.current} />
          {message.history.length > 0 ? (
            <details className="key-message__history">
              <summary>{t('eventMessages.history', { count: message.history.length })}</summary>
              <ol>
                {message.history.map((version) => (
                  <li key={version.version}>
                    {version.withdrawn ? <p>{t('eventMessages.withdrawnMark')}</p> : null}
                    <KeyMessageVersion version={version} />
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {renderActions?.(message)}
        </li>
      ))}
    </ul>
  )
}
