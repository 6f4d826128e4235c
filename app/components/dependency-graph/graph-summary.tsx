import { formatCount } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { DependencyGraphView } from '~/modules/dependency-graph/graph-view'

/** What the chosen scope holds, and how many weak points it has. */
export function GraphSummary({
  view,
}: {
  view: Pick<DependencyGraphView, 'scope' | 'summary' | 'hubs' | 'backups' | 'chains'>
}) {
  const t = useT()
  const locale = useLocale()
  const { scope, summary } = view
  const count = (value: number) => formatCount(locale, value)
  const figures: [string, string, string?][] = [
    [t('graph.summary.services'), count(summary.services)],
    ...(scope.kind === 'area'
      ? []
      : [[t('graph.summary.outside'), count(summary.services - summary.servicesInScope)] as [string, string]]),
    [t('graph.summary.organisations'), count(summary.organisations)],
    [
      t('graph.summary.dependencies'),
      count(summary.dependencies),
      t('graph.summary.dependencySplit', {
        resources: count(summary.onResources),
        services: count(summary.onServices),
      }),
    ],
    [t('graph.summary.hubs'), count(view.hubs.total)],
    [t('graph.summary.backups'), count(view.backups.total)],
    [t('graph.summary.chains'), count(view.chains.total)],
  ]
  return (
    <section aria-labelledby="graph-summary-heading">
      <h2 id="graph-summary-heading">{t('graph.summary.heading')}</h2>
      <p>
        {scope.kind === 'area'
          ? t('graph.scope.current.area')
          : scope.kind === 'organisation'
            ? t('graph.scope.current.organisation', { organisation: scope.organisation.name })
            : t('graph.scope.current.network', { network: scope.network.name, members: count(scope.members) })}
      </p>
      <dl className="scenario-counts">
        {figures.map(([label, value, note]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            {note ? <dd className="graph-summary__note">{note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  )
}
