import { useT } from '~/i18n/i18n'
import { contactValueText, isCrisisRoute, isPhoneChannel } from '~/modules/contacts/contact-route-values'
import { swedishDate } from '~/modules/directory/directory-filters'
import type { ExportOrganisation } from '~/modules/directory/export-csv'

/**
 * The contact list on paper: one block per organisation that is not split
 * over two pages, its "last confirmed" date with it, and the ISK and the
 * round-the-clock routes first and in bold.
 */
export function ContactDirectoryPrint({ organisations }: { organisations: ExportOrganisation[] }) {
  const t = useT()
  return (
    <div className="contact-print__list">
      {organisations.map((organisation) => {
        const headingId = `org-${organisation.id}`
        const restricted = organisation.routes.some((route) => route.visibility === 'restricted')
        return (
          <section key={organisation.id} aria-labelledby={headingId} className="contact-print__org">
            <h2 id={headingId}>{organisation.name}</h2>
            <p className="contact-print__meta">
              <span>{t(`kind.${organisation.kind}`)}</span> ·{' '}
              <span className="contact-print__confirmed">
                {t('export.lastConfirmed', {
                  date: organisation.confirmedAt ? swedishDate(organisation.confirmedAt) : t('export.never'),
                })}
              </span>
            </p>
            {organisation.routes.length === 0 ? (
              <p>{t('export.noRoutes')}</p>
            ) : (
              <ul className="contact-print__routes" aria-label={t('export.routesOf', { organisation: organisation.name })}>
                {organisation.routes.map((route, index) => (
                  <li key={index} className={isCrisisRoute(route) ? 'contact-print__route contact-print__route--crisis' : 'contact-print__route'}>
                    <span className="contact-print__function">{t(`contactFunction.${route.function}`)}</span>
                    <span>
                      {t(`contactChannel.${route.channel}`)}: <span className={isPhoneChannel(route.channel) ? 'contact-print__value phone-number' : 'contact-print__value'}>
                        {contactValueText(route)}
                      </span>
                    </span>
                    <span>
                      {t(`availability.${route.availability}`)}
                      {route.visibility === 'restricted' ? ` · ${t('directory.restricted')}*` : ''}
                    </span>
                    {route.label ? <span className="contact-print__label">{route.label}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {restricted ? <p className="contact-print__note">* {t('export.restrictedNote')}</p> : null}
          </section>
        )
      })}
    </div>
  )
}
