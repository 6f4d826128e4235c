import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { MeetingEntryForms, OwnEntryForm } from '~/components/mandate/grant-entry-forms'
import { GrantCategoryTables, GrantTotalsTable } from '~/components/mandate/grant-tables'
import { GrantYearNav } from '~/components/mandate/grant-year-nav'
import { PrintButton } from '~/components/ui/print-button'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import {
  loadGrantReportPage,
  requireReportYear,
  runGrantReportAction,
  type GrantActionResult,
} from '~/modules/mandate/grant-page.server'
import { requireManageablePeriod, requireReadablePeriod } from '~/modules/mandate/mandate-access.server'
import grantStyles from '~/styles/grant-report.css?url'

// The yearly report on the use of the state grant: what the portal knows of
// the year by MSB's categories, with the coordinator's own entries and hours
// and costs; printable, and as CSV. Read by the period's readers, changed by
// the coordinator.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: grantStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireReadablePeriod(db, user, id)
  const year = requireReportYear(period, params.year)
  return loadGrantReportPage(db, user, period, year, new URL(request.url))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const year = requireReportYear(period, params.year)
  return runGrantReportAction(db, user, period, year, request)
}

export default function GrantReportPage() {
  const t = useT()
  const page = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>() as GrantActionResult | undefined
  const base = `/mandatperiod/${page.periodId}/ersattning/${page.year}`
  // A refused change keeps its form open, also when it was posted without ?andra.
  const refused =
    outcome && outcome.kind !== 'saved' && outcome.form.startsWith('entry:') ? outcome.form.slice(6) : null
  const editing = page.ownEntries.find((entry) => entry.entryId === (refused ?? page.editingId)) ?? null
  const ownCount = page.ownEntries.length
  return (
    <section aria-labelledby="grant-heading" className="grant-report">
      <h2 id="grant-heading">{t('grantReport.heading', { year: page.year })}</h2>
      <GrantYearNav periodId={page.periodId} years={page.years} year={page.year} />
      <p className="grant-report__intro">{t('grantReport.intro', { year: page.year })}</p>
      <div className="actions grant-report__tools">
        <PrintButton label={t('grantReport.print')} />
        <a href={`${base}.csv`} download={`ersattning-${page.year}.csv`}>
          {t('grantReport.csvLink')}
        </a>
      </div>
      {outcome?.kind === 'saved' ? <FormMessage kind="success">{t(outcome.notice)}</FormMessage> : null}

      <h3>{t('grantReport.activities')}</h3>
      <GrantCategoryTables groups={page.groups} year={page.year} base={base} manage={page.manage} />

      <h3>{t('grantReport.totals')}</h3>
      <GrantTotalsTable totals={page.totals} year={page.year} />

      {page.manage ? (
        <div className="grant-report__forms">
          <MeetingEntryForms
            action={base}
            meetings={page.meetingForms.map((meeting) => ({
              ...meeting,
              kind: t(`meeting.kind.${meeting.meetingKind}`),
            }))}
            outcome={outcome}
          />
          <OwnEntryForm action={base} year={page.year} editing={editing} created={ownCount} outcome={outcome} />
        </div>
      ) : null}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('grantReport.metaTitle', { year: data?.year ?? '' })),
]
