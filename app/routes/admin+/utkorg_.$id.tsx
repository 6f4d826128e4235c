import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Linkified } from '~/components/ui/linkified'
import { getDb } from '~/db/app-db.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import { getOutboxMessageForReading } from '~/modules/mail/outbox.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.read')
  const message = await getOutboxMessageForReading(await getDb(), requireUuid(params.id))
  if (!message) throw notFound()
  return { message }
}

export default function OutboxMessagePage() {
  const t = useT()
  const locale = useLocale()
  const { message } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <p>
        <Link to="/admin/utkorg">{t('outbox.back')}</Link>
      </p>
      <h1>{message.subject}</h1>
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
            {t(`outbox.calendar.${message.calendar.method}`)}
          </a>
        </p>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('outbox.meta.message', { subject: data?.message.subject ?? t('outbox.meta.messageFallback') }),
  ),
]
