import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ReportDocument } from '~/components/rsa/report-document'
import { ClientOnly } from '~/components/ui/client-only'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { swedishToday } from '~/modules/rsa/action-plan'
import { reportData } from '~/modules/rsa/report.server'
import { canManageAnalysis, requireResultsReadable } from '~/modules/rsa/rsa-access.server'
import rsaStyles from '~/styles/rsa.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: rsaStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireResultsReadable(db, user, id)
  return {
    report: await reportData(db, analysis),
    mayEdit: canManageAnalysis(user, analysis),
    printedAt: new Date().toISOString(),
    today: swedishToday(),
  }
}

/** The seven-part report as a document for screen and A4 paper. */
export default function ReportPage() {
  const t = useT()
  const { report, mayEdit, printedAt, today } = useLoaderData<typeof loader>()
  return (
    <div className="page rsa-report-page">
      <div className="rsa-report__tools">
        <Link to={`/rsa/${report.analysis.id}`}>{t('rsa.report.back')}</Link>
        {mayEdit ? <Link to={`/rsa/${report.analysis.id}/berattelse`}>{t('rsa.report.editNarrative')}</Link> : null}
        <a href={`/rsa/${report.analysis.id}/rapport.pdf`} download>
          {t('rsa.report.pdf')}
        </a>
        {/* window.print needs JavaScript: without it the browser's own print command remains. */}
        <ClientOnly>
          {() => (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('rsa.report.print')}
            </button>
          )}
        </ClientOnly>
      </div>
      <ReportDocument report={report} printedAt={printedAt} today={today} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('rsa.meta.report', { analysis: data?.report.analysis.title ?? t('rsa.meta.fallback') })),
]
