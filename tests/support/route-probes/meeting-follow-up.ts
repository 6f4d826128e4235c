import type { Database } from '../../../app/db/client.server'
import type { Role } from '../../../app/db/enums'
import { meetingDocuments } from '../../../app/db/schema/meetings'
import type { Probe, Who } from '../../integration/route-access.test'
import { makeActionItem, makeMeeting } from '../factories'
import type { AreaContext, AreaProbes } from './areas'

// The pages during and after a meeting. A meeting the user's organisation is
// not invited to is a 404 (as for a missing one), so 404 counts as a denial.
const MEETING = ':followUpMeetingOfOwn'
const OTHERS_MEETING = ':followUpMeetingOfOther'
const THEME_DAY = ':followUpThemeDayOfOwn'
const DOCUMENT = ':followUpDocumentOfOwn'
const ITEM_OF_OWN = ':followUpItemOfOwn'
const ITEM_OF_OTHER = ':followUpItemOfOther'
const OWN_ORGANISATION = ':followUpOwnOrganisation'
const OTHER_ORGANISATION = ':followUpOtherOrganisation'

const readers: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const coordinator: Who[] = ['coordinator']

function probe(
  route: string,
  method: 'GET' | 'POST',
  meeting: string,
  path: string,
  allowed: Who[],
  extra: Partial<Probe> = {},
): Probe {
  return {
    route,
    method,
    url: `/moten/${meeting}/${path}`,
    params: { id: meeting, ...extra.params },
    ...(method === 'POST' ? { body: extra.body ?? {} } : {}),
    allowed,
    notFoundDenies: true,
  }
}

export const area: AreaProbes = {
  probes() {
    return [
      // Minutes and attendance: invited organisations read, the coordinator writes.
      probe('moten.$id.protokoll', 'GET', MEETING, 'protokoll', readers),
      probe('moten.$id.protokoll', 'GET', OTHERS_MEETING, 'protokoll', coordinator),
      probe('moten.$id.protokoll', 'POST', MEETING, 'protokoll', coordinator, { body: { intent: 'save' } }),
      probe('moten.$id.protokoll', 'POST', MEETING, 'protokoll', coordinator, { body: { intent: 'addAttendance' } }),
      probe('moten.$id.protokoll', 'POST', OTHERS_MEETING, 'protokoll', coordinator, { body: { intent: 'save' } }),
      // Documents: the same; a download for every reader of the meeting.
      probe('moten.$id.dokument', 'GET', MEETING, 'dokument', readers),
      probe('moten.$id.dokument', 'GET', OTHERS_MEETING, 'dokument', coordinator),
      probe('moten.$id.dokument', 'POST', MEETING, 'dokument', coordinator, { body: { intent: 'delete' } }),
      probe('moten.$id_.dokument.$documentId', 'GET', MEETING, `dokument/${DOCUMENT}`, readers, {
        params: { documentId: DOCUMENT },
      }),
      // Evaluation: participants answer, the coordinator records, shares and mails.
      probe('moten.$id.utvardering', 'GET', MEETING, 'utvardering', readers),
      probe('moten.$id.utvardering', 'GET', OTHERS_MEETING, 'utvardering', coordinator),
      probe('moten.$id.utvardering', 'POST', MEETING, 'utvardering', readers, { body: { intent: 'answer' } }),
      probe('moten.$id.utvardering', 'POST', OTHERS_MEETING, 'utvardering', coordinator, {
        body: { intent: 'answer' },
      }),
      // Mail is refused before the evaluation is shared, so the probe sends nothing.
      ...['notes', 'share', 'mail'].map((intent) =>
        probe('moten.$id.utvardering', 'POST', MEETING, 'utvardering', coordinator, { body: { intent } }),
      ),
      // Action items: the coordinator adds and edits; the owner's editor changes the state of their own only.
      probe('moten.$id.atgarder', 'GET', MEETING, 'atgarder', readers),
      probe('moten.$id.atgarder', 'GET', OTHERS_MEETING, 'atgarder', coordinator),
      probe('moten.$id.atgarder', 'POST', MEETING, 'atgarder', coordinator, { body: { intent: 'create' } }),
      probe('moten.$id.atgarder', 'POST', MEETING, 'atgarder', coordinator, {
        body: { intent: 'update', id: ITEM_OF_OWN },
      }),
      probe('moten.$id.atgarder', 'POST', MEETING, 'atgarder', ['coordinator', 'partner_editor'], {
        body: { intent: 'state', id: ITEM_OF_OWN, version: '999', state: 'done' },
      }),
      probe('moten.$id.atgarder', 'POST', MEETING, 'atgarder', coordinator, {
        body: { intent: 'state', id: ITEM_OF_OTHER, version: '999', state: 'done' },
      }),
      // A theme day's findings: an editor writes their own organisation's row, the coordinator every one.
      probe('moten.$id.lardomar', 'GET', THEME_DAY, 'lardomar', readers),
      probe('moten.$id.lardomar', 'POST', THEME_DAY, 'lardomar', ['coordinator', 'partner_editor'], {
        body: { organisationId: OWN_ORGANISATION, version: '999' },
      }),
      probe('moten.$id.lardomar', 'POST', THEME_DAY, 'lardomar', coordinator, {
        body: { organisationId: OTHER_ORGANISATION, version: '999' },
      }),
    ]
  },

  async setup(db: Database, { own, other, userIds }: AreaContext) {
    const createdBy = userIds.get('coordinator' satisfies Role) ?? null
    const meeting = await makeMeeting(db, {
      organiserOrganisationId: other,
      invitedOrganisationIds: [own, other],
      createdBy,
    })
    const othersMeeting = await makeMeeting(db, { organiserOrganisationId: other, invitedOrganisationIds: [other] })
    const themeDay = await makeMeeting(db, {
      organiserOrganisationId: other,
      invitedOrganisationIds: [own, other],
      kind: 'theme_day',
    })
    const [document] = await db
      .insert(meetingDocuments)
      .values({
        meetingId: meeting.id,
        filename: 'a.txt',
        contentType: 'text/plain; charset=utf-8',
        size: 1,
        sha256: '0'.repeat(64),
        content: Buffer.from('a'),
      })
      .returning()
    return {
      [MEETING]: meeting.id,
      [OTHERS_MEETING]: othersMeeting.id,
      [THEME_DAY]: themeDay.id,
      [DOCUMENT]: document!.id,
      [ITEM_OF_OWN]: (await makeActionItem(db, { meetingId: meeting.id, ownerOrganisationId: own })).id,
      [ITEM_OF_OTHER]: (await makeActionItem(db, { meetingId: meeting.id, ownerOrganisationId: other })).id,
      [OWN_ORGANISATION]: own,
      [OTHER_ORGANISATION]: other,
    }
  },
}
