import type { Probe, Who } from '../../integration/route-access.test'
import { createNetwork } from '../../../app/modules/registry/networks.server'
import type { AreaProbes } from './areas'

const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']

/**
 * The pickers' searches as the user types: organisations (and a network's
 * members) and sites for every network reader, who may read the directory
 * and the map anyway; people only for the coordinator, who convenes
 * meetings; user accounts only for who reads the change log (the coordinator).
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = [
      {
        route: 'organisationer.sok',
        method: 'GET',
        url: '/organisationer/sok?q=organisation',
        allowed: networkReaders,
      },
      {
        route: 'organisationer.sok',
        method: 'GET',
        url: '/organisationer/sok?natverk=:pickerNetwork',
        allowed: networkReaders,
      },
      { route: 'personer.sok', method: 'GET', url: '/personer/sok?q=anna', allowed: ['coordinator'] },
      { route: 'platser.sok', method: 'GET', url: '/platser/sok?q=vattenverk', allowed: networkReaders },
      { route: 'anvandare.sok', method: 'GET', url: '/anvandare/sok?q=anna', allowed: ['coordinator'] },
    ]
    return probes
  },
  async setup(db) {
    const network = await createNetwork(db, {
      actorId: null,
      name: 'Väljarens nätverk',
      description: '',
      coordinatorOrganisationId: null,
    })
    return { ':pickerNetwork': network.id }
  },
}
