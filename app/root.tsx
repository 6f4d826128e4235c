import { data as withInit, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorPage } from '~/components/ui/error-page'
import { FlashNotice } from '~/components/ui/flash-notice'
import { ForgetOfflineData, OfflineSupport } from '~/components/ui/offline-support'
import { SiteHeader } from '~/components/ui/site-header'
import { useNonce } from '~/components/ui/nonce'
import { getEnv } from '~/config/env.server'
import { LocaleContext, translator, type Locale } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { pageTitle } from '~/i18n/page-title'
import { getDb } from '~/db/app-db.server'
import { getOptionalUser, sessionHasEnded } from '~/modules/auth/guards.server'
import { endedSessionHeaders } from '~/modules/auth/session-cookie.server'
import { navigationFor } from '~/modules/auth/navigation.server'
import { readFlash } from '~/modules/http/flash.server'
import stylesUrl from '~/styles/app.css?url'
import followUpStyles from '~/styles/meeting-follow-up.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  // Action items on the start page and the meeting page as well as the follow-up pages.
  { rel: 'stylesheet', href: followUpStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

async function rootData(request: Request) {
  const locale = getLocale(request)
  const user = await getOptionalUser(request)
  const env = getEnv()
  return {
    locale,
    municipalityName: env.MUNICIPALITY_NAME,
    user: user ? { name: user.name, nav: await navigationFor(await getDb(), user, Boolean(env.SMTP_URL)) } : null,
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const flash = readFlash(request)
  const payload = { ...(await rootData(request)), notice: flash.notice }
  const headers = new Headers(flash.headers ?? undefined)
  // Any page read with a session that has ended, public ones included, clears the browser's offline data.
  if (await sessionHasEnded(request)) endedSessionHeaders().forEach((value, name) => headers.append(name, value))
  return withInit(payload, [...headers.keys()].length > 0 ? { headers } : undefined)
}

export type RootLoaderData = Awaited<ReturnType<typeof rootData>>

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const locale: Locale = data?.locale ?? 'sv'
  const nonce = useNonce()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <LocaleContext.Provider value={locale}>
          <SiteHeader data={data ?? null} />
          <main id="innehall" tabIndex={-1}>
            {data ? <FlashNotice notice={data.notice} /> : null}
            {children}
          </main>
          <footer className="site-footer">
            <p>{translator(locale)('app.footer')}</p>
            <p>
              <a href="/tillganglighet">{translator(locale)('a11y.footerLink')}</a>
            </p>
          </footer>
        </LocaleContext.Provider>
        {data?.user?.nav.items.some((item) => item.key === 'organisations') ? <OfflineSupport /> : null}
        {data && !data.user ? <ForgetOfflineData /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches)]

export function ErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  return <ErrorPage status={status} />
}
