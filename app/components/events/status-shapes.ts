import type { ServiceStatus } from '~/db/enums'

// A status is told by its shape (and its word), never by colour alone: the
// fill is the service's sector colour, as on the registry's map. Paths are
// drawn in a 20 × 20 box.
export const statusShapes: Record<ServiceStatus, string> = {
  normal: 'M10 3a7 7 0 1 1 0 14a7 7 0 1 1 0-14z',
  restored: 'M10 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16zM10 7a3 3 0 1 0 0 6a3 3 0 1 0 0-6z',
  degraded: 'M10 1.5L18.5 10L10 18.5L1.5 10z',
  backup: 'M3 3h14v14h-14z',
  failed: 'M10 1.5L19 18h-18z',
}

export const STATUS_OUTLINE = '#1b1b1b'

/** The marker as SVG markup, for Leaflet's HTML icons. */
export function statusSvg(status: ServiceStatus, fill: string, size = 20): string {
  const width = status === 'failed' ? 2.5 : 1.5
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="${statusShapes[status]}" fill="${fill}" fill-rule="evenodd" stroke="${STATUS_OUTLINE}" stroke-width="${width}" stroke-linejoin="round"/></svg>`
}
