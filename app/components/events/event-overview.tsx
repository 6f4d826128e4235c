import { Link } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { sectorColours } from '~/components/map/sector-colours'
import type { Tiles } from '~/components/scenarios/area-field'
import { ClientOnly } from '~/components/ui/client-only'
import type { ServiceStatus } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { statusOrder } from '~/modules/events/event-picture'
import type { EventPicture, PictureOrganisation, PictureService } from '~/modules/events/event-picture.server'
import { timeAgo } from '~/modules/events/relative-time'
import { StatusMarker } from './status-marker'

const EventMap = lazy(() => import('./event-map.client').then((module) => ({ default: module.EventMap })))

/** Who has reported and how long ago, those who have not first. */
export function ReportedTable({ organisations, at }: { organisations: PictureOrganisation[]; at: string }) {
  const t = useT()
  const locale = useLocale()
  const reported = organisations.filter((row) => row.lastReportAt !== null).length
  const ordered = [...organisations].sort((a, b) =>
    a.lastReportAt === b.lastReportAt
      ? 0
      : a.lastReportAt === null
        ? -1
        : b.lastReportAt === null
          ? 1
          : a.lastReportAt < b.lastReportAt
            ? -1
            : 1,
  )
  return (
    <>
      <p>{t('eventRoom.reported.summary', { reported, total: organisations.length })}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('eventRoom.reported.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eventRoom.reported.organisation')}</th>
              <th scope="col">{t('eventRoom.reported.last')}</th>
              <th scope="col">{t('eventRoom.reported.services')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                <td>
                  {row.lastReportAt ? (
                    <>
                      {formatDateTime(locale, row.lastReportAt)}{' '}
                      <span className="muted">({timeAgo(locale, row.lastReportAt, at)})</span>
                    </>
                  ) : (
                    <strong className="event-not-reported">{t('eventRoom.reported.never')}</strong>
                  )}
                </td>
                <td>{t('eventRoom.reported.servicesOf', { reported: row.reportedServices, total: row.services })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** How many services have each status, each a link that shows only those. */
export function StatusFilter({
  counts,
  unreported,
  current,
}: {
  counts: Record<ServiceStatus, number>
  unreported: number
  current: ServiceStatus | null
}) {
  const t = useT()
  return (
    <nav aria-label={t('eventRoom.services.counts')} className="event-status-filter">
      <ul>
        <li>
          <Link to="?" aria-current={current === null ? 'true' : undefined} preventScrollReset>
            {t('eventRoom.services.all')} ({statusOrder.reduce((sum, status) => sum + counts[status], 0)})
          </Link>
        </li>
        {statusOrder.map((status) => (
          <li key={status}>
            <Link to={`?status=${status}`} aria-current={current === status ? 'true' : undefined} preventScrollReset>
              <StatusMarker status={status} /> ({counts[status]})
            </Link>
          </li>
        ))}
        <li className="muted">
          {t('eventRoom.services.unreported')} ({unreported})
        </li>
      </ul>
    </nav>
  )
}

function BackupCell({ service, at }: { service: PictureService; at: string }) {
  const t = useT()
  const locale = useLocale()
  if (service.status !== 'backup' || service.backupEndsAt === null) return null
  const time = formatDateTime(locale, service.backupEndsAt)
  return service.backupEndsAt > at ? (
    <>
      {t('eventRoom.services.hoursLeft', {
        hours: String(service.backupHoursLeft ?? 0).replace('.', locale === 'sv' ? ',' : '.'),
        time,
      })}
    </>
  ) : (
    <strong>{t('eventRoom.services.backupOut', { time })}</strong>
  )
}

/** The services' newest status as a table: status in words and shape, the worst first. */
export function ServicesTable({ services, at }: { services: PictureService[]; at: string }) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="table-wrap">
      <table className="table event-services">
        <caption className="visually-hidden">{t('eventRoom.services.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eventRoom.services.service')}</th>
            <th scope="col">{t('eventRoom.services.organisation')}</th>
            <th scope="col">{t('eventRoom.services.status')}</th>
            <th scope="col">{t('eventRoom.services.backup')}</th>
            <th scope="col">{t('eventRoom.services.restoration')}</th>
            <th scope="col">{t('eventRoom.services.reportedAt')}</th>
            <th scope="col">{t('eventRoom.services.note')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.serviceId}>
              <th scope="row">
                {service.serviceName}
                <div className="muted">{t(`sector.${service.sector}`)}</div>
              </th>
              <td>{service.organisationName}</td>
              <td>
                <StatusMarker status={service.status} fill={sectorColours[service.sector]} />
              </td>
              <td>
                <BackupCell service={service} at={at} />
              </td>
              <td>{service.expectedRestorationAt ? formatDateTime(locale, service.expectedRestorationAt) : ''}</td>
              <td>{timeAgo(locale, service.reportedAt, at)}</td>
              <td className="prewrap">{service.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The map beside the table, in the browser only; its legend says in words what shapes and colours mean. */
export function ServicesMap({ services, tiles }: { services: PictureService[]; tiles: Tiles }) {
  const t = useT()
  const positioned = services.filter((service) => service.positions.length > 0)
  const sectors = [...new Set(positioned.map((service) => service.sector))].sort()
  if (positioned.length === 0) return <p className="muted">{t('eventRoom.map.noPositions')}</p>
  const placeholder = <div className="event-map__canvas event-map__canvas--placeholder" aria-hidden="true" />
  return (
    <div className="event-map">
      <p>{t('eventRoom.map.intro')}</p>
      <ClientOnly fallback={placeholder}>
        {() => (
          <Suspense fallback={placeholder}>
            <EventMap services={positioned} tiles={tiles} />
          </Suspense>
        )}
      </ClientOnly>
      <section className="event-map__legend" aria-labelledby="event-map-legend">
        <h3 id="event-map-legend">{t('eventRoom.map.legend')}</h3>
        <p className="event-map__legend-title">{t('eventRoom.map.shapes')}</p>
        <ul className="map-legend__list">
          {statusOrder.map((status) => (
            <li key={status}>
              <StatusMarker status={status} />
            </li>
          ))}
        </ul>
        <p className="event-map__legend-title">{t('eventRoom.map.colours')}</p>
        <ul className="map-legend__list">
          {sectors.map((sector) => (
            <li key={sector}>
              <span className="map-swatch" style={{ background: sectorColours[sector] }} aria-hidden="true" />
              {t(`sector.${sector}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

/** What the services whose newest report asks for help need. */
export function OpenNeeds({ needs, total, at }: { needs: PictureService[]; total: number; at: string }) {
  const t = useT()
  const locale = useLocale()
  if (needs.length === 0) return <p>{t('eventRoom.needs.none')}</p>
  return (
    <>
      <ul className="event-needs">
        {needs.map((service) => (
          <li key={service.serviceId}>
            <strong>{service.serviceName}</strong> ({service.organisationName}) –{' '}
            <StatusMarker status={service.status} fill={sectorColours[service.sector]} />
            <ul>
              {service.needs.map((need) => (
                <li key={need}>{t(`event.need.${need}`)}</li>
              ))}
              {service.needsOther.trim() ? <li>{t('eventRoom.needs.other', { text: service.needsOther })}</li> : null}
            </ul>
            <span className="muted">{timeAgo(locale, service.reportedAt, at)}</span>
          </li>
        ))}
      </ul>
      {total > needs.length ? <p>{t('eventRoom.needs.more', { count: total - needs.length })}</p> : null}
    </>
  )
}

/** The newest entries of the log, newest first, with a link to all of it. */
export function LogPreview({ eventId, log }: { eventId: string; log: EventPicture['log'] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {log.length === 0 ? (
        <p>{t('eventRoom.logPreview.none')}</p>
      ) : (
        <ul className="event-log-preview">
          {log.map((entry) => (
            <li key={entry.id}>
              <span className="muted">{formatDateTime(locale, entry.createdAt)}</span> ·{' '}
              <strong>{t(`event.logKind.${entry.kind}`)}</strong>
              {entry.correctsId ? <span className="tag">{t('eventRoom.logPreview.correction')}</span> : null}
              {entry.corrected ? <span className="tag">{t('eventRoom.logPreview.corrected')}</span> : null}
              <p className={entry.corrected ? 'prewrap event-log-preview__corrected' : 'prewrap'}>{entry.text}</p>
              {entry.authorName ? <span className="muted">{entry.authorName}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/handelser/${eventId}/logg`}>{t('eventRoom.logPreview.all')}</Link>
      </p>
    </>
  )
}
