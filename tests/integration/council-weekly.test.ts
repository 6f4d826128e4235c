import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { councilArchivedCounts, councilCategories, councilReports } from '../../app/db/schema/council'
import { createArea } from '../../app/modules/council/areas.server'
import { cornersOf } from '../../app/modules/council/area-form'
import { coarsen } from '../../app/modules/council/geometry'
import { parsePeriod, type WeeklyMapData } from '../../app/modules/council/weekly'
import { countsByArea, countsByCategory, hotSpots, monthlyTrend } from '../../app/modules/council/weekly.server'
import * as weeklyPage from '../../app/routes/trygghet+/$id.veckobild'
import * as pointsRoute from '../../app/routes/trygghet+/$id.veckobild_.punkter'
import { councilRoleOf, getRequest, grantCouncil, makeCouncil, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

const ESTATE = '58.03 12.79\n58.04 12.79\n58.04 12.82\n58.03 12.82'
const SECRET = 'Beskrivning som bara inkorgen visar'
const week = (name: string) => parsePeriod(new URLSearchParams({ vecka: name }), new Date()).period

describe('the weekly picture', () => {
  const db = useTestDatabase()
  let own: { id: string }
  let housing: { id: string }
  let council: { id: string; coarsenMetres: number }
  let vandalism: string
  let graffiti: string
  let estate: string
  let member: { id: string; cookie: string }

  // The council's own council members and informants are its members and informants.
  const user = async (role: Role, organisationId = own.id) => {
    const created = await makeUser(db(), { role, organisationId })
    if ([own.id, housing.id].includes(organisationId) && (role === 'council_member' || role === 'informant'))
      await grantCouncil(db(), { councilId: council.id, userId: created.id, role: councilRoleOf(role) })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }

  const report = async (observedAt: string, fields: Partial<typeof councilReports.$inferInsert> = {}) => {
    const [row] = await db()
      .insert(councilReports)
      .values({
        councilId: council.id,
        reporterId: member.id,
        organisationId: own.id,
        categoryId: vandalism,
        locationKind: 'pin',
        lat: 58.035,
        lng: 12.8,
        areaId: estate,
        observedAt: new Date(observedAt),
        description: SECRET,
        ...fields,
      })
      .returning()
    return row!
  }
  const outside = { lat: 58.1, lng: 12.95, areaId: null }

  beforeEach(async () => {
    own = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    council = await makeCouncil(db(), { organisationIds: [own.id, housing.id] })
    const categories = await db()
      .select()
      .from(councilCategories)
      .where(eq(councilCategories.councilId, council.id))
      .orderBy(councilCategories.position)
    vandalism = categories[0]!.id
    graffiti = categories[1]!.id
    member = await user('council_member')
    const created = await createArea(db(), {
      councilId: council.id,
      actorId: member.id,
      name: 'Centrum',
      polygon: cornersOf(ESTATE)!,
    })
    if (!created.ok) throw new Error('no area')
    estate = created.area.id
  })

  /** Week 48 of 2026 (23–29 November), the week before and week 48 of 2025, with their edges. */
  async function fillWeeks() {
    await report('2026-11-24T12:00:00Z')
    await report('2026-11-25T12:00:00Z')
    await report('2026-11-26T12:00:00Z', { locationKind: 'area', lat: null, lng: null })
    // Monday 23 November 00:30 in Stockholm is Sunday in UTC: still week 48.
    await report('2026-11-22T23:30:00Z')
    // Monday 30 November 00:30 in Stockholm: week 49.
    await report('2026-11-29T23:30:00Z')
    await report('2026-11-27T12:00:00Z', { ...outside, categoryId: graffiti, organisationId: housing.id })
    await report('2026-11-27T13:00:00Z', { state: 'rejected' })
    await report('2026-11-27T14:00:00Z', { state: 'merged' })
    await report('2026-11-18T12:00:00Z')
    await report('2025-11-25T12:00:00Z', { state: 'accepted' })
    await report('2025-11-26T12:00:00Z')
    await report('2025-11-26T12:00:00Z', outside)
  }

  it('counts new and accepted reports per area against the week before and last year', async () => {
    await fillWeeks()
    const rows = await countsByArea(db(), council, week('2026-W48'))
    expect(rows).toEqual([
      { areaId: estate, name: 'Centrum', count: 4, previous: 1, lastYear: 2 },
      { areaId: null, name: null, count: 1, previous: 0, lastYear: 1 },
    ])
    const categories = await countsByCategory(db(), council, week('2026-W48'))
    expect(categories.find((row) => row.categoryId === vandalism)).toMatchObject({ count: 4, previous: 1, lastYear: 3 })
    expect(categories.find((row) => row.categoryId === graffiti)).toMatchObject({ count: 1, previous: 0, lastYear: 0 })
  })

  it('filters by category and by the reporting organisation', async () => {
    await fillWeeks()
    const byGraffiti = await countsByArea(db(), council, week('2026-W48'), {
      categoryIds: [graffiti],
      organisationIds: [],
    })
    expect(byGraffiti.map((row) => row.count)).toEqual([0, 1])
    const byHousing = await countsByArea(db(), council, week('2026-W48'), {
      categoryIds: [],
      organisationIds: [housing.id],
    })
    expect(byHousing.map((row) => [row.count, row.lastYear])).toEqual([
      [0, 0],
      [1, 0],
    ])
    const categories = await countsByCategory(db(), council, week('2026-W48'), {
      categoryIds: [graffiti],
      organisationIds: [],
    })
    expect(categories.map((row) => row.categoryId)).toEqual([graffiti])
  })

  it('draws twelve months from raw reports and the archived counts, months in Stockholm time', async () => {
    await report('2026-01-10T12:00:00Z')
    await db()
      .insert(councilArchivedCounts)
      .values([
        {
          councilId: council.id,
          month: '2026-01-01',
          categoryId: vandalism,
          areaId: estate,
          organisationId: own.id,
          count: 7,
        },
        {
          councilId: council.id,
          month: '2026-01-01',
          categoryId: vandalism,
          areaId: null,
          organisationId: housing.id,
          count: 2,
        },
        {
          councilId: council.id,
          month: '2025-11-01',
          categoryId: vandalism,
          areaId: null,
          organisationId: own.id,
          count: 50,
        },
      ])
    // 1 April 00:30 in Stockholm, still 31 March in UTC.
    await report('2026-03-31T22:30:00Z', { categoryId: graffiti })
    await report('2026-11-20T12:00:00Z', { state: 'rejected' })
    const trend = await monthlyTrend(db(), council, '2026-11')
    expect(trend.months[0]).toBe('2025-12')
    expect(trend.months.at(-1)).toBe('2026-11')
    const line = (id: string) => trend.series.find((series) => series.categoryId === id)!.counts
    expect(line(vandalism)).toEqual([0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(line(graffiti)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    const fromHousing = await monthlyTrend(db(), council, '2026-11', 12, {
      categoryIds: [],
      organisationIds: [housing.id],
    })
    expect(fromHousing.series.find((series) => series.categoryId === vandalism)!.counts[1]).toBe(2)
  })

  it('finds the densest cells', async () => {
    await report('2026-11-24T12:00:00Z')
    await report('2026-11-24T13:00:00Z', { lat: 58.0351, lng: 12.8001 })
    await report('2026-11-24T14:00:00Z', outside)
    const spots = await hotSpots(db(), council, week('2026-W48'), 250)
    expect(spots.map((spot) => spot.count)).toEqual([2, 1])
    const [top] = spots
    expect(58.035).toBeGreaterThanOrEqual(top!.south)
    expect(58.035).toBeLessThan(top!.north)
    expect(12.8).toBeGreaterThanOrEqual(top!.west)
    expect(12.8).toBeLessThan(top!.east)
  })

  it('shows the page with counts and no report text', async () => {
    await fillWeeks()
    const url = `/trygghet/${council.id}/veckobild?vecka=2026-W48`
    const page = await callRoute<Record<string, unknown>>(weeklyPage.loader, getRequest(url, member.cookie), {
      id: council.id,
    })
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ withoutPosition: 1, period: { week: '2026-W48' } })
    expect(JSON.stringify(page.body)).not.toContain(SECRET)
  })

  it('gives a council member precise points and the coordinator coarsened ones, without ids or text', async () => {
    await fillWeeks()
    const url = `/trygghet/${council.id}/veckobild/punkter?vecka=2026-W48`
    const points = async (cookie: string) => {
      const result = await callRoute(pointsRoute.loader, getRequest(url, cookie), { id: council.id })
      expect(result.status).toBe(200)
      const text = await result.response!.text()
      expect(text).not.toContain(SECRET)
      for (const { id } of await db().select({ id: councilReports.id }).from(councilReports))
        expect(text).not.toContain(id)
      return JSON.parse(text) as WeeklyMapData
    }
    const precise = await points(member.cookie)
    expect(precise.points).toHaveLength(4)
    expect(precise.withoutPosition).toBe(1)
    expect(precise.points).toContainEqual([58.035, 12.8, 0])
    expect(precise.points).toContainEqual([58.1, 12.95, 1])
    expect(precise.cellMetres).toBe(250)

    const coordinator = await user('coordinator', (await makeOrganisation(db())).id)
    const coarse = await points(coordinator.cookie)
    const snapped = coarsen({ lat: 58.035, lng: 12.8 }, council.coarsenMetres)
    expect(coarse.points).toContainEqual([snapped.lat, snapped.lng, 0])
    expect(coarse.points).not.toContainEqual([58.035, 12.8, 0])
  })

  it('is closed to partner editors, viewers and informants, and to other councils’ members', async () => {
    const stranger = await user('council_member', (await makeOrganisation(db())).id)
    for (const [who, status] of [
      [await user('partner_editor'), 404],
      [await user('viewer'), 404],
      [await user('informant'), 403],
      [await user('informant', housing.id), 403],
      [stranger, 404],
    ] as const) {
      for (const [handler, path] of [
        [weeklyPage.loader, 'veckobild'],
        [pointsRoute.loader, 'veckobild/punkter'],
      ] as const) {
        const result = await callRoute(handler, getRequest(`/trygghet/${council.id}/${path}`, who.cookie), {
          id: council.id,
        })
        expect(result.status, `${path}`).toBe(status)
      }
    }
  })
})
