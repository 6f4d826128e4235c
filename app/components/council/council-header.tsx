import { NavLink } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { CouncilHeaderData } from '~/modules/council/council-sections'

/** The council's name above the page's own h1 and the council pages this user may open. */
export function CouncilHeader({ council, heading }: { council: CouncilHeaderData; heading: string }) {
  const t = useT()
  const base = `/trygghet/${council.id}`
  const { links } = council
  const items: { to: string; label: MessageKey; show: boolean; end?: boolean }[] = [
    { to: base, label: 'council.nav.overview', show: links.work, end: true },
    { to: `${base}/rapportera`, label: 'council.nav.report', show: links.report },
    { to: `${base}/mina-rapporter`, label: 'council.nav.ownReports', show: links.report },
    { to: `${base}/inkorg`, label: 'council.nav.inbox', show: links.work },
    { to: `${base}/veckobild`, label: 'council.nav.weekly', show: links.work },
    { to: `${base}/insatser`, label: 'council.nav.measures', show: links.work },
    { to: `${base}/lagesbilder`, label: 'situation.nav', show: links.work },
    { to: `${base}/omraden`, label: 'council.nav.areas', show: links.work },
    { to: `${base}/kallor`, label: 'council.nav.sources', show: links.work },
    { to: `${base}/trygghetsmatning`, label: 'council.nav.survey', show: links.work },
    { to: `${base}/inrapportorer`, label: 'council.nav.informants', show: links.work },
    { to: `${base}/kategorier`, label: 'council.nav.categories', show: links.work },
    { to: `${base}/installningar`, label: 'council.nav.settings', show: links.settings },
    { to: `${base}/lasloggen`, label: 'council.nav.readLog', show: links.readLog },
  ]
  const shown = items.filter((item) => item.show)
  return (
    <header className="council-header">
      <p className="council-header__council">{council.name}</p>
      <h1>{heading}</h1>
      {shown.length > 1 ? (
        <nav className="council-nav" aria-label={t('council.nav.label', { name: council.name })}>
          <ul>
            {shown.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  )
}
