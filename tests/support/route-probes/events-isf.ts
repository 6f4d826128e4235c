import type { Probe, Who } from '../../integration/route-access.test'
import { makeEvent } from '../event-factories'
import { makeMeeting } from '../factories'
import { recordProbes, type AreaProbes } from './areas'

const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const leaders: Who[] = ['coordinator', 'duty_officer']

/**
 * An event's ISF conferences and their minutes: read by whoever reads the
 * event; convened and minuted by the coordinator and duty officers, also in
 * an event their organisation does not take part in. For anyone else the
 * event does not exist (404). The posts are incomplete, so an allowed leader
 * gets 400 and nothing is written.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = []
    for (const [event, meeting, readers] of [
      [':isfEventOfOwn', ':isfMeetingOfOwn', networkReaders],
      [':isfEventOfOther', ':isfMeetingOfOther', leaders],
    ] as const) {
      const probe = recordProbes({ id: event, meetingId: meeting })
      const list = `/handelser/${event}/isf`
      const minutes = `${list}/${meeting}`
      probes.push(
        probe('handelser.$id.isf', 'GET', list, readers),
        probe('handelser.$id.isf', 'POST', list, leaders, { intent: 'convene', when: 'at', date: '', time: '' }),
        probe('handelser.$id.isf_.$meetingId', 'GET', minutes, readers),
        probe('handelser.$id.isf_.$meetingId', 'POST', minutes, leaders, { intent: 'minutes' }),
        probe('handelser.$id.isf_.$meetingId', 'POST', minutes, leaders, { intent: 'decision', kind: 'decision' }),
      )
    }
    return probes
  },
  async setup(db, { own, other }) {
    const conference = async (organisationId: string) => {
      const event = await makeEvent(db, { organisationIds: [organisationId] })
      const meeting = await makeMeeting(db, {
        organiserOrganisationId: organisationId,
        invitedOrganisationIds: [organisationId],
        kind: 'isf_conference',
        title: 'ISF-konferens 1: Prov',
        eventId: event.id,
      })
      return { event: event.id, meeting: meeting.id }
    }
    const mine = await conference(own)
    const theirs = await conference(other)
    return {
      ':isfEventOfOwn': mine.event,
      ':isfMeetingOfOwn': mine.meeting,
      ':isfEventOfOther': theirs.event,
      ':isfMeetingOfOther': theirs.meeting,
    }
  },
}
