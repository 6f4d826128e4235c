import type { Probe, Who } from '../../integration/route-access.test'
import { eventEvaluations } from '../../../app/db/schema/events'
import { makeEvent } from '../event-factories'
import { recordProbes, type AreaProbes } from './areas'

const readersOfOwn: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const leaders: Who[] = ['coordinator', 'duty_officer']
const writersOfOwn: Who[] = ['coordinator', 'duty_officer', 'partner_editor']

/**
 * The evaluation of an ended event: the page for whoever reads the event;
 * the report's PDF for the leaders, and for the event's readers once the
 * report is shared. Answering is for the editors of a taking-part
 * organisation (and the leaders, when theirs takes part); everything else
 * posted is the leaders'. Anyone outside the event gets 404. The posts carry
 * no version, so an allowed user gets 400 and nothing is written.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = []
    const probe = (
      event: string,
      route: string,
      method: 'GET' | 'POST',
      url: string,
      allowed: readonly Who[],
      body?: Record<string, string>,
    ): Probe => recordProbes({ id: event })(route, method, url, allowed, body)
    for (const [event, readers, writers] of [
      [':eventEvaluationOfOwn', readersOfOwn, writersOfOwn],
      [':eventEvaluationOfOther', leaders, []],
    ] as const) {
      const base = `/handelser/${event}/utvardering`
      probes.push(
        probe(event, 'handelser.$id.utvardering', 'GET', base, readers),
        probe(event, 'handelser.$id.utvardering', 'POST', base, leaders, { intent: 'summary' }),
        probe(event, 'handelser.$id.utvardering', 'POST', base, leaders, { intent: 'share' }),
        probe(event, 'handelser.$id.utvardering', 'POST', base, writers, { intent: 'answer' }),
        probe(event, 'handelser.$id.utvardering[.pdf]', 'GET', `${base}.pdf`, readers),
      )
    }
    // Before it is shared, the report is the leaders' alone.
    probes.push(
      probe(
        ':eventEvaluationUnshared',
        'handelser.$id.utvardering[.pdf]',
        'GET',
        '/handelser/:eventEvaluationUnshared/utvardering.pdf',
        leaders,
      ),
    )
    return probes
  },
  async setup(db, { own, other }) {
    const ended = { endedAt: new Date(Date.now() - 60_000) }
    const ofOwn = await makeEvent(db, { organisationIds: [own], ...ended })
    const ofOther = await makeEvent(db, { organisationIds: [other], ...ended })
    const unshared = await makeEvent(db, { organisationIds: [own], ...ended })
    await db
      .insert(eventEvaluations)
      .values([
        { eventId: ofOwn.id, sharedAt: new Date() },
        { eventId: ofOther.id, sharedAt: new Date() },
        { eventId: unshared.id },
      ])
    return {
      ':eventEvaluationOfOwn': ofOwn.id,
      ':eventEvaluationOfOther': ofOther.id,
      ':eventEvaluationUnshared': unshared.id,
    }
  },
}
