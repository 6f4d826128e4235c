import type { Probe, Who } from '../../integration/route-access.test'
import { makeMeeting } from '../factories'
import { recordProbes, type AreaProbes } from './areas'

const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const everyone: Who[] = ['anonymous', 'coordinator', 'duty_officer', 'partner_editor', 'council_member', 'informant', 'viewer']

/**
 * Meetings: the list for every network reader, convening for the coordinator.
 * A meeting is read by the members of the organisations invited to it (the
 * other organisation's is a 404); an editor answers for their own invited
 * organisation; only the coordinator changes, reminds and cancels. The
 * answer link and the calendar feed take a secret instead of a session.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = [
      { route: 'moten._index', method: 'GET', url: '/moten', allowed: networkReaders },
      {
        route: 'moten._index',
        method: 'POST',
        url: '/moten',
        body: { intent: 'calendarFeed' },
        allowed: networkReaders,
      },
      { route: 'moten.ny', method: 'GET', url: '/moten/ny', allowed: ['coordinator'] },
      { route: 'moten.ny', method: 'POST', url: '/moten/ny', body: {}, allowed: ['coordinator'] },
      { route: 'moten.svar.$token', method: 'GET', url: '/moten/svar/x', params: { token: 'x' }, allowed: everyone },
      { route: 'kalender.$token', method: 'GET', url: '/kalender/x', params: { token: 'x' }, allowed: everyone },
      {
        route: 'admin.utkorg.$id.kalender',
        method: 'GET',
        url: '/admin/utkorg/00000000-0000-4000-8000-000000000000/kalender',
        params: { id: '00000000-0000-4000-8000-000000000000' },
        allowed: ['coordinator'],
      },
    ]
    for (const [meeting, readers] of [
      [':meetingOfOwn', networkReaders],
      [':meetingOfOther', ['coordinator']],
    ] as const) {
      const base = `/moten/${meeting}`
      const probe = recordProbes({ id: meeting })
      const answer = { intent: 'answer', answer: 'attending', attendees: 'Anna', version: '1' }
      probes.push(
        // The meeting's layout: its header for every page under it, for whoever reads the meeting.
        probe('moten.$id', 'GET', base, readers),
        probe('moten.$id', 'GET', `${base}/protokoll`, readers),
        probe('moten.$id._index', 'GET', base, readers),
        // Answers only for an invited organisation: the own one to the first meeting, the other to the second.
        // The coordinator may record any invited organisation's answer (one given by phone).
        probe('moten.$id._index', 'POST', base, meeting === ':meetingOfOwn' ? ['coordinator', 'partner_editor'] : [], {
          ...answer,
          organisationId: ':own',
        }),
        probe('moten.$id._index', 'POST', base, meeting === ':meetingOfOther' ? ['coordinator'] : [], {
          ...answer,
          organisationId: ':other',
        }),
        probe('moten.$id._index', 'POST', base, ['coordinator'], { intent: 'remind' }),
        probe('moten.$id.redigera', 'GET', `${base}/redigera`, ['coordinator']),
        probe('moten.$id.redigera', 'POST', `${base}/redigera`, ['coordinator'], { intent: 'save' }),
      )
    }
    return probes
  },
  async setup(db, { own, other }) {
    return {
      ':meetingOfOwn': (await makeMeeting(db, { organiserOrganisationId: other, invitedOrganisationIds: [own] })).id,
      ':meetingOfOther': (await makeMeeting(db, { organiserOrganisationId: other, invitedOrganisationIds: [other] }))
        .id,
    }
  },
}
