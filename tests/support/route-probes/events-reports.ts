import type { Probe, Who } from '../../integration/route-access.test'
import { makeEvent } from '../event-factories'
import { recordProbes, type AreaProbes } from './areas'

const everyone: Who[] = [
  'anonymous',
  'coordinator',
  'duty_officer',
  'partner_editor',
  'council_member',
  'informant',
  'viewer',
]
const leaders: Who[] = ['coordinator', 'duty_officer']
/** Who reports for the own organisation while it takes part: its editors, and the leaders for their own organisation. */
const reporters: Who[] = ['coordinator', 'duty_officer', 'partner_editor']

/**
 * Status reports, the call-out and the call list. Reporting is for one's own
 * organisation while it takes part (an event the own organisation does not
 * take part in has nothing to report for, and others see no event: 404); the
 * call-out and the call list are the leaders'. The posts change nothing the
 * other probes look at: a report form with no rows files nothing (400), a
 * call without a route is refused (400), a call-out only mails. The status
 * link takes a secret instead of a session: an unknown one is a 404 page.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = [
      {
        route: 'lagesrapport.$token',
        method: 'GET',
        url: '/lagesrapport/x',
        params: { token: 'x' },
        allowed: everyone,
      },
      {
        route: 'lagesrapport.$token',
        method: 'POST',
        url: '/lagesrapport/x',
        params: { token: 'x' },
        body: { organisationId: ':own' },
        allowed: everyone,
      },
    ]
    for (const [event, ownTakesPart] of [
      [':eventReportsOfOwn', true],
      [':eventReportsOfOther', false],
    ] as const) {
      const base = `/handelser/${event}`
      const probe = recordProbes({ id: event })
      probes.push(
        probe('handelser.$id.rapportera', 'GET', `${base}/rapportera`, ownTakesPart ? reporters : []),
        probe('handelser.$id.rapportera', 'GET', `${base}/rapportera?organisation=:other`, []),
        probe('handelser.$id.rapportera', 'POST', `${base}/rapportera`, ownTakesPart ? reporters : [], {
          organisationId: ':own',
        }),
        // Never for another organisation, whatever the form says.
        probe('handelser.$id.rapportera', 'POST', `${base}/rapportera`, [], { organisationId: ':other' }),
        probe('handelser.$id.utlarmning', 'GET', `${base}/utlarmning`, leaders),
        probe('handelser.$id.utlarmning', 'POST', `${base}/utlarmning`, leaders, { intent: 'call' }),
        probe('handelser.$id.utlarmning', 'POST', `${base}/utlarmning`, leaders, { intent: 'callout' }),
      )
    }
    return probes
  },
  async setup(db, { own, other }) {
    return {
      ':eventReportsOfOwn': (await makeEvent(db, { organisationIds: [own] })).id,
      ':eventReportsOfOther': (await makeEvent(db, { organisationIds: [other] })).id,
    }
  },
}
