import { lazy, Suspense } from 'react'
import { sectorColours } from '~/components/map/sector-colours'
import { ClientOnly } from '~/components/ui/client-only'
import { sectors } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { GRAPH_NODE_LIMIT, type GraphDrawing } from '~/modules/dependency-graph/graph-view'

const DependencyGraph = lazy(() =>
  import('./dependency-graph.client').then((module) => ({ default: module.DependencyGraph })),
)

function GraphLegend() {
  const t = useT()
  return (
    <div className="graph-legend">
      <h3 className="h3">{t('graph.legend.heading')}</h3>
      <ul className="graph-legend__list">
        {sectors.map((sector) => (
          <li key={sector}>
            <span className="graph-swatch" style={{ background: sectorColours[sector] }} aria-hidden="true" />
            {t(`sector.${sector}`)}
          </li>
        ))}
        <li>
          <span className="graph-swatch graph-swatch--resource" aria-hidden="true" />
          {t('graph.legend.resource')}
        </li>
        <li>
          <span className="graph-swatch graph-swatch--outside" aria-hidden="true" />
          {t('graph.legend.outside')}
        </li>
        <li>
          <span className="graph-swatch graph-swatch--weak" aria-hidden="true" />
          {t('graph.legend.weak')}
        </li>
      </ul>
    </div>
  )
}

/**
 * The drawing, loaded and drawn only in the browser (Cytoscape touches
 * `window`); until then, without JavaScript, or for a graph too large to
 * draw, a box says that the table holds the same content.
 */
export function GraphPanel({ graph }: { graph: GraphDrawing }) {
  const t = useT()
  const fallback = (
    <div className="graph-drawing">
      <p className="graph-drawing__status">{t('graph.drawing.notYet')}</p>
      <div className="graph-drawing__canvas graph-drawing__canvas--placeholder" />
    </div>
  )
  return (
    <section aria-labelledby="graph-drawing-heading" className="graph-panel">
      <h2 id="graph-drawing-heading">{t('graph.drawing.heading')}</h2>
      {!graph.drawn ? (
        <p className="notice">{t('graph.drawing.tooLarge', { count: graph.nodeCount, limit: GRAPH_NODE_LIMIT })}</p>
      ) : graph.nodes.length === 0 ? (
        <p>{t('graph.drawing.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('graph.drawing.help')}</p>
          <ClientOnly fallback={fallback}>
            {() => (
              <Suspense fallback={fallback}>
                <DependencyGraph nodes={graph.nodes} edges={graph.edges} />
              </Suspense>
            )}
          </ClientOnly>
          <GraphLegend />
        </>
      )}
    </section>
  )
}
