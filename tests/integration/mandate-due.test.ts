import ICAL from 'ical.js'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { portalOrigin } from '../../app/config/env.server'
import type { Role } from '../../app/db/enums'
import { mandatePeriods } from '../../app/db/schema/mandate'
import { addDays } from '../../app/modules/council/weekly'
import { stockholmToday } from '../../app/modules/mandate/deliverable-state'
import type { DueList } from '../../app/modules/mandate/due-list.server'
import { createCalendarFeed } from '../../app/modules/meetings/calendar-feed.server'
import * as startPage from '../../app/routes/_index'
import * as calendarFeed from '../../app/routes/kalender.$token'
import { getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { makeDeliverable, makePeriod } from '../support/mandate-deliverables'
import { renderRoute } from '../support/render-route'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// What is due, where the user looks: the start page's "Att leverera" and the
// personal calendar feed, each with the deliverables the user may read.

const ORIGIN = portalOrigin()

describe('deliverables on the start page and in the calendar feed', () => {
  const db = useTestDatabase()
  const today = stockholmToday()
  let municipality: { id: string }
  let energy: { id: string }
  let closedPeriod: { id: string; title: string }
  let sharedPeriod: { id: string; title: string }
  let coordinator: { id: string; cookie: string }
  let dutyOfficer: { id: string; cookie: string }
  let owner: { id: string; cookie: string }
  let partner: { id: string; cookie: string }
  let informant: { id: string; cookie: string }

  const user = async (role: Role, organisationId: string) => {
    const made = await makeUser(db(), { role, organisationId })
    return { id: made.id, cookie: (await signedIn(db(), made.id)).cookie }
  }

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    energy = await makeOrganisation(db(), { name: 'Vårgårda Energi', kind: 'energy' })
    coordinator = await user('coordinator', municipality.id)
    dutyOfficer = await user('duty_officer', municipality.id)
    owner = await user('partner_editor', municipality.id)
    partner = await user('partner_editor', energy.id)
    informant = await user('informant', energy.id)
    closedPeriod = await makePeriod(db(), { title: 'Mandatperiod 2027–2030', organisationId: municipality.id })
    sharedPeriod = await makePeriod(db(), {
      title: 'Mandatperiod 2031–2034',
      organisationId: municipality.id,
      shared: true,
    })
  })

  describe('the start page', () => {
    const dueList = async (cookie: string) =>
      (await callRoute<{ dueDeliverables: DueList }>(startPage.loader, getRequest('/', cookie))).body!.dueDeliverables
    const page = async (cookie: string) =>
      renderRoute(startPage.default, {
        loaderData: (await callRoute(startPage.loader, getRequest('/', cookie))).body,
      })

    beforeEach(async () => {
      const at = (days: number, title: string, fields: { owner?: string; state?: 'done' | 'in_progress' } = {}) =>
        makeDeliverable(db(), {
          periodId: closedPeriod.id,
          title,
          dueDate: addDays(today, days),
          ownerUserId: fields.owner ?? null,
          state: fields.state,
        })
      await at(-3, 'Kriskommunikationsplan', { owner: owner.id, state: 'in_progress' })
      await at(20, 'Rutin för krisstöd (Posom)')
      await at(60, 'Plan för hantering av extraordinära händelser')
      await at(5, 'Styrdokument för krisberedskap', { state: 'done', owner: owner.id })
      await at(61, 'Redovisning av statlig ersättning', { owner: owner.id })
      await makeDeliverable(db(), {
        periodId: closedPeriod.id,
        title: 'Länsstyrelsens uppföljningsbesök',
        dueDate: null,
      })
    })

    it('shows the coordinator and the duty officer what is overdue and due within 60 days, not what is done', async () => {
      for (const reader of [coordinator, dutyOfficer]) {
        const list = await dueList(reader.cookie)
        expect(list.items.map((item) => [item.title, item.state])).toEqual([
          ['Kriskommunikationsplan', 'overdue'],
          ['Rutin för krisstöd (Posom)', 'not_started'],
          ['Plan för hantering av extraordinära händelser', 'not_started'],
        ])
        expect(list).toMatchObject({ more: false, readsAll: true })
      }
      const html = await page(coordinator.cookie)
      expect(html).toContain('<h2 id="due-deliverables">Att leverera</h2>')
      const [overdue] = (await dueList(coordinator.cookie)).items
      expect(html).toContain(`href="/mandatperiod/${closedPeriod.id}/leveranser/${overdue!.id}"`)
      expect(html).toContain('Försenad')
      expect(html).toContain('Mandatperiod: Mandatperiod 2027–2030')
      expect(html).toContain('href="/mandatperiod"')
    })

    it('shows an owner only their own deliverables', async () => {
      const list = await dueList(owner.cookie)
      expect(list.items.map((item) => item.title)).toEqual(['Kriskommunikationsplan'])
      expect(list.readsAll).toBe(false)
      expect(await page(owner.cookie)).toContain('Att leverera')
    })

    it('shows a partner who owns nothing no section at all', async () => {
      expect(await dueList(partner.cookie)).toEqual({ items: [], more: false, readsAll: false })
      expect(await page(partner.cookie)).not.toContain('Att leverera')
    })

    it('tells the coordinator when nothing is due, and lists at most 20 with a link to the rest', async () => {
      const emptyPeriod = await makePeriod(db(), { organisationId: energy.id })
      await db().delete(mandatePeriods).where(eq(mandatePeriods.id, closedPeriod.id))
      expect(await page(coordinator.cookie)).toContain('Inget är försenat och inget ska vara klart inom 60 dagar.')
      for (let day = 0; day < 21; day++) {
        await makeDeliverable(db(), {
          periodId: emptyPeriod.id,
          title: `Leverans ${day}`,
          dueDate: addDays(today, day),
        })
      }
      const list = await dueList(coordinator.cookie)
      expect(list.items).toHaveLength(20)
      expect(list.more).toBe(true)
      expect(list.items.at(-1)!.title).toBe('Leverans 19')
    })
  })

  describe('the calendar feed', () => {
    let ownDeliverable: { id: string }
    let closedDeliverable: { id: string }
    let sharedDeliverable: { id: string }
    let sharedMilestone: { id: string }

    beforeEach(async () => {
      ownDeliverable = await makeDeliverable(db(), {
        periodId: closedPeriod.id,
        title: 'Kriskommunikationsplan',
        dueDate: addDays(today, 200),
        ownerUserId: owner.id,
        state: 'in_progress',
      })
      closedDeliverable = await makeDeliverable(db(), {
        periodId: closedPeriod.id,
        title: 'Styrdokument för krisberedskap',
        dueDate: addDays(today, -10),
      })
      sharedDeliverable = await makeDeliverable(db(), {
        periodId: sharedPeriod.id,
        title: 'Risk- och sårbarhetsanalys',
        kind: 'rsa',
        dueDate: addDays(today, 400),
      })
      sharedMilestone = await makeDeliverable(db(), {
        periodId: sharedPeriod.id,
        title: 'Säkerhetsskyddsanalys',
        kind: 'protective_security',
        dueDate: addDays(today, 500),
        state: 'done',
      })
    })

    const feedOf = async (userId: string) => {
      const token = await createCalendarFeed(db(), userId)
      return callRoute(calendarFeed.loader, getRequest(`/kalender/${token}`), { token })
    }
    const deliverableEvents = async (userId: string) => {
      const feed = await feedOf(userId)
      expect(feed.status).toBe(200)
      const calendar = new ICAL.Component(ICAL.parse(await feed.response!.text()))
      return new Map(
        calendar
          .getAllSubcomponents('vevent')
          .filter((event) => String(event.getFirstPropertyValue('uid')).startsWith('deliverable-'))
          .map((event) => [String(event.getFirstPropertyValue('uid')), event]),
      )
    }
    const uid = (deliverable: { id: string }) => `deliverable-${deliverable.id}@omradesansvarsportalen`

    it('gives the coordinator and the duty officer every due date as an all-day event', async () => {
      for (const reader of [coordinator, dutyOfficer]) {
        const events = await deliverableEvents(reader.id)
        expect([...events.keys()].sort()).toEqual(
          [ownDeliverable, closedDeliverable, sharedDeliverable, sharedMilestone].map(uid).sort(),
        )
        const own = events.get(uid(ownDeliverable))!
        const start = own.getFirstPropertyValue('dtstart') as ICAL.Time
        expect(start.isDate).toBe(true)
        expect(start.toString()).toBe(addDays(today, 200))
        expect((own.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe(addDays(today, 201))
        expect(own.getFirstPropertyValue('summary')).toBe('Leverans: Kriskommunikationsplan')
        const link = `${ORIGIN}/mandatperiod/${closedPeriod.id}/leveranser/${ownDeliverable.id}`
        expect(own.getFirstPropertyValue('description')).toBe(
          `Status: Pågår\nMandatperiod: Mandatperiod 2027–2030\n${link}`,
        )
        expect(own.getFirstPropertyValue('url')).toBe(link)
        expect(events.get(uid(closedDeliverable))!.getFirstPropertyValue('description')).toMatch(/^Status: Försenad\n/)
      }
    })

    it('gives an owner their own deliverable, and a network reader only the shared period’s', async () => {
      expect([...(await deliverableEvents(owner.id)).keys()].sort()).toEqual(
        [ownDeliverable, sharedDeliverable, sharedMilestone].map(uid).sort(),
      )
      const events = await deliverableEvents(partner.id)
      expect([...events.keys()].sort()).toEqual([sharedDeliverable, sharedMilestone].map(uid).sort())
      // The partner may not open the deliverable: the link is the period's calendar.
      expect(events.get(uid(sharedDeliverable))!.getFirstPropertyValue('url')).toBe(
        `${ORIGIN}/mandatperiod/${sharedPeriod.id}`,
      )
    })

    it('gives a milestone-only kind its title and date and nothing else', async () => {
      const milestone = (await deliverableEvents(coordinator.id)).get(uid(sharedMilestone))!
      expect(milestone.getFirstPropertyValue('summary')).toBe('Leverans: Säkerhetsskyddsanalys')
      expect((milestone.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe(addDays(today, 500))
      expect(milestone.getFirstPropertyValue('description')).toBeNull()
      expect(milestone.getFirstPropertyValue('url')).toBeNull()
    })

    it('asks again at every fetch: an unshared period leaves the network readers’ feeds', async () => {
      const token = await createCalendarFeed(db(), partner.id)
      const fetchFeed = async () =>
        (await callRoute(calendarFeed.loader, getRequest(`/kalender/${token}`), { token })).response!.text()
      expect(await fetchFeed()).toContain(uid(sharedDeliverable))
      await db().update(mandatePeriods).set({ calendarSharedAt: null }).where(eq(mandatePeriods.id, sharedPeriod.id))
      const after = await fetchFeed()
      expect(after).toContain('BEGIN:VCALENDAR')
      expect(after).not.toContain('deliverable-')
    })

    it('still gives no feed to a user who only reports to a council', async () => {
      expect((await feedOf(informant.id)).status).toBe(404)
    })
  })
})
