import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { analysisTitleOf } from '~/components/rsa/analysis-header'
import { CapabilityTable, FindingsList, RiskMatrix } from '~/components/rsa/compiled-views'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { compiledResults } from '~/modules/rsa/compiled.server'
import { requireResultsReadable } from '~/modules/rsa/rsa-access.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireResultsReadable(db, user, id)
  return {
    scales: {
      likelihoodScale: analysis.likelihoodScale,
      consequenceScale: analysis.consequenceScale,
      capabilityScale: analysis.capabilityScale,
    },
    compiled: await compiledResults(db, analysis),
  }
}

export const handle: SectionHandle<typeof loader> = { heading: 'rsa.results' }

export default function ResultsPage() {
  const t = useT()
  const { scales, compiled } = useLoaderData<typeof loader>()
  const submitted = compiled.progress.reduce((sum, row) => sum + row.submitted, 0)
  return (
    <>
      <p>{t('rsa.resultsIntro', { submitted, total: compiled.events.length * compiled.participants.length })}</p>
      <section className="rsa-section" aria-labelledby="rsa-matrix-heading">
        <h2 id="rsa-matrix-heading">{t('rsa.matrix.title')}</h2>
        <p className="muted">{t('rsa.matrix.explain')}</p>
        <RiskMatrix
          risks={compiled.risks}
          likelihoodScale={scales.likelihoodScale}
          consequenceScale={scales.consequenceScale}
        />
      </section>
      <section className="rsa-section" aria-labelledby="rsa-capability-heading">
        <h2 id="rsa-capability-heading">{t('rsa.capabilityTitle')}</h2>
        <CapabilityTable
          organisations={compiled.participants}
          rows={compiled.capabilities}
          capabilityScale={scales.capabilityScale}
        />
      </section>
      <section className="rsa-section" aria-labelledby="rsa-findings-heading">
        <h2 id="rsa-findings-heading">{t('rsa.findingsTitle')}</h2>
        <FindingsList findings={compiled.findings} capabilityScale={scales.capabilityScale} show="vulnerabilities" />
      </section>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, (t) => t('rsa.meta.results', { analysis: analysisTitleOf(matches) ?? t('rsa.meta.fallback') })),
]
