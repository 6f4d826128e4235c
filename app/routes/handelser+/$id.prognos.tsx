import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Await, useLoaderData, useSearchParams } from '@remix-run/react'
import { Suspense } from 'react'
import { ProjectionBasis, ProjectionResult } from '~/components/events/projection-result'
import { pageFromSearch } from '~/components/ui/pager'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { eventEnded, requireReadableEvent } from '~/modules/events/event-access.server'
import { projectionView } from '~/modules/events/event-projection.server'
import { requireUuid } from '~/modules/http/responses'

// What happens next: the scenario engine's projection of the next 72 hours
// from the reports and the registry. The page comes at once; the projection
// (up to a second at county scale) streams in when it is ready.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const event = await requireReadableEvent(db, user, id)
  const ended = eventEnded(event)
  const projection = ended
    ? null
    : projectionView(db, event, pageFromSearch(new URL(request.url).searchParams.get('sida')))
  // Remix renders a failure through <Await errorElement>; this only keeps it from being an unhandled rejection meanwhile.
  projection?.catch(() => {})
  return { ended, projection }
}

function Failed() {
  const t = useT()
  return <p role="alert">{t('eventProjection.failed')}</p>
}

export default function EventProjectionPage() {
  const t = useT()
  const { ended, projection } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('sida', String(page))
    return `?${next.toString()}`
  }
  return (
    <section aria-labelledby="projection-heading" className="projection-page">
      <h2 id="projection-heading">{t('eventProjection.title')}</h2>
      <p>{t('eventProjection.intro')}</p>
      {ended || !projection ? (
        <p>{t('eventProjection.ended')}</p>
      ) : (
        <Suspense fallback={<p aria-live="polite">{t('eventProjection.loading')}</p>}>
          <Await resolve={projection} errorElement={<Failed />}>
            {(view) => (
              <>
                <ProjectionBasis view={view} />
                <ProjectionResult view={view} pageLink={pageLink} />
              </>
            )}
          </Await>
        </Suspense>
      )}
    </section>
  )
}

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === 'routes/handelser+/$id')?.data as
    { event?: { title: string; kind: string } } | undefined
  const event = layout?.event
  return [
    pageTitle(matches, (t) =>
      event
        ? `${event.kind === 'exercise' ? `${t('event.exercise')}: ` : ''}${t('eventProjection.meta.event', { event: event.title })}`
        : t('eventProjection.meta.title'),
    ),
  ]
}
