import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ContactValue } from '~/components/contacts/contact-route-card'
import { formatDateTime } from '~/i18n/format'
import { labelOf, useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { offlineLifetime, offlineLifetimeHeaders } from '~/modules/auth/offline-lifetime.server'
import { listOfflineContacts } from '~/modules/contacts/offline-contacts.server'

// The service worker (public/sw.js) keeps the latest copy of this page for use
// without a network; the browser's HTTP cache must not keep a second one. The
// worker keeps it no longer than the session lasts (the X-Offline-* headers).
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const name of ['X-Offline-Session-Ends', 'X-Offline-Max-Age-Ms']) {
    const value = loaderHeaders.get(name)
    if (value) headers.set(name, value)
  }
  return headers
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'network.read')
  const page = { organisations: await listOfflineContacts(await getDb()), fetchedAt: new Date().toISOString() }
  return data(page, { headers: offlineLifetimeHeaders(await offlineLifetime(request)) })
}

export default function OfflineContactList() {
  const t = useT()
  const locale = useLocale()
  const { organisations, fetchedAt } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('offline.title')}</h1>
      {/* public/sw.js removes `hidden` when it serves this page from its cache. */}
      <div className="notice notice--error" data-offline-notice="" hidden role="status">
        {t('offline.offlineNotice')}
      </div>
      <p>{t('offline.intro')}</p>
      <p>
        <strong>{t('offline.savedAt', { time: formatDateTime(locale, fetchedAt) })}</strong>
      </p>
      {organisations.length === 0 ? <p>{t('offline.empty')}</p> : null}
      {organisations.map((organisation) => (
        <section key={organisation.id} aria-labelledby={`org-${organisation.id}`} className="panel">
          <h2 id={`org-${organisation.id}`} className="h3">
            {organisation.name}
          </h2>
          <p className="muted">
            {organisation.confirmedAt
              ? t('offline.lastConfirmed', { date: formatDateTime(locale, organisation.confirmedAt) })
              : t('offline.neverConfirmed')}
          </p>
          <ul className="link-list">
            {organisation.routes.map((route) => (
              <li key={route.id}>
                <strong>{labelOf(t, 'contactFunction', route.function)}</strong>
                {' · '}
                {labelOf(t, 'contactChannel', route.channel)}:{' '}
                <ContactValue channel={route.channel} value={route.value} />
                {route.label ? ` (${route.label})` : ''}
                {' · '}
                {labelOf(t, 'availability', route.availability)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'offline.meta.title')]
