import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { meetingOrganisations } from '../../app/db/schema/meetings'
import * as startPage from '../../app/routes/_index'
import * as meetingPage from '../../app/routes/moten+/$id._index'
import * as actionItemsPage from '../../app/routes/moten+/$id.atgarder'
import { getRequest, makeActionItem, makeMeeting, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// An action item is shown only to those who may read the meeting it was
// agreed at, on every page that lists items: a later meeting's follow-up
// (its page and its action-item page) and the owner's start page.

interface Listed {
  id: string
  title: string
}

describe('who sees an action item', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let bostader: { id: string }
  let solor: { id: string }
  let bostaderEditor: { cookie: string }
  let solorEditor: { cookie: string }
  let municipalityViewer: { cookie: string }
  let closed: { id: string }
  let both: { id: string }
  let solorOnly: { id: string }
  let bostadersOwn: { title: string }

  const user = async (role: Role, organisationId: string) => {
    const made = await makeUser(db(), { role, organisationId })
    return { id: made.id, cookie: (await signedIn(db(), made.id)).cookie }
  }
  const earlierOnMeetingPage = async (cookie: string, id: string) =>
    (await callRoute<{ earlierItems: Listed[] }>(meetingPage.loader, getRequest(`/moten/${id}`, cookie), { id }))
      .body!.earlierItems.map((item) => item.title)
      .sort()
  const earlierOnActionItemsPage = async (cookie: string, id: string) =>
    (
      await callRoute<{ earlier: Listed[] }>(actionItemsPage.loader, getRequest(`/moten/${id}/atgarder`, cookie), {
        id,
      })
    )
      .body!.earlier.map((item) => item.title)
      .sort()
  const onStartPage = async (cookie: string) =>
    (await callRoute<{ actionItems: Listed[] | null }>(startPage.loader, getRequest('/', cookie)))
      .body!.actionItems!.map((item) => item.title)
      .sort()

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    bostader = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    solor = await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })
    await user('coordinator', municipality.id)
    bostaderEditor = await user('partner_editor', bostader.id)
    solorEditor = await user('partner_editor', solor.id)
    municipalityViewer = await user('viewer', municipality.id)
    // A closed meeting of the municipality and Bostäder only, held before the others.
    closed = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [bostader.id],
      title: 'Slutet möte',
      startsAt: new Date('2026-01-10T09:00:00Z'),
      endsAt: new Date('2026-01-10T11:00:00Z'),
    })
    await makeActionItem(db(), {
      meetingId: closed.id,
      ownerOrganisationId: municipality.id,
      title: 'Kommunens interna åtgärd',
    })
    bostadersOwn = await makeActionItem(db(), {
      meetingId: closed.id,
      ownerOrganisationId: bostader.id,
      title: 'Bostäders åtgärd från det slutna mötet',
    })
    both = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [bostader.id, solor.id],
      title: 'Nätverksmöte',
    })
    solorOnly = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [solor.id],
      title: 'Möte med Solör',
    })
  })

  it('a later meeting does not show another organisation the items of a meeting it was not invited to', async () => {
    expect(await earlierOnMeetingPage(solorEditor.cookie, both.id)).toEqual([])
    expect(await earlierOnActionItemsPage(solorEditor.cookie, both.id)).toEqual([])
  })

  it("nor the organiser's items, though the organiser takes part in every meeting it organises", async () => {
    expect(await earlierOnMeetingPage(solorEditor.cookie, solorOnly.id)).toEqual([])
    expect(await earlierOnActionItemsPage(solorEditor.cookie, solorOnly.id)).toEqual([])
  })

  it('those who may read the earlier meeting still see its open items at the next one', async () => {
    const titles = ['Bostäders åtgärd från det slutna mötet', 'Kommunens interna åtgärd']
    expect(await earlierOnMeetingPage(bostaderEditor.cookie, both.id)).toEqual(titles)
    expect(await earlierOnActionItemsPage(bostaderEditor.cookie, both.id)).toEqual(titles)
    expect(await earlierOnMeetingPage(municipalityViewer.cookie, both.id)).toEqual(titles)
    expect(await earlierOnMeetingPage(municipalityViewer.cookie, solorOnly.id)).toEqual(['Kommunens interna åtgärd'])
  })

  it('the start page and later meetings drop an item of a meeting its owner is no longer invited to', async () => {
    const dropped = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [bostader.id],
      title: 'Möte där Bostäder tas bort',
      startsAt: new Date('2026-02-01T09:00:00Z'),
      endsAt: new Date('2026-02-01T11:00:00Z'),
    })
    const gone = 'Åtgärd från ett möte Bostäder inte längre är inbjuden till'
    await makeActionItem(db(), { meetingId: dropped.id, ownerOrganisationId: bostader.id, title: gone })
    expect(await onStartPage(bostaderEditor.cookie)).toContain(gone)
    expect(await earlierOnMeetingPage(bostaderEditor.cookie, both.id)).toContain(gone)

    await db()
      .delete(meetingOrganisations)
      .where(and(eq(meetingOrganisations.meetingId, dropped.id), eq(meetingOrganisations.organisationId, bostader.id)))
    // The meeting is no longer Bostäder's to read, and neither is its item.
    expect(
      (
        await callRoute(meetingPage.loader, getRequest(`/moten/${dropped.id}`, bostaderEditor.cookie), {
          id: dropped.id,
        })
      ).status,
    ).toBe(404)
    expect(await onStartPage(bostaderEditor.cookie)).toEqual([bostadersOwn.title])
    expect(await earlierOnMeetingPage(bostaderEditor.cookie, both.id)).not.toContain(gone)
    expect(await earlierOnActionItemsPage(bostaderEditor.cookie, both.id)).not.toContain(gone)
    // The organiser's readers still follow it up.
    expect(await earlierOnMeetingPage(municipalityViewer.cookie, both.id)).toContain(gone)
  })
})
