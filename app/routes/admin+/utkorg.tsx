import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '~/db/app-db.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { listOutboxForReading } from '~/modules/mail/outbox.server'

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
      {messages.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.sent')}</th>
                <th scope="col">{t('outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td data-label={t('outbox.to')}>{message.to}</td>
                  <td data-label={t('outbox.subject')}>
                    <Link to={`/admin/utkorg/${message.id}`}>{message.subject}</Link>
                  </td>
                  <td data-label={t('outbox.sent')}>{formatDateTime(locale, message.createdAt)}</td>
                  <td data-label={t('outbox.state')}>{t(`outbox.state.${message.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'outbox.title')]
