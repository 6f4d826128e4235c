import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ContactValue } from '~/components/contacts/contact-route-card'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { DirectoryResults, HitGroup } from '~/modules/directory/directory.server'

const organisationPath = (id: string, section?: string) => `/organisationer/${id}${section ? `#${section}` : ''}`

function HitSection<T>({
  id,
  title,
  group,
  limit,
  render,
}: {
  id: string
  title: string
  group: HitGroup<T>
  limit: number
  render: (hit: T) => ReactNode
}) {
  const t = useT()
  if (group.hits.length === 0) return null
  const count = group.hits.length
  return (
    <section aria-labelledby={id} className="directory-group">
      <h3 id={id} className="h3">
        {title}{' '}
        <span className="directory-group__count">
          ({t('directory.hitCount', { count })})
        </span>
      </h3>
      <ul className="directory-hits">{group.hits.map(render)}</ul>
      {group.more ? <p className="muted">{t('directory.more', { count: limit })}</p> : null}
    </section>
  )
}

/** The hits grouped by type, best first; every hit leads to its organisation's page. */
export function DirectoryResultList({ results, limit }: { results: DirectoryResults; limit: number }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <HitSection
        id="traffar-organisationer"
        title={t('directory.groupOrganisations')}
        group={results.organisations}
        limit={limit}
        render={(hit) => (
          <li key={hit.id} className="directory-hit">
            <Link to={organisationPath(hit.id)} className="directory-hit__title">
              {hit.name}
            </Link>
            <span className="tag">{t(`kind.${hit.kind}`)}</span>
            <span className="directory-hit__meta">
              {hit.confirmedAt
                ? t('directory.confirmedOn', { date: formatDate(locale, hit.confirmedAt) })
                : t('directory.neverConfirmed')}
              {' · '}
              <a href={`/organisationer/${hit.id}/vcard.vcf`} download>
                {t('directory.vcardShort')}
                <span className="visually-hidden">
                  {' '}
                  – {t('directory.organisationVcard', { organisation: hit.name })}
                </span>
              </a>
            </span>
          </li>
        )}
      />
      <HitSection
        id="traffar-kontaktvagar"
        title={t('directory.groupRoutes')}
        group={results.routes}
        limit={limit}
        render={(hit) => (
          <li
            key={hit.id}
            className={
              hit.function === 'isk' || hit.availability === 'always'
                ? 'directory-hit directory-hit--crisis'
                : 'directory-hit'
            }
          >
            <span className="directory-hit__title">
              {t(`contactFunction.${hit.function}`)}
              {hit.visibility === 'restricted' ? (
                <span className="tag tag--restricted">{t('directory.restricted')}</span>
              ) : null}
            </span>
            <span>
              {t(`contactChannel.${hit.channel}`)}: <ContactValue channel={hit.channel} value={hit.value} />
            </span>
            {hit.label ? <span className="prewrap">{hit.label}</span> : null}
            <span className="directory-hit__meta">
              {t(`availability.${hit.availability}`)} ·{' '}
              <Link to={organisationPath(hit.organisationId, 'kontaktvagar')}>{hit.organisationName}</Link>
            </span>
          </li>
        )}
      />
      <HitSection
        id="traffar-verksamheter"
        title={t('directory.groupServices')}
        group={results.services}
        limit={limit}
        render={(hit) => (
          <li key={hit.id} className="directory-hit">
            <Link to={organisationPath(hit.organisationId, `verksamhet-${hit.id}`)} className="directory-hit__title">
              {hit.name}
            </Link>
            <span className="directory-hit__meta">
              {t('directory.atOrganisation', { organisation: hit.organisationName })} · {t(`sector.${hit.sector}`)}
            </span>
          </li>
        )}
      />
      <HitSection
        id="traffar-platser"
        title={t('directory.groupSites')}
        group={results.sites}
        limit={limit}
        render={(hit) => (
          <li key={hit.id} className="directory-hit">
            <Link to={organisationPath(hit.organisationId, 'platser')} className="directory-hit__title">
              {hit.name}
            </Link>
            {hit.address ? <span>{hit.address}</span> : null}
            <span className="directory-hit__meta">
              {t('directory.atOrganisation', { organisation: hit.organisationName })}
            </span>
          </li>
        )}
      />
    </>
  )
}

export function hitTotal(results: DirectoryResults): number {
  return (
    results.organisations.hits.length +
    results.services.hits.length +
    results.sites.hits.length +
    results.routes.hits.length
  )
}
