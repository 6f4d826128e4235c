import { NavLink } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

export interface RsaLinks {
  manage: boolean
  answer: boolean
  results: boolean
}

/** The pages of one analysis that this user may open. */
export function RsaNav({ id, title, links }: { id: string; title: string; links: RsaLinks }) {
  const t = useT()
  const items: { to: string; label: MessageKey; show: boolean; end?: boolean }[] = [
    { to: `/rsa/${id}`, label: 'rsa.nav.overview', show: true, end: true },
    { to: `/rsa/${id}/installningar`, label: 'rsa.nav.settings', show: links.manage },
    { to: `/rsa/${id}/svar`, label: 'rsa.nav.answers', show: links.manage },
    { to: `/rsa/${id}/resultat`, label: 'rsa.nav.results', show: links.results },
    { to: `/rsa/${id}/rapport`, label: 'rsa.nav.report', show: links.results },
    { to: `/rsa/${id}/berattelse`, label: 'rsa.nav.narrative', show: links.manage },
    { to: `/rsa/${id}/atgarder`, label: 'rsa.nav.actionPlan', show: links.results },
  ]
  return (
    <nav className="rsa-nav" aria-label={t('rsa.nav.label', { title })}>
      <ul>
        {items
          .filter((item) => item.show)
          .map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  )
}
