import type { Probe, Who } from '../../integration/route-access.test'
import { makeEvent } from '../event-factories'
import type { AreaProbes } from './areas'

/**
 * An event's projection: read by everyone who reads the event (the
 * organisations taking part, the leaders; the county boards), a 404 for
 * anyone else, so that nobody outside learns that the event exists.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = []
    for (const [event, readers] of [
      [':eventProjectionOfOwn', ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']],
      [':eventProjectionOfOther', ['coordinator', 'duty_officer']],
    ] as const) {
      probes.push({
        route: 'handelser.$id.prognos',
        method: 'GET',
        url: `/handelser/${event}/prognos`,
        params: { id: event },
        allowed: [...readers] as Who[],
        notFoundDenies: true,
      })
    }
    return probes
  },
  async setup(db, { own, other }) {
    return {
      ':eventProjectionOfOwn': (await makeEvent(db, { organisationIds: [own], lostResources: ['electricity'] })).id,
      ':eventProjectionOfOther': (await makeEvent(db, { organisationIds: [other], lostResources: ['electricity'] })).id,
    }
  },
}
