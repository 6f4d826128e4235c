import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getDb } from '~/db/app-db.server'
import { formatDateTime, useLocale, useT } from '~/i18n/i18n'
import { requirePermission } from '~/modules/auth/guards.server'
import { listOutboxForReading } from '~/modules/mail/outbox.server'
import { Linkified } from '~/components/ui/linkified'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.read')
  return { messages: await listOutboxForReading(await getDb()) }
}

export default function OutboxPage() {
  const t = useT()
  const locale = useLocale()
  const { messages } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {messages.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      <ol className="message-list">
        {messages.map((message) => (
          <li key={message.id} className="panel">
            <article aria-labelledby={`subject-${message.id}`}>
              <h2 id={`subject-${message.id}`} className="h3">
                {message.subject}
              </h2>
              <dl className="facts">
                <dt>{t('outbox.to')}</dt>
                <dd>{message.to}</dd>
                <dt>{t('outbox.sent')}</dt>
                <dd>{formatDateTime(locale, message.createdAt)}</dd>
                <dt>{t('outbox.state')}</dt>
                <dd>{t(`outbox.state.${message.state}`)}</dd>
              </dl>
              {message.linkWithheld ? <p>{t('outbox.linkWithheld')}</p> : null}
              <div className="prewrap message-body">
                <Linkified text={message.text} />
              </div>
              {message.calendar ? (
                <p>
                  <a href={`/admin/utkorg/${message.id}/kalender`} download>
                    {t('outbox.calendar', { method: message.calendar.method })}
                  </a>
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Utkorg – Områdesansvarsportalen' }]
