import { Link } from '@remix-run/react'
import type { SiteKind } from '~/db/enums'
import { formatNumber, formatPosition } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'

export interface SiteItem {
  id: string
  name: string
  kind: SiteKind
  address: string
  lat: number | null
  lng: number | null
  sweref: { northing: number; easting: number } | null
  backupPowerHours: number | null
  backupFuel: string
  styrelClass: number | null
  safetyPoint: boolean
  emergencyWaterPoint: boolean
}

/** "Platser" on the organisation page: each site with its position in both coordinate systems and its backup power. */
export function SitesSection({
  organisationId,
  sites,
  canEdit,
}: {
  organisationId: string
  sites: SiteItem[]
  canEdit: boolean
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="platser" className="registry-section">
      <div className="registry-section__heading">
        <h2 id="platser">{t('sites.title')}</h2>
        {canEdit ? (
          <Link className="button button--secondary button--small" to={`/organisationer/${organisationId}/platser/ny`}>
            {t('sites.add')}
          </Link>
        ) : null}
      </div>
      {sites.length === 0 ? (
        <p>{t('sites.none')}</p>
      ) : (
        <ul className="card-list">
          {sites.map((site) => (
            <li key={site.id} className="card" id={`plats-${site.id}`}>
              <h3 className="card__title">{site.name}</h3>
              <p className="tag">{t(`siteKind.${site.kind}`)}</p>
              <dl className="facts">
                {site.address ? (
                  <>
                    <dt>{t('sites.address')}</dt>
                    <dd>{site.address}</dd>
                  </>
                ) : null}
                <dt>{t('sites.position')}</dt>
                <dd>
                  {site.lat !== null && site.lng !== null ? (
                    <>
                      {formatPosition({ lat: site.lat, lng: site.lng }, locale, 5)}
                      {site.sweref ? (
                        <span className="muted registry-block">
                          {t('sites.position.swerefValue', {
                            northing: formatNumber(locale, site.sweref.northing, 0),
                            easting: formatNumber(locale, site.sweref.easting, 0),
                          })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    t('sites.position.none')
                  )}
                </dd>
                <dt>{t('sites.backupPower')}</dt>
                <dd>
                  {site.backupPowerHours === null
                    ? t('sites.noBackupPower')
                    : site.backupFuel
                      ? t('sites.backupPowerFuel', {
                          hours: formatNumber(locale, site.backupPowerHours),
                          fuel: site.backupFuel,
                        })
                      : t('sites.backupPowerValue', { hours: formatNumber(locale, site.backupPowerHours) })}
                </dd>
                <dt>{t('sites.styrel')}</dt>
                <dd>{site.styrelClass ?? t('sites.notGiven')}</dd>
              </dl>
              {site.safetyPoint || site.emergencyWaterPoint ? (
                <p className="registry-tags">
                  {site.safetyPoint ? <span className="tag">{t('sites.field.safetyPoint')}</span> : null}
                  {site.emergencyWaterPoint ? (
                    <span className="tag">{t('sites.field.emergencyWaterPoint')}</span>
                  ) : null}
                </p>
              ) : null}
              {canEdit ? (
                <Link to={`/organisationer/${organisationId}/platser/${site.id}`}>
                  {t('sites.edit')}
                  <span className="visually-hidden"> {t('sites.editNamed', { name: site.name })}</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
