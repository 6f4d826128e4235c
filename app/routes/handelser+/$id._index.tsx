import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import leafletStyles from 'leaflet/dist/leaflet.css?url'
import {
  LogPreview,
  OpenNeeds,
  ReportedTable,
  ServicesMap,
  ServicesTable,
  StatusFilter,
} from '~/components/events/event-overview'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { serviceStatuses } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import { requireReadableEvent } from '~/modules/events/event-access.server'
import { eventPicture } from '~/modules/events/event-picture.server'
import { projectionSummary } from '~/modules/events/event-projection.server'
import { DeferredProjectionSummary } from '~/components/events/projection-summary'
import { requireUuid } from '~/modules/http/responses'

export const links = () => [{ rel: 'stylesheet', href: leafletStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const event = await requireReadableEvent(db, user, id)
  const requested = new URL(request.url).searchParams.get('status')
  const status = serviceStatuses.find((value) => value === requested) ?? null
  const env = getEnv()
  const projection = projectionSummary(db, event)
  // A failure is shown by the summary's error element; unhandled it would crash the process.
  projection.catch(() => {})
  return {
    projection,
    eventId: event.id,
    status,
    picture: await eventPicture(db, event, status ? { status } : {}),
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
  }
}

export default function EventOverview() {
  const t = useT()
  const locale = useLocale()
  const { eventId, status, picture, tiles, projection } = useLoaderData<typeof loader>()
  const reportedTotal = Object.values(picture.statusCounts).reduce((sum, count) => sum + count, 0)
  return (
    <div className="event-overview">
      <p className="muted">{t('eventRoom.takenAt', { time: formatDateTime(locale, picture.at) })}</p>

      {/* What fails next: streamed in after the rest of the page, so the projection never holds it up. */}
      <DeferredProjectionSummary eventId={eventId} summary={projection} />

      <section aria-labelledby="reported-heading">
        <h2 id="reported-heading">{t('eventRoom.reported.heading')}</h2>
        <ReportedTable organisations={picture.organisations} at={picture.at} />
      </section>

      <section aria-labelledby="services-heading">
        <h2 id="services-heading">{t('eventRoom.services.heading')}</h2>
        <StatusFilter counts={picture.statusCounts} unreported={picture.unreportedServices} current={status} />
        {picture.services.length === 0 ? (
          <p>{reportedTotal === 0 ? t('eventRoom.services.none') : t('eventRoom.services.noneWithStatus')}</p>
        ) : (
          <>
            {picture.servicesTotal > picture.services.length ? (
              <p>{t('eventRoom.services.showing', { shown: picture.services.length, total: picture.servicesTotal })}</p>
            ) : null}
            <ServicesTable services={picture.services} at={picture.at} />
            <h3>{t('eventRoom.map.heading')}</h3>
            <ServicesMap services={picture.services} tiles={tiles} />
          </>
        )}
      </section>

      <section aria-labelledby="needs-heading">
        <h2 id="needs-heading">{t('eventRoom.needs.heading')}</h2>
        <OpenNeeds needs={picture.openNeeds} total={picture.openNeedsTotal} at={picture.at} />
      </section>

      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{t('eventRoom.logPreview.heading')}</h2>
        <LogPreview eventId={eventId} log={picture.log} />
      </section>
    </div>
  )
}
