import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'
import type { EventRecord } from '../../app/db/schema/events'
import { translator } from '../../app/i18n/i18n'
import {
  computeEventProjection,
  projectionSummary,
  projectionView,
} from '../../app/modules/events/event-projection.server'
import {
  projectionHeadline,
  projectionWording,
  type ProjectionView,
} from '../../app/modules/events/event-projection-view'
import { explainChain } from '../../app/modules/scenarios/reason-text'
import { loader } from '../../app/routes/handelser+/$id.prognos'
import { makeEvent, makeStatusReport } from '../support/event-factories'
import {
  getRequest,
  makeDependency,
  makeOrganisation,
  makeService,
  makeSite,
  makeUser,
  signedIn,
} from '../support/factories'
import { callRoute } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

const HOUR = 3_600_000
// A "now" on a five-minute step, so that the projection's now is exactly it.
const now = new Date(Math.floor(Date.now() / 300_000) * 300_000)
const t = translator('sv')

/**
 * Electricity is lost around Vårgårda since two hours ago. Solör's district
 * heating has 48 h of backup power in the registry; four services need its
 * heat (a care home copes 3 h, a school has 5 h backup, a pool copes 2 h, and
 * the care home's kitchen copes 1 h without the care home). A pump station
 * in the area has no backup; a service outside the area is untouched.
 */
