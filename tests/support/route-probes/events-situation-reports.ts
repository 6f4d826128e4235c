import { eventSituationReports } from '../../../app/db/schema/events'
import type { Probe, Who } from '../../integration/route-access.test'
import { makeEvent } from '../event-factories'
import type { AreaProbes } from './areas'

const leaders: Who[] = ['coordinator', 'duty_officer']

/**
 * Situation reports: frozen reports (the list, one report, its PDF and text)
 * are read by everyone who reads the event; the draft and the mailing are the
 * leaders'. Anyone who may not read the event gets a 404, so that nobody
 * outside learns that it exists.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = []
    for (const [event, readers] of [
      [':situationReportOfOwn', ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']],
      [':situationReportOfOther', leaders],
    ] as const) {
      const base = `/handelser/${event}/lagesrapporter`
      const probe = (
        route: string,
        method: 'GET' | 'POST',
        url: string,
        allowed: readonly Who[],
        number?: string,
      ): Probe => ({
        route,
        method,
        url,
        params: { id: event, ...(number ? { number } : {}) },
        ...(method === 'POST' ? { body: { intent: 'save', version: '1' } } : {}),
        allowed: [...allowed],
        notFoundDenies: true,
      })
      probes.push(
        probe('handelser.$id.lagesrapporter', 'GET', base, readers),
        probe('handelser.$id.lagesrapporter', 'POST', base, leaders),
        probe('handelser.$id.lagesrapporter_.$number', 'GET', `${base}/1`, readers, '1'),
        probe('handelser.$id.lagesrapporter_.$number', 'POST', `${base}/1`, leaders, '1'),
        probe('handelser.$id.lagesrapporter_.$number[.pdf]', 'GET', `${base}/1.pdf`, readers, '1'),
        probe('handelser.$id.lagesrapporter_.$number[.txt]', 'GET', `${base}/1.txt`, readers, '1'),
      )
    }
    return probes
  },
  async setup(db, { own, other }) {
    const withReport = async (organisationId: string) => {
      const event = await makeEvent(db, { organisationIds: [organisationId] })
      await db.insert(eventSituationReports).values({
        eventId: event.id,
        number: 1,
        content: {
          development: 'Utveckling',
          state: 'Tillstånd',
          expected: 'Förväntat',
          measures: 'Åtgärder',
          sender: 'Kommunen',
          situationAt: new Date().toISOString(),
          nextReportAt: '',
          contact: '',
        },
      })
      return event.id
    }
    return { ':situationReportOfOwn': await withReport(own), ':situationReportOfOther': await withReport(other) }
  },
}
