import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SituationView } from '~/components/council/situation-view'
import { PrintButton } from '~/components/ui/print-button'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatDate, formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { compareSnapshots } from '~/modules/council/situation-diff'
import { changeText } from '~/modules/council/situation-words'
import { getPicture, getVersion, versionNumber } from '~/modules/council/situation.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import sourcesStyles from '~/styles/council-sources.css?url'
import weeklyStyles from '~/styles/council-weekly.css?url'

export const links = () => [
  { rel: 'stylesheet', href: weeklyStyles },
  { rel: 'stylesheet', href: sourcesStyles },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.read')
  const picture = await getPicture(db, council.id, requireUuid(params.pictureId))
  if (!picture) throw notFound()
  const found = await getVersion(db, picture.id, versionNumber(params.number))
  if (!found) throw notFound()
  return {
    council: councilRef(council),
    pictureId: picture.id,
    number: found.current.number,
    frozenAt: found.current.frozenAt.toISOString(),
    snapshot: found.current.snapshot,
    changes: found.previous ? compareSnapshots(found.previous.snapshot, found.current.snapshot) : null,
  }
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('situation.version.title', { title: data.snapshot.title, number: data.number }),
}

export default function SituationVersionPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const { snapshot } = loaded
  const base = `/trygghet/${loaded.council.id}/lagesbilder/${loaded.pictureId}`
  return (
    <>
      <p>
        {t('situation.period', {
          from: formatDate(locale, snapshot.periodFrom),
          to: formatDate(locale, snapshot.periodTo),
        })}
        {' · '}
        {t('situation.version.frozen', { date: formatDateTime(locale, loaded.frozenAt) })}
      </p>
      <p className="actions situation-version__tools">
        <PrintButton label={t('situation.version.print')} />
        <a href={`${base}/version/${loaded.number}.pdf`} download>
          {t('situation.version.pdf')}
        </a>
        <Link to={base}>{t('situation.version.back')}</Link>
      </p>
      <section className="council-section" aria-labelledby="changes-heading">
        <h2 id="changes-heading">
          {loaded.number > 1
            ? t('situation.changes.heading', { number: loaded.number - 1 })
            : t('situation.changes.first')}
        </h2>
        {loaded.changes === null ? null : loaded.changes.length === 0 ? (
          <p>{t('situation.changes.none')}</p>
        ) : (
          <ul>
            {loaded.changes.map((change, index) => (
              <li key={index}>{changeText(t, change)}</li>
            ))}
          </ul>
        )}
      </section>
      <SituationView snapshot={snapshot} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('situation.meta.version', {
      picture: data?.snapshot.title ?? t('situation.meta.fallback'),
      number: data?.number ?? '',
    }),
  ),
]
