import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { councilAreas, councilCategories, councilReports } from '../../app/db/schema/council'
import * as areasPage from '../../app/routes/trygghet+/$id.omraden'
import {
  councilRoleOf,
  getRequest,
  grantCouncil,
  makeCouncil,
  makeOrganisation,
  makeUser,
  signedIn,
} from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

type AreaBody = {
  form: string
  errors: Record<string, string>
  values: Record<string, string>
  current?: { name: string; corners: string }
}
type ListBody = { areas: { id: string; name: string; reportCount: number; version: number }[] }

// A town square around Vårgårda, an estate inside it, and a square east of both.
const TOWN = '58.00 12.70\n58.10 12.70\n58.10 12.90\n58.00 12.90'
const ESTATE = '58.03 12.79\n58.04 12.79\n58.04 12.82\n58.03 12.82'
const EAST = '58.00 13.00\n58.10 13.00\n58.10 13.10\n58.00 13.10'

describe('the council areas page', () => {
  const db = useTestDatabase()
  let own: { id: string }
  let councilId: string
  let categoryId: string
  let member: { id: string; cookie: string }
  let url: string

  // The council's own council members and informants are its members and informants.
  const user = async (role: Role, organisationId = own.id) => {
    const created = await makeUser(db(), { role, organisationId })
    if (organisationId === own.id && (role === 'council_member' || role === 'informant'))
      await grantCouncil(db(), { councilId, userId: created.id, role: councilRoleOf(role) })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }

  const report = async (fields: Partial<typeof councilReports.$inferInsert>) => {
    const [row] = await db()
      .insert(councilReports)
      .values({
        councilId,
        reporterId: member.id,
        organisationId: own.id,
        categoryId,
        locationKind: 'pin',
        observedAt: new Date('2026-11-24T12:00:00Z'),
        description: 'Trasig belysning vid gångtunneln',
        ...fields,
      })
      .returning()
    return row!
  }
  const areaOfReport = async (id: string) =>
    (await db().select({ areaId: councilReports.areaId }).from(councilReports).where(eq(councilReports.id, id)))[0]!
      .areaId
  const areaNamed = async (name: string) =>
    (
      await db()
        .select()
        .from(councilAreas)
        .where(and(eq(councilAreas.councilId, councilId), eq(councilAreas.name, name)))
    )[0]!

  const post = (fields: Record<string, string>, cookie = member.cookie) =>
    callRoute<AreaBody>(areasPage.action, postForm(url, fields, cookie), { id: councilId })

  beforeEach(async () => {
    own = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const council = await makeCouncil(db(), { organisationIds: [own.id] })
    councilId = council.id
    url = `/trygghet/${councilId}/omraden`
    categoryId = (await db().select().from(councilCategories).where(eq(councilCategories.councilId, councilId)))[0]!.id
    member = await user('council_member')
  })

  it('places positioned reports when an area is drawn, and leaves chosen areas alone', async () => {
    const inside = await report({ lat: 58.05, lng: 12.75 })
    const outside = await report({ lat: 58.05, lng: 13.05, locationKind: 'position' })
    await post({ intent: 'create', name: 'Öster', corners: EAST })
    const east = await areaNamed('Öster')
    const chosen = await report({ locationKind: 'area', areaId: east.id, lat: null, lng: null })
    // A report chosen by area keeps it even though its (absent) position lies in no drawn area.
    const chosenWithPin = await report({ locationKind: 'area', areaId: east.id, lat: 58.05, lng: 12.75 })

    const created = await post({ intent: 'create', name: 'Tätorten', corners: TOWN })
    expect(created.status).toBe(302)
    expect(created.location).toBe(url)
    expect(created.notice).toEqual({ kind: 'success', message: 'councilAreas.done.created' })
    const town = await areaNamed('Tätorten')
    expect(await areaOfReport(inside.id)).toBe(town.id)
    expect(await areaOfReport(outside.id)).toBe(east.id)
    expect(await areaOfReport(chosen.id)).toBe(east.id)
    expect(await areaOfReport(chosenWithPin.id)).toBe(east.id)

    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, town.id))
    expect(audit).toMatchObject([{ entity: 'council_area', action: 'create', userId: member.id }])

    const listed = await callRoute<ListBody>(areasPage.loader, getRequest(url, member.cookie), { id: councilId })
    expect(listed.body!.areas.map((area) => [area.name, area.reportCount])).toEqual([
      ['Tätorten', 1],
      ['Öster', 3],
    ])
  })

  it('places reports again when an area is redrawn: the smallest area wins, those left outside lose it', async () => {
    await post({ intent: 'create', name: 'Tätorten', corners: TOWN })
    const town = await areaNamed('Tätorten')
    const inEstate = await report({ lat: 58.035, lng: 12.8 })
    const inTown = await report({ lat: 58.09, lng: 12.72 })
    await post({ intent: 'create', name: 'Bostadsområdet', corners: ESTATE })
    const estate = await areaNamed('Bostadsområdet')
    expect(await areaOfReport(inEstate.id)).toBe(estate.id)

    // The town shrinks to its eastern half: the report in its west corner is now outside every area.
    const saved = await post({
      intent: 'save',
      areaId: town.id,
      version: String(town.version),
      name: 'Tätorten öst',
      corners: '58.00 12.78\n58.10 12.78\n58.10 12.90\n58.00 12.90',
    })
    expect(saved.status).toBe(302)
    expect(await areaOfReport(inTown.id)).toBeNull()
    expect(await areaOfReport(inEstate.id)).toBe(estate.id)

    // The estate moves away: its report falls back into the town.
    const estateNow = await areaNamed('Bostadsområdet')
    await post({
      intent: 'save',
      areaId: estate.id,
      version: String(estateNow.version),
      name: 'Bostadsområdet',
      corners: EAST,
    })
    expect(await areaOfReport(inEstate.id)).toBe(town.id)
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, town.id), eq(auditLog.action, 'update')))
    expect(audit[0]!.changes).toMatchObject({ name: { before: 'Tätorten', after: 'Tätorten öst' } })
  })

  it('clears a deleted area from reports chosen by it and places positioned ones in what remains', async () => {
    await post({ intent: 'create', name: 'Tätorten', corners: TOWN })
    await post({ intent: 'create', name: 'Bostadsområdet', corners: ESTATE })
    const town = await areaNamed('Tätorten')
    const estate = await areaNamed('Bostadsområdet')
    // Filed after the areas were drawn: placed when filed, as createReport does.
    const positioned = await report({ lat: 58.035, lng: 12.8, areaId: estate.id })
    const chosen = await report({ locationKind: 'area', areaId: estate.id, lat: null, lng: null })

    const deleted = await post({ intent: 'delete', areaId: estate.id, version: String(estate.version) })
    expect(deleted.location).toBe(url)
    expect(deleted.notice).toEqual({ kind: 'success', message: 'councilAreas.done.deleted' })
    expect(await areaOfReport(positioned.id)).toBe(town.id)
    expect(await areaOfReport(chosen.id)).toBeNull()
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, estate.id), eq(auditLog.action, 'delete')))
    expect(audit).toHaveLength(1)
  })

  it('shows field messages and keeps the input: name, corners, Sweden, a name in use', async () => {
    const empty = await post({ intent: 'create', name: '', corners: '58.03 12.79' })
    expect(empty.status).toBe(400)
    expect(empty.body).toMatchObject({
      form: 'new',
      errors: { name: 'validation.required', corners: 'councilAreas.error.corners' },
      values: { corners: '58.03 12.79' },
    })
    const abroad = await post({ intent: 'create', name: 'Berlin', corners: '52.5 13.4\n52.6 13.4\n52.6 13.5' })
    expect(abroad.body!.errors).toEqual({ corners: 'councilAreas.error.outsideSweden' })

    await post({ intent: 'create', name: 'Centrum', corners: ESTATE })
    const again = await post({ intent: 'create', name: 'CENTRUM', corners: TOWN })
    expect(again.status).toBe(400)
    expect(again.body).toMatchObject({
      errors: { name: 'councilAreas.error.nameTaken' },
      values: { name: 'CENTRUM', corners: TOWN },
    })

    await post({ intent: 'create', name: 'Tätorten', corners: TOWN })
    const town = await areaNamed('Tätorten')
    const renamed = await post({
      intent: 'save',
      areaId: town.id,
      version: String(town.version),
      name: 'centrum',
      corners: TOWN,
    })
    expect(renamed.status).toBe(400)
    expect(renamed.body).toMatchObject({ form: town.id, errors: { name: 'councilAreas.error.nameTaken' } })
  })

  it('answers a stale version with 409, the current values and the user’s input', async () => {
    await post({ intent: 'create', name: 'Tätorten', corners: TOWN })
    const town = await areaNamed('Tätorten')
    await post({ intent: 'save', areaId: town.id, version: String(town.version), name: 'Tätorten 2', corners: TOWN })
    const stale = await post({
      intent: 'save',
      areaId: town.id,
      version: String(town.version),
      name: 'Min ändring',
      corners: ESTATE,
    })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({
      form: town.id,
      errors: { _form: 'councilAreas.error.conflict' },
      values: { name: 'Min ändring', corners: ESTATE, version: String(town.version + 1) },
      current: { name: 'Tätorten 2' },
    })
    const staleDelete = await post({ intent: 'delete', areaId: town.id, version: String(town.version) })
    expect(staleDelete.status).toBe(409)
    expect((await areaNamed('Tätorten 2')).id).toBe(town.id)
  })

  it('is closed to partner editors, viewers and informants, and to other councils’ members', async () => {
    await post({ intent: 'create', name: 'Tätorten', corners: TOWN })
    const stranger = await user('council_member', (await makeOrganisation(db())).id)
    for (const [who, status] of [
      [await user('partner_editor'), 404],
      [await user('viewer'), 404],
      [await user('informant'), 403],
      [stranger, 404],
    ] as const) {
      const read = await callRoute(areasPage.loader, getRequest(url, who.cookie), { id: councilId })
      expect(read.status).toBe(status)
      const write = await post({ intent: 'create', name: 'Intrång', corners: EAST }, who.cookie)
      expect(write.status).toBe(status)
    }
    const anonymous = await callRoute(areasPage.loader, getRequest(url), { id: councilId })
    expect(anonymous.location).toMatch(/^\/logga-in/)
    expect((await db().select().from(councilAreas)).map((area) => area.name)).toEqual(['Tätorten'])
  })
})
