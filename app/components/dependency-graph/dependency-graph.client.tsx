import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type StylesheetJson } from 'cytoscape'
import dagre from 'cytoscape-dagre'
import { useEffect, useMemo, useRef, useState } from 'react'
import { noSectorColour, sectorColours } from '~/components/map/sector-colours'
import { formatNumber } from '~/i18n/format'
import { translator, useLocale } from '~/i18n/i18n'
import type { GraphEdge, GraphNode } from '~/modules/dependency-graph/graph-view'

cytoscape.use(dagre)

const ink = '#1b1f24'
const weakColour = '#b00020'
const edgeColour = '#4a5360'
const resourceColour = '#5c6670'
const MAX_FIT_ZOOM = 1.25

const style: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: ink,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      width: 26,
      height: 26,
      'border-width': 2,
      'border-color': ink,
    },
  },
  { selector: 'node[kind = "service"]', style: { shape: 'round-rectangle', 'background-color': 'data(colour)' } },
  { selector: 'node[?outside]', style: { 'border-style': 'dashed', 'border-width': 3 } },
  {
    selector: 'node[kind = "resource"]',
    style: { shape: 'diamond', 'background-color': resourceColour, width: 30, height: 30, 'font-weight': 'bold' },
  },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#ffbf47', 'overlay-opacity': 0 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'line-color': edgeColour,
      'target-arrow-color': edgeColour,
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      'font-size': 9,
      color: ink,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
    },
  },
  {
    selector: 'edge[?weak]',
    style: { width: 2.5, 'line-style': 'dashed', 'line-color': weakColour, 'target-arrow-color': weakColour },
  },
]

/**
 * The dependency graph drawn by Cytoscape.js with a layered (dagre) layout:
 * services and resources as nodes, an arrow from each service to what it
 * depends on. The canvas is an image to assistive technology (role img with
 * a name); it takes no focus, so the keyboard passes it by, and its zoom is
 * on buttons rather than the mouse wheel, which would trap the page's scroll.
 */
export function DependencyGraph({ nodes, edges }: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const locale = useLocale()
  const t = useMemo(() => translator(locale), [locale])
  const container = useRef<HTMLDivElement>(null)
  const instance = useRef<Core | null>(null)
  const [status, setStatus] = useState('')
  const [selected, setSelected] = useState<string | null>(null)

  const elements = useMemo((): ElementDefinition[] => {
    return [
      ...nodes.map((node) => ({
        data: {
          id: node.id,
          kind: node.kind,
          label: node.kind === 'resource' && node.resource ? t(`resource.${node.resource}`) : node.label,
          colour: node.sector ? sectorColours[node.sector] : noSectorColour,
          outside: node.outside === true,
          description:
            node.kind === 'service' ? `${node.label} (${node.organisation ?? ''})` : t(`resource.${node.resource!}`),
        },
      })),
      ...edges.map((edge) => ({
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          weak: edge.weak !== null,
          label: t('graph.drawing.edgeLabel', {
            copes: formatNumber(locale, edge.copesHours),
            backup: formatNumber(locale, edge.backupHours),
          }),
        },
      })),
    ]
  }, [nodes, edges, locale, t])

  useEffect(() => {
    if (!container.current) return
    const cy = cytoscape({
      container: container.current,
      elements,
      style,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      minZoom: 0.1,
      maxZoom: 3,
    })
    cy.on('tap', 'node', (event) => setSelected(event.target.data('description') as string))
    cy.on('tap', (event) => {
      if (event.target === cy) setSelected(null)
    })
    instance.current = cy
    const layout = cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 140, padding: 20 } as LayoutOptions)
    layout.one('layoutstop', () => {
      // Fitting a small graph would blow it up past legibility.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM)
        cy.center()
      }
      setStatus(t('graph.drawing.status', { nodes: cy.nodes().length, edges: cy.edges().length }))
    })
    layout.run()
    return () => {
      cy.destroy()
      instance.current = null
    }
  }, [elements, t])

  const zoom = (factor: number) => {
    const cy = instance.current
    if (!cy) return
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
  }

  return (
    <div className="graph-drawing">
      <div className="actions graph-drawing__tools">
        <button type="button" className="button button--secondary button--small" onClick={() => zoom(1.25)}>
          {t('graph.drawing.zoomIn')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => zoom(0.8)}>
          {t('graph.drawing.zoomOut')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => instance.current?.fit(undefined, 20)}
        >
          {t('graph.drawing.fit')}
        </button>
      </div>
      <div
        ref={container}
        className="graph-drawing__canvas"
        role="img"
        aria-label={t('graph.drawing.label', { nodes: nodes.length, edges: edges.length })}
      />
      <p className="graph-drawing__status" role="status">
        {status}
        {selected ? ` ${t('graph.drawing.selected', { name: selected })}` : ''}
      </p>
    </div>
  )
}
