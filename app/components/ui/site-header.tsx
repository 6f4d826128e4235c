import { Form, NavLink, useLocation } from '@remix-run/react'
import { clearOfflineData } from './offline-support'
import type { RootLoaderData } from '~/root'
import type { Role } from '~/db/enums'
import { useT, type Translate } from '~/i18n/i18n'

function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`)
}

export function SiteHeader({ data }: { data: RootLoaderData | null }) {
  const t = useT()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const user = data?.user ?? null
  return (
    <>
      <a className="skip-link" href="#innehall">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__top">
          <a className="site-header__brand" href="/">
            <span className="site-header__municipality">{data?.municipalityName ?? ''}</span>
            <span className="site-header__name">{t('app.name')}</span>
          </a>
          <div className="site-header__tools">
            {user ? (
              <p className="site-header__user">
                {t('app.signedInAs', { name: user.name })}
                {user.nav.memberships.length > 0 ? (
                  <span className="site-header__orgs">
                    {user.nav.memberships.map((m) => `${m.organisationName} (${roleLabel(t, m.role)})`).join(', ')}
                  </span>
                ) : null}
              </p>
            ) : null}
            {/* A full page load: the other language's messages come with it (entry.client). */}
            <Form method="post" action="/sprak" className="inline-form" reloadDocument>
              <input type="hidden" name="redirectTo" value={here} />
              <input type="hidden" name="locale" value={data?.locale === 'en' ? 'sv' : 'en'} />
              <button type="submit" className="button button--quiet" lang={data?.locale === 'en' ? 'sv' : 'en'}>
                {t('app.languageSwitch')}
              </button>
            </Form>
            {user ? (
              <Form
                method="post"
                action="/logga-ut"
                className="inline-form"
                reloadDocument
                onSubmit={(event) => {
                  // The saved contact list and its service worker go before the session ends; a full page
                  // load follows so nothing runs on under the old worker. Without JS the server's
                  // Clear-Site-Data header does the clearing.
                  event.preventDefault()
                  const form = event.currentTarget
                  clearOfflineData().finally(() => form.submit())
                }}
              >
                <button type="submit" className="button button--quiet">
                  {t('nav.signOut')}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
        {user ? (
          <nav aria-label={t('app.mainNav')} className="site-nav">
            {/* A disclosure on narrow screens, without JavaScript; on wide screens the CSS shows the
                list and hides the button. A new page starts with it closed (the key). */}
            <details className="site-nav__menu" key={location.pathname}>
              <summary className="site-nav__toggle">{t('nav.menu')}</summary>
              <ul>
                {user.nav.items.map((item) => (
                  <li key={item.key}>
                    <NavLink to={item.to} end={item.to === '/'}>
                      {t(`nav.${item.key}`)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </details>
          </nav>
        ) : null}
      </header>
    </>
  )
}