describe('an event’s projection on the registry and the reports', () => {
  let handle: DatabaseHandle
  let event: EventRecord
  let cookie: string
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    const db = handle.db
    const solor = await makeOrganisation(db, { name: 'Solör Bioenergi' })
    const municipality = await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })
    ids.solor = solor.id
    const plant = await makeSite(db, { organisationId: solor.id })
    const townHall = await makeSite(db, { organisationId: municipality.id })
    const faraway = await makeSite(db, { organisationId: municipality.id, lat: 59.33, lng: 18.06 })
    const service = async (name: string, organisationId: string, siteIds: string[]) =>
      (ids[name] = (await makeService(db, { name, organisationId, siteIds })).id)
    await service('Fjärrvärme Solör', solor.id, [plant.id])
    await service('Äldreboendet Tången', municipality.id, [townHall.id])
    await service('Tångaskolan', municipality.id, [townHall.id])
    await service('Badhuset', municipality.id, [townHall.id])
    await service('Storköket', municipality.id, [townHall.id])
    await service('Tryckstegring', municipality.id, [townHall.id])
    await service('Långt borta', municipality.id, [faraway.id])
    await makeDependency(db, { serviceId: ids['Fjärrvärme Solör']!, copesHours: 0, backupHours: 48 })
    const onHeat = { dependsOnServiceId: ids['Fjärrvärme Solör']! }
    await makeDependency(db, { serviceId: ids['Äldreboendet Tången']!, ...onHeat, copesHours: 3 })
    await makeDependency(db, { serviceId: ids['Tångaskolan']!, ...onHeat, copesHours: 0, backupHours: 5 })
    await makeDependency(db, { serviceId: ids['Badhuset']!, ...onHeat, copesHours: 2 })
    await makeDependency(db, {
      serviceId: ids['Storköket']!,
      dependsOnServiceId: ids['Äldreboendet Tången']!,
      copesHours: 1,
    })
    await makeDependency(db, { serviceId: ids['Tryckstegring']!, copesHours: 0 })
    await makeDependency(db, { serviceId: ids['Långt borta']!, copesHours: 0 })
    event = await makeEvent(db, {
      title: 'Elavbrott Vårgårda',
      organisationIds: [solor.id, municipality.id],
      startedAt: new Date(now.getTime() - 2 * HOUR),
      lostResources: ['electricity'],
      area: {
        kind: 'area',
        ring: [
          [57.9, 12.6],
          [57.9, 13.0],
          [58.2, 13.0],
          [58.2, 12.6],
        ],
      },
    })
    // On backup power, 10 h left, reported an hour ago.
    await makeStatusReport(db, {
      eventId: event.id,
      organisationId: solor.id,
      serviceId: ids['Fjärrvärme Solör']!,
      status: 'backup',
      backupHoursLeft: 10,
      reportedAt: new Date(now.getTime() - HOUR),
    })
    cookie = (await signedIn(db, (await makeUser(db, { role: 'coordinator', organisationId: municipality.id })).id))
      .cookie
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  const failsIn = (view: ProjectionView) =>
    Object.fromEntries(view.outcomes.items.map((outcome) => [outcome.name, outcome.failsIn]))

  it('lets the reported 10 h of backup decide, and the dependants fail after it in the window', async () => {
    const view = await projectionView(handle.db, event, 1, now)
    // The heat runs out at −1 + 10 = 9 h from now; the care home 9 + 3 = 12, its kitchen 13,
    // the pool 9 + 2 = 11, the school 9 + 5 = 14. The pump failed at the start, 2 h ago.
    expect(failsIn(view)).toEqual({
      Tryckstegring: -2,
      'Fjärrvärme Solör': 9,
      Badhuset: 11,
      'Äldreboendet Tången': 12,
      Storköket: 13,
      Tångaskolan: 14,
    })
    expect(view.reportCount).toBe(1)
    expect(view.computedFor).toBe(now.toISOString())
    // At 9 h the pump and the heat are out; from 14 h all six.
    expect(view.totals.failed.slice(8, 15)).toEqual([1, 2, 2, 3, 4, 5, 6])
    const heat = view.outcomes.items.find((outcome) => outcome.name === 'Fjärrvärme Solör')!
    expect(heat).toMatchObject({ stateNow: 'backup', wake: 4, report: { status: 'backup', backupHoursLeft: 10 } })

    const kitchen = view.outcomes.items.find((outcome) => outcome.name === 'Storköket')!
    const chain = explainChain(t, 'sv', kitchen.name, kitchen.reasons, projectionWording(t, 'sv', view, kitchen))
    expect(chain).toHaveLength(3)
    expect(chain[1]).toMatch(/^Äldreboendet Tången slutar fungera .*Fjärrvärme Solör \(Solör Bioenergi\) borta från/)
    expect(chain[2]).toMatch(/^Fjärrvärme Solör går på reserv enligt lägesrapporten .*, med 10 h kvar: slutar fungera /)
  })

  it('gives the overview the soonest failures ahead, with their wake', async () => {
    const summary = await projectionSummary(handle.db, event, now)
    expect(summary.next.map((outcome) => outcome.name)).toEqual([
      'Fjärrvärme Solör',
      'Badhuset',
      'Äldreboendet Tången',
      'Storköket',
      'Tångaskolan',
    ])
    expect(projectionHeadline(t, 'sv', summary.next[0]!)).toBe(
      'Fjärrvärme Solör: reserven slut om 9 h → 4 verksamheter påverkas',
    )
    expect(projectionHeadline(t, 'sv', summary.next[2]!)).toBe(
      'Äldreboendet Tången: Fjärrvärme Solör borta, slutar fungera om 12 h → 1 verksamhet påverkas',
    )
  })

  it('streams the projection to the page, which reads for a taking-part user', async () => {
    const response = await callRoute<{ ended: boolean; projection: Promise<ProjectionView> }>(
      loader,
      getRequest(`/handelser/${event.id}/prognos`, cookie),
      { id: event.id },
    )
    expect(response.status).toBe(200)
    expect(response.body!.projection).toBeInstanceOf(Promise)
    const view = await response.body!.projection
    expect(view.outcomes.count).toBe(6)
  })

  it('recomputes when a report says the heat is restored: its failure and its wake are gone', async () => {
    const before = await computeEventProjection(handle.db, event, now)
    await makeStatusReport(handle.db, {
      eventId: event.id,
      organisationId: ids.solor!,
      serviceId: ids['Fjärrvärme Solör']!,
      status: 'restored',
      reportedAt: new Date(now.getTime() - HOUR / 2),
    })
    const after = await computeEventProjection(handle.db, event, now)
    expect(after).not.toBe(before)
    expect(after.projection.services.map((service) => service.id)).toEqual([ids['Tryckstegring']])
    const summary = await projectionSummary(handle.db, event, now)
    expect(summary.next).toEqual([])
  })
})
