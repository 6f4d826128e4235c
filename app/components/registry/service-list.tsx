import { Link } from '@remix-run/react'
import type { Sector } from '~/db/enums'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { DependencyList, weaknessOf, type DependencyItem } from './dependency-list'

export interface DependentItem {
  dependencyId: string
  serviceId: string
  serviceName: string
  organisationId: string
  organisationName: string
  copesHours: number
}

export interface ServiceItem {
  id: string
  name: string
  description: string
  sector: Sector
  acceptableOutageHours: number
  styrelClass: number | null
  peopleServed: number | null
  hasContinuityPlan: boolean
  continuityExercisedOn: string | null
  sites: { id: string; name: string }[]
  dependencies: DependencyItem[]
  dependents: DependentItem[]
}

/** The facts of one service: sector, outage time, Styrel class, people, continuity plan and sites. */
export function ServiceFacts({ service }: { service: Omit<ServiceItem, 'dependencies' | 'dependents'> }) {
  const t = useT()
  const locale = useLocale()
  return (
    <dl className="facts">
      <dt>{t('services.sector')}</dt>
      <dd>{t(`sector.${service.sector}`)}</dd>
      <dt>{t('services.acceptableOutage')}</dt>
      <dd>{t('services.hours', { hours: formatNumber(locale, service.acceptableOutageHours) })}</dd>
      <dt>{t('services.styrel')}</dt>
      <dd>{service.styrelClass ?? t('services.notGiven')}</dd>
      <dt>{t('services.peopleServed')}</dt>
      <dd>{service.peopleServed === null ? t('services.notGiven') : formatNumber(locale, service.peopleServed, 0)}</dd>
      <dt>{t('services.continuityPlan')}</dt>
      <dd>
        {!service.hasContinuityPlan
          ? t('services.noPlan')
          : service.continuityExercisedOn
            ? t('services.planExercised', { date: service.continuityExercisedOn })
            : t('services.planNotExercised')}
      </dd>
      <dt>{t('services.sites')}</dt>
      <dd>
        {service.sites.length === 0
          ? t('services.noSites')
          : service.sites.map((site, index) => (
              <span key={site.id}>
                {index > 0 ? ', ' : ''}
                <a href={`#plats-${site.id}`}>{site.name}</a>
              </span>
            ))}
      </dd>
    </dl>
  )
}

/** Other organisations' services that depend on this one. */
export function DependentList({ dependents }: { dependents: DependentItem[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <ul className="link-list">
      {dependents.map((dependent) => (
        <li key={dependent.dependencyId}>
          <Link to={`/organisationer/${dependent.organisationId}#verksamhet-${dependent.serviceId}`}>
            {t('services.dependentItem', {
              service: dependent.serviceName,
              organisation: dependent.organisationName,
              hours: formatNumber(locale, dependent.copesHours),
            })}
          </Link>
        </li>
      ))}
    </ul>
  )
}

/** "Samhällsviktig verksamhet" on the organisation page: every service with its dependencies. */
export function ServicesSection({
  organisationId,
  services,
  canEdit,
}: {
  organisationId: string
  services: ServiceItem[]
  canEdit: boolean
}) {
  const t = useT()
  return (
    <section aria-labelledby="verksamheter" className="registry-section">
      <div className="registry-section__heading">
        <h2 id="verksamheter">{t('services.title')}</h2>
        {canEdit ? (
          <Link
            className="button button--secondary button--small"
            to={`/organisationer/${organisationId}/verksamheter/ny`}
          >
            {t('services.add')}
          </Link>
        ) : null}
      </div>
      {services.length === 0 ? <p>{t('services.none')}</p> : null}
      {services.map((service) => {
        const short = service.dependencies.filter((dependency) =>
          weaknessOf(dependency, service.acceptableOutageHours),
        ).length
        return (
          <article key={service.id} className="service-card" aria-labelledby={`verksamhet-${service.id}`}>
            <h3 id={`verksamhet-${service.id}`} className="card__title">
              {service.name}
            </h3>
            {short > 0 ? (
              <p className="warning-marker">
                <span aria-hidden="true">⚠ </span>
                {t('services.shortfallSummary', { count: short })}
              </p>
            ) : null}
            {service.description ? <p className="prewrap">{service.description}</p> : null}
            <ServiceFacts service={service} />
            <h4 className="service-card__subheading">{t('deps.title')}</h4>
            <DependencyList dependencies={service.dependencies} acceptableOutageHours={service.acceptableOutageHours} />
            {service.dependents.length > 0 ? (
              <>
                <h4 className="service-card__subheading">{t('services.dependents')}</h4>
                <DependentList dependents={service.dependents} />
              </>
            ) : null}
            {canEdit ? (
              <p>
                <Link to={`/organisationer/${organisationId}/verksamheter/${service.id}`}>
                  {t('services.manage')}
                  <span className="visually-hidden">{t('services.manageNamed', { name: service.name })}</span>
                </Link>
              </p>
            ) : null}
          </article>
        )
      })}
    </section>
  )
}
