import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

const texts: Record<number, [MessageKey, MessageKey]> = {
  400: ['error.badRequestTitle', 'error.badRequestText'],
  401: ['error.unauthorizedTitle', 'error.unauthorizedText'],
  403: ['error.forbiddenTitle', 'error.forbiddenText'],
  404: ['error.notFoundTitle', 'error.notFoundText'],
  413: ['error.tooLargeTitle', 'error.tooLargeText'],
}

/**
 * The one error page: every thrown response and crash ends here, in the user's language.
 * The words come from the status alone; a response's body is for scripts and logs.
 */
export function ErrorPage({ status }: { status: number }) {
  const t = useT()
  const [title, text] = texts[status] ?? ['error.genericTitle', 'error.genericText']
  return (
    <div className="page page--narrow">
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      {status === 401 ? (
        <p>
          <a href="/logga-in">{t('nav.signIn')}</a>
        </p>
      ) : (
        <p>
          <a href="/">{t('error.toStart')}</a>
        </p>
      )}
      <p className="muted">
        <small>HTTP {status}</small>
      </p>
    </div>
  )
}
