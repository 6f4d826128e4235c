import type { ServiceState } from '~/modules/scenarios/engine'

/** The map's colour per state; the legend and the list say the state in words too. */
export const stateColours: Record<ServiceState, string> = {
  normal: '#1a5fb4',
  backup: '#e5a50a',
  degraded: '#c64600',
  failed: '#a51d2d',
  recovered: '#26a269',
}

export const serviceStates: ServiceState[] = ['normal', 'backup', 'degraded', 'failed', 'recovered']
