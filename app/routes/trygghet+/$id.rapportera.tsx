import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { inArray } from 'drizzle-orm'
import { ReportForm } from '~/components/council/report-form'
import { FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getEnv } from '~/config/env.server'
import { organisations } from '~/db/schema/organisations'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { offlineLifetime } from '~/modules/auth/offline-lifetime.server'
import { requireReportingCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { emptyReportValues, reportSchema } from '~/modules/council/report-form'
import { activeCategories, areaNames, createReport } from '~/modules/council/reports.server'
import { parseForm } from '~/modules/forms/parse-form'
import leafletStyles from 'leaflet/dist/leaflet.css?url'
import { readFormData } from '~/modules/http/form-data.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

export const links = () => [{ rel: 'stylesheet', href: leafletStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council, organisationIds } = await requireReportingCouncil(request, params)
  const env = getEnv()
  const [reportingFor, categories, areas] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, organisationIds))
      .orderBy(organisations.name),
    activeCategories(db, council.id),
    areaNames(db, council.id),
  ])
  return {
    council: councilRef(council),
    userId: user.id,
    organisations: reportingFor,
    categories,
    areas,
    values: emptyReportValues(new Date(), reportingFor.length === 1 ? reportingFor[0]!.id : ''),
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    lifetime: await offlineLifetime(request),
  }
}

/**
 * The session ended while the report was typed: a 401 the form understands
 * (it keeps the report in the page and says so) instead of the error page,
 * carrying the guard's headers that clear the cookie and the offline data.
 */
async function reportingCouncilOrSignedOut(request: Request, params: { id?: string }) {
  try {
    return await requireReportingCouncil(request, params)
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 401) {
      return data({ signedOut: true as const, errors: {}, values: {} }, { status: 401, headers: thrown.headers })
    }
    throw thrown
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await reportingCouncilOrSignedOut(request, params)
  if (!('council' in access)) return access
  const { user, db, council, organisationIds } = access
  const parsed = parseForm(reportSchema(new Date()), await readFormData(request))
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors }
  if (parsed.ok && !organisationIds.includes(parsed.data.organisationId)) errors.organisationId = 'validation.choose'
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return data({ errors, values: parsed.values }, { status: 400 })
  }
  const created = await createReport(db, { councilId: council.id, reporterId: user.id, input: parsed.data })
  if (!created.ok) return data({ errors: { [created.field]: created.message }, values: parsed.values }, { status: 400 })
  throw redirectWithNotice(`/trygghet/${council.id}/mina-rapporter`, saved('council.report.sent'))
}

export const handle: SectionHandle<typeof loader> = { heading: 'council.report.title' }

export default function ReportPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p className="report-page__intro">{t('council.report.intro')}</p>
      {loaded.categories.length === 0 ? (
        <FormMessage kind="info">{t('council.report.noCategories')}</FormMessage>
      ) : (
        <ReportForm
          councilId={loaded.council.id}
          userId={loaded.userId}
          organisations={loaded.organisations}
          categories={loaded.categories}
          areas={loaded.areas}
          tiles={loaded.tiles}
          initial={{ ...loaded.values, ...(actionData?.values ?? {}) }}
          errors={actionData?.errors ?? {}}
          fromServer={actionData !== undefined}
          lifetime={loaded.lifetime}
          signedOut={actionData !== undefined && 'signedOut' in actionData}
        />
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('council.meta.reportNew', { council: data?.council.name ?? t('council.meta.fallback') })),
]
