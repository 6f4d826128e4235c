import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { DependencyTable } from '~/components/dependency-graph/dependency-table'
import { GraphPanel } from '~/components/dependency-graph/graph-panel'
import { ScopeForm } from '~/components/dependency-graph/scope-form'
import { GraphSummary } from '~/components/dependency-graph/graph-summary'
import { WeakPointLists } from '~/components/dependency-graph/weak-points'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import { parseGraphSearch, TABLE_PAGE_SIZE } from '~/modules/dependency-graph/graph-view'
import {
  listScopeChoices,
  loadDependencyGraphView,
  resolveGraphScope,
} from '~/modules/dependency-graph/graph-view.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'network.read')
  const search = new URL(request.url).searchParams
  const { query, page } = parseGraphSearch(search)
  const db = await getDb()
  const { picking, pickers } = await pickerStates(
    db,
    request,
    { organisation: { kind: 'organisation', single: true } },
    search,
  )
  // A search without JavaScript may come before an organisation is chosen: meanwhile the whole area is shown.
  const scope = await resolveGraphScope(db, picking && query.kind !== 'area' && !query.id ? { kind: 'area' } : query)
  const [view, choices] = await Promise.all([
    loadDependencyGraphView(db, scope, { page, pageSize: TABLE_PAGE_SIZE }),
    listScopeChoices(db),
  ])
  return { view, choices, checked: query.kind, organisationPicker: pickers.organisation }
}

export default function DependenciesPage() {
  const t = useT()
  const { view, choices, checked, organisationPicker } = useLoaderData<typeof loader>()
  const location = useLocation()
  return (
    <div className="page graph-page">
      <h1>{t('graph.title')}</h1>
      <p>{t('graph.intro')}</p>
      <ScopeForm
        key={location.search}
        scope={view.scope}
        checked={checked}
        networks={choices.networks}
        organisationPicker={organisationPicker}
      />
      <GraphSummary view={view} />
      <WeakPointLists view={view} />
      <GraphPanel graph={view.graph} />
      <DependencyTable table={view.table} search={location.search} />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'graph.title')]
