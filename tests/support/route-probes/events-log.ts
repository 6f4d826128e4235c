import type { Probe, Who } from '../../integration/route-access.test'
import { makeEvent } from '../event-factories'
import { recordProbes, type AreaProbes } from './areas'

const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const leaders: Who[] = ['coordinator', 'duty_officer']

/**
 * The event log, its CSV file and the key messages: read by whoever reads the
 * event; written by the editors of taking-part organisations for their own,
 * and by the coordinator and duty officers for the municipality, also in an
 * event their organisation does not take part in. For anyone else the event
 * does not exist (404). The posts carry no text, so an allowed writer gets
 * 400 and nothing is written; a forged "delete" is refused with 400 too.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = []
    for (const [event, readers, writers] of [
      [':eventLogOfOwn', networkReaders, ['coordinator', 'duty_officer', 'partner_editor']],
      [':eventLogOfOther', leaders, leaders],
    ] as const) {
      const probe = recordProbes({ id: event })
      const log = `/handelser/${event}/logg`
      const messages = `/handelser/${event}/budskap`
      probes.push(
        probe('handelser.$id.logg', 'GET', log, readers),
        probe('handelser.$id.logg', 'GET', `${log}?visa=utskrift`, readers),
        probe('handelser.$id.logg', 'POST', log, writers, { intent: 'write', kind: 'observation' }),
        probe('handelser.$id.logg', 'POST', log, writers, {
          intent: 'delete',
          entryId: '00000000-0000-4000-8000-000000000000',
        }),
        probe('handelser.$id.logg[.csv]', 'GET', `${log}.csv`, readers),
        probe('handelser.$id.budskap', 'GET', messages, readers),
        probe('handelser.$id.budskap', 'POST', messages, writers, { intent: 'publish' }),
      )
    }
    return probes
  },
  async setup(db, { own, other }) {
    return {
      ':eventLogOfOwn': (await makeEvent(db, { organisationIds: [own] })).id,
      ':eventLogOfOther': (await makeEvent(db, { organisationIds: [other] })).id,
    }
  },
}
