import type { Probe, Who } from '../../integration/route-access.test'
import { makeEvent } from '../event-factories'
import { recordProbes, type AreaProbes } from './areas'

const signedIn: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'informant', 'viewer']
const readersOfOwn: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const leaders: Who[] = ['coordinator', 'duty_officer']

/**
 * The event room's core: the list for everyone signed in (it shows only what
 * each may read), declaring for the coordinator and duty officers. An event
 * is read by the members of the organisations taking part (not informants)
 * and by the leaders; anyone else gets 404. Leading it (level, who takes
 * part, the end) is the leaders'. The posts carry nothing that changes the
 * event, so every probe finds it as it was made.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = [
      { route: 'handelser._index', method: 'GET', url: '/handelser', allowed: signedIn },
      { route: 'handelser.ny', method: 'GET', url: '/handelser/ny', allowed: leaders },
      { route: 'handelser.ny', method: 'POST', url: '/handelser/ny', body: {}, allowed: leaders },
    ]
    for (const [event, readers] of [
      [':eventCoreOfOwn', readersOfOwn],
      [':eventCoreOfOther', leaders],
    ] as const) {
      const base = `/handelser/${event}`
      const probe = recordProbes({ id: event })
      probes.push(
        probe('handelser.$id', 'GET', base, readers),
        probe('handelser.$id._index', 'GET', base, readers),
        probe('handelser.$id._index', 'GET', `${base}?status=backup`, readers),
        probe('handelser.$id.ledning', 'GET', `${base}/ledning`, leaders),
        // The level it already has: allowed, and nothing changes.
        probe('handelser.$id.ledning', 'POST', `${base}/ledning`, leaders, {
          intent: 'level',
          level: 'staff',
          version: '1',
        }),
        probe('handelser.$id.ledning', 'POST', `${base}/ledning`, leaders, { intent: 'organisations', version: '1' }),
        // Not confirmed: a 400 for a leader, the event goes on.
        probe('handelser.$id.ledning', 'POST', `${base}/ledning`, leaders, { intent: 'end', version: '1' }),
      )
    }
    return probes
  },
  async setup(db, { own, other }) {
    return {
      ':eventCoreOfOwn': (await makeEvent(db, { organisationIds: [own] })).id,
      ':eventCoreOfOther': (await makeEvent(db, { organisationIds: [other] })).id,
    }
  },
}
