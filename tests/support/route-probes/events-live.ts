import type { Probe, Who } from '../../integration/route-access.test'
import { makeEvent } from '../event-factories'
import type { AreaProbes } from './areas'

const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']

/**
 * The live stream of an event page: for whoever reads the event (the members
 * of the taking-part organisations, the coordinator and duty officers); for
 * anyone else the event does not exist (404).
 */
export const area: AreaProbes = {
  probes() {
    return (
      [
        [':eventLiveOfOwn', networkReaders],
        [':eventLiveOfOther', ['coordinator', 'duty_officer']],
      ] as const
    ).map(([event, allowed]): Probe => ({
      route: 'handelser.$id.strom',
      method: 'GET',
      url: `/handelser/${event}/strom?alder=1000`,
      params: { id: event },
      allowed: [...allowed],
      notFoundDenies: true,
    }))
  },
  async setup(db, { own, other }) {
    return {
      ':eventLiveOfOwn': (await makeEvent(db, { organisationIds: [own] })).id,
      ':eventLiveOfOther': (await makeEvent(db, { organisationIds: [other] })).id,
    }
  },
}
