import fs from 'node:fs'
import { and, eq, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { invitations } from '../../app/db/schema/auth'
import { councilCategories, councilMembers, councilReports } from '../../app/db/schema/council'
import { outbox } from '../../app/db/schema/mail'
import { users } from '../../app/db/schema/users'
import { acceptInvitation, inviteUser } from '../../app/modules/accounts/invitations.server'
import type { MailMessage } from '../../app/modules/mail/mailer.server'
import { seedDemo } from '../../app/modules/seed/seed.server'
import { setNetworkMember } from '../../app/modules/registry/networks.server'
import * as councilLayout from '../../app/routes/trygghet+/$id'
import * as overviewPage from '../../app/routes/trygghet+/$id._index'
import * as inboxPage from '../../app/routes/trygghet+/$id.inkorg'
import * as membersPage from '../../app/routes/trygghet+/$id.inrapportorer'
import * as measuresPage from '../../app/routes/trygghet+/$id.insatser'
import * as sourcesPage from '../../app/routes/trygghet+/$id.kallor'
import * as templateRoute from '../../app/routes/trygghet+/$id.kallor_.mall'
import * as categoriesPage from '../../app/routes/trygghet+/$id.kategorier'
import * as picturesPage from '../../app/routes/trygghet+/$id.lagesbilder'
import * as ownPage from '../../app/routes/trygghet+/$id.mina-rapporter'
import * as areasPage from '../../app/routes/trygghet+/$id.omraden'
import * as reportPage from '../../app/routes/trygghet+/$id.rapportera'
import * as reviewPage from '../../app/routes/trygghet+/$id.rapporter.$reportId'
import * as surveyPage from '../../app/routes/trygghet+/$id.trygghetsmatning'
import * as weeklyPage from '../../app/routes/trygghet+/$id.veckobild'
import * as pointsRoute from '../../app/routes/trygghet+/$id.veckobild_.punkter'
import * as councilsPage from '../../app/routes/trygghet+/_index'
import { getRequest, makeCouncil, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// Issue 14, item 3: membership of a council is a grant of that council, not
// a matter of which organisations its network holds.
describe('council membership', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let housing: { id: string }
  let school: { id: string }
  let councilA: { id: string; networkId: string }
  let councilB: { id: string; networkId: string }
  let reportB: { id: string; description: string }
  const people = {} as Record<
    'member' | 'informant' | 'memberB' | 'coordinator',
    { id: string; email: string; cookie: string }
  >

  const person = async (role: Role, organisationId: string) => {
    const created = await makeUser(db(), { role, organisationId })
    return { id: created.id, email: created.email, cookie: (await signedIn(db(), created.id)).cookie }
  }

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    school = await makeOrganisation(db(), { name: 'Vårgårda skola', kind: 'school' })
    // Two councils whose networks share the municipality.
    councilA = await makeCouncil(db(), { organisationIds: [municipality.id, housing.id], name: 'Lokalt BRÅ Centrum' })
    councilB = await makeCouncil(db(), { organisationIds: [municipality.id, school.id], name: 'Lokalt BRÅ Skolan' })
    people.member = await person('council_member', municipality.id)
    people.informant = await person('informant', municipality.id)
    people.memberB = await person('council_member', school.id)
    people.coordinator = await person('coordinator', municipality.id)
    await db()
      .insert(councilMembers)
      .values([
        { councilId: councilA.id, userId: people.member.id, role: 'member' },
        { councilId: councilA.id, userId: people.informant.id, role: 'informant' },
        { councilId: councilB.id, userId: people.memberB.id, role: 'member' },
      ])
    const [category] = await db().select().from(councilCategories).where(eq(councilCategories.councilId, councilB.id))
    const [row] = await db()
      .insert(councilReports)
      .values({
        councilId: councilB.id,
        reporterId: null,
        organisationId: school.id,
        categoryId: category!.id,
        locationKind: 'pin',
        lat: 58.034567,
        lng: 12.807891,
        observedAt: new Date(Date.now() - 3_600_000),
        description: 'Glas krossat vid skolans entré.',
      })
      .returning()
    reportB = row!
  })

  /** Every council page and action of one council, as the given person: the statuses that are not refusals. */
  async function openedIn(council: { id: string }, who: { cookie: string }, reportId: string) {
    const base = `/trygghet/${council.id}`
    const params = { id: council.id }
    const loaders: [unknown, string, Record<string, string>][] = [
      [councilLayout.loader, base, params],
      [overviewPage.loader, base, params],
      [inboxPage.loader, `${base}/inkorg`, params],
      [reviewPage.loader, `${base}/rapporter/${reportId}`, { ...params, reportId }],
      [weeklyPage.loader, `${base}/veckobild`, params],
      [pointsRoute.loader, `${base}/veckobild/punkter?vecka=2026-W48`, params],
      [measuresPage.loader, `${base}/insatser`, params],
      [picturesPage.loader, `${base}/lagesbilder`, params],
      [sourcesPage.loader, `${base}/kallor`, params],
      [templateRoute.loader, `${base}/kallor/mall`, params],
      [surveyPage.loader, `${base}/trygghetsmatning`, params],
      [areasPage.loader, `${base}/omraden`, params],
      [categoriesPage.loader, `${base}/kategorier`, params],
      [membersPage.loader, `${base}/inrapportorer`, params],
      [reportPage.loader, `${base}/rapportera`, params],
      [ownPage.loader, `${base}/mina-rapporter`, params],
    ]
    const actions: [unknown, string, Record<string, string>, Record<string, string>][] = [
      [
        reviewPage.action,
        `${base}/rapporter/${reportId}`,
        { ...params, reportId },
        { decision: 'feedback', feedback: 'Tack, vi tittar på det.', version: '1' },
      ],
      [categoriesPage.action, `${base}/kategorier`, params, { intent: 'add', name: 'Ny kategori' }],
      [measuresPage.action, `${base}/insatser`, params, { title: '' }],
      [picturesPage.action, `${base}/lagesbilder`, params, { title: '' }],
      [areasPage.action, `${base}/omraden`, params, { intent: 'create', name: '' }],
      [
        membersPage.action,
        `${base}/inrapportorer`,
        params,
        { email: 'ny-inrapportor@example.org', organisationId: school.id },
      ],
    ]
    const opened: string[] = []
    for (const [loader, url, routeParams] of loaders) {
      const result = await callRoute(loader, getRequest(url, who.cookie), routeParams)
      if (![403, 404].includes(result.status)) opened.push(`GET ${url.replace(council.id, '<id>')}`)
    }
    for (const [action, url, routeParams, fields] of actions) {
      const result = await callRoute(action, postForm(url, fields, who.cookie), routeParams)
      if (![403, 404].includes(result.status)) opened.push(`POST ${url.replace(council.id, '<id>')}`)
    }
    return opened
  }

  const membersUrl = (council: { id: string }) => `/trygghet/${council.id}/inrapportorer`
  const manage = (who: { cookie: string }, fields: Record<string, string>, council: { id: string } = councilA) =>
    callRoute<{ errors: Record<string, string>; notice: { key: string } | null }>(
      membersPage.action,
      postForm(membersUrl(council), fields, who.cookie),
      { id: council.id },
    )
  const overview = async (who: { cookie: string }, council: { id: string } = councilA) =>
    (await callRoute(overviewPage.loader, getRequest(`/trygghet/${council.id}`, who.cookie), { id: council.id })).status

  it('lets each council’s own members in, and the coordinator into every council', async () => {
    expect(await openedIn(councilB, people.memberB, reportB.id)).toHaveLength(22)
    expect(await overview(people.member)).toBe(200)
    expect(await overview(people.coordinator)).toBe(200)
    expect(await overview(people.coordinator, councilB)).toBe(200)
    const list = await callRoute<{ councils: { id: string }[] }>(
      councilsPage.loader,
      getRequest('/trygghet', people.member.cookie),
    )
    expect(list.location).toBe(`/trygghet/${councilA.id}`)
  })

  it('refuses a council member and an informant of one council everywhere in another whose network shares their organisation', async () => {
    expect(await openedIn(councilB, people.member, reportB.id)).toEqual([])
    expect(await openedIn(councilB, people.informant, reportB.id)).toEqual([])
    // Nothing of council B was read or written.
    const [after] = await db().select().from(councilReports).where(eq(councilReports.id, reportB.id))
    expect(after).toMatchObject({ feedback: '', version: 1 })
    expect(await db().select().from(invitations)).toHaveLength(0)
    const list = await callRoute<{ councils: { id: string }[] }>(
      councilsPage.loader,
      getRequest('/trygghet', people.member.cookie),
    )
    expect((list.body?.councils ?? []).map((council) => council.id)).not.toContain(councilB.id)
  })

  it("gives nobody access when an organisation joins a council's network", async () => {
    const joiner = await makeOrganisation(db(), { name: 'Räddningstjänsten', kind: 'rescue_services' })
    const member = await person('council_member', joiner.id)
    const informant = await person('informant', joiner.id)
    await setNetworkMember(db(), {
      actorId: people.coordinator.id,
      networkId: councilB.networkId,
      organisationId: joiner.id,
      member: true,
    })
    expect(await openedIn(councilB, member, reportB.id)).toEqual([])
    expect(await openedIn(councilB, informant, reportB.id)).toEqual([])
  })

  it('ends access at once when a grant is revoked, and audits the grant and its end', async () => {
    expect(await overview(people.member)).toBe(200)
    const revoked = await manage(people.coordinator, { intent: 'revoke', userId: people.member.id })
    expect(revoked.status).toBe(200)
    expect(revoked.body!.notice!.key).toBe('council.members.revoked')
    // The same session, its next request.
    expect(await openedIn(councilA, people.member, reportB.id)).toEqual([])
    // A council member revokes an informant the same way.
    expect(
      (
        await callRoute(reportPage.loader, getRequest(`/trygghet/${councilA.id}/rapportera`, people.informant.cookie), {
          id: councilA.id,
        })
      ).status,
    ).toBe(200)
    expect((await manage(people.memberB, { intent: 'revoke', userId: people.informant.id }, councilB)).status).toBe(400)
    const second = await person('council_member', municipality.id)
    await db().insert(councilMembers).values({ councilId: councilA.id, userId: second.id, role: 'member' })
    expect((await manage(second, { intent: 'revoke', userId: people.informant.id })).status).toBe(200)
    expect(
      (
        await callRoute(reportPage.loader, getRequest(`/trygghet/${councilA.id}/rapportera`, people.informant.cookie), {
          id: councilA.id,
        })
      ).status,
    ).toBe(404)
    // Granted again by the council, with who and when.
    const granted = await manage(second, { intent: 'grant', userId: people.member.id })
    expect(granted.body!.notice!.key).toBe('council.members.granted')
    expect(await overview(people.member)).toBe(200)
    const [row] = await db()
      .select()
      .from(councilMembers)
      .where(and(eq(councilMembers.councilId, councilA.id), eq(councilMembers.userId, people.member.id)))
    expect(row).toMatchObject({ role: 'member', grantedBy: second.id })
    const entries = await db().select().from(auditLog).where(eq(auditLog.entity, 'council_member'))
    expect(entries.map((entry) => [entry.userId, entry.entityId, entry.action])).toEqual(
      expect.arrayContaining([
        [people.coordinator.id, `${councilA.id}:${people.member.id}`, 'delete'],
        [second.id, `${councilA.id}:${people.informant.id}`, 'delete'],
        [second.id, `${councilA.id}:${people.member.id}`, 'create'],
      ]),
    )
  })

  it('grants only council members and informants of the council’s organisations, each in the role their organisation role gives', async () => {
    const informant = await person('informant', housing.id)
    const editor = await person('partner_editor', housing.id)
    const outsider = await person('council_member', school.id)
    const page = await callRoute<{ candidates: { id: string; role: string }[]; members: { userId: string }[] }>(
      membersPage.loader,
      getRequest(membersUrl(councilA), people.member.cookie),
      { id: councilA.id },
    )
    expect(page.body!.candidates).toEqual([expect.objectContaining({ id: informant.id, role: 'informant' })])
    expect(page.body!.members.map((row) => row.userId).sort()).toEqual([people.member.id, people.informant.id].sort())
    for (const [who, error] of [
      [editor, 'council.members.notEligible'],
      [outsider, 'council.members.notEligible'],
      [people.informant, 'council.members.alreadyGranted'],
    ] as const) {
      const refused = await manage(people.member, { intent: 'grant', userId: who.id })
      expect(refused.status).toBe(400)
      expect(refused.body!.errors).toEqual({ userId: error })
    }
    expect((await manage(people.member, { intent: 'grant', userId: informant.id })).status).toBe(200)
    expect(
      (
        await callRoute(reportPage.loader, getRequest(`/trygghet/${councilA.id}/rapportera`, informant.cookie), {
          id: councilA.id,
        })
      ).status,
    ).toBe(200)
    // An informant grant opens reporting only, never the council's work.
    expect(await overview(informant)).toBe(403)
  })

  /** The council's invitation as the council's page sends it, and the token its e-mail carries. */
  async function councilInvitation(email: string) {
    const sent: MailMessage[] = []
    const mailer = { send: async (_db: unknown, message: MailMessage) => (sent.push(message), 'smtp' as const) }
    const result = await inviteUser(db(), mailer, {
      actorId: people.member.id,
      email,
      organisationId: municipality.id,
      role: 'informant',
      councilId: councilA.id,
      origin: 'https://portal.example',
    })
    expect(result.ok).toBe(true)
    return /\/inbjudan\/([a-z2-7]+)/.exec(sent[0]!.text)![1]!
  }

  it('makes a newly invited informant an informant of the inviting council, and of no other', async () => {
    const page = await manage(people.member, {
      intent: 'invite',
      email: 'forsta@example.org',
      organisationId: municipality.id,
    })
    expect(page.status).toBe(200)
    expect(await db().select().from(invitations)).toMatchObject([{ councilId: councilA.id, role: 'informant' }])
    const token = await councilInvitation('ny.vaktmastare@example.org')
    const accepted = await acceptInvitation(db(), { token, name: 'Ny Vaktmästare', password: 'ett-långt-lösenord-1' })
    expect(accepted.ok).toBe(true)
    const [created] = await db().select().from(users).where(eq(users.email, 'ny.vaktmastare@example.org'))
    expect(await db().select().from(councilMembers).where(eq(councilMembers.userId, created!.id))).toMatchObject([
      { councilId: councilA.id, role: 'informant', grantedBy: people.member.id },
    ])
  })

  it('refuses to use a council’s invitation for an account made after it was sent', async () => {
    const token = await councilInvitation('sen@example.org')
    const late = await makeUser(db(), { email: 'sen@example.org', role: 'viewer', organisationId: school.id })
    const accepted = await acceptInvitation(db(), { token, signedInUserId: late.id })
    expect(accepted.ok).toBe(false)
    expect(await db().select().from(councilMembers).where(eq(councilMembers.userId, late.id))).toEqual([])
  })

  it("keeps the demo's council member Maria Sund and informant Johan Nyström in the demo council", async () => {
    await db().delete(councilMembers)
    await seedDemo(db(), { password: 'demo-lösenord-123', force: true })
    const rows = await db()
      .select({ email: users.email, role: councilMembers.role })
      .from(councilMembers)
      .innerJoin(users, eq(users.id, councilMembers.userId))
    expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: 'johan.nystrom@example.org', role: 'informant' },
      { email: 'maria.sund@example.org', role: 'member' },
    ])
  })

  it('backfills, in the migration, every active council member and informant of each council’s network', async () => {
    // As the councils stood before grants: delete them all, then run the migration's backfill again.
    const inactive = await makeUser(db(), { role: 'council_member', organisationId: housing.id, active: false })
    const editor = await makeUser(db(), { role: 'partner_editor', organisationId: housing.id })
    await db().delete(councilMembers)
    const migration = fs.readFileSync('drizzle/0011_council_members.sql', 'utf8').split('--> statement-breakpoint')
    const backfill = migration.find((statement) => statement.includes('INSERT INTO "council_members"'))!
    await db().execute(sql.raw(backfill))
    const rows = await db().select().from(councilMembers)
    const grants = rows.map((row) => `${row.councilId === councilA.id ? 'A' : 'B'} ${row.userId} ${row.role}`).sort()
    expect(grants).toEqual(
      [
        `A ${people.member.id} member`,
        `A ${people.informant.id} informant`,
        `B ${people.member.id} member`,
        `B ${people.informant.id} informant`,
        `B ${people.memberB.id} member`,
      ].sort(),
    )
    expect(rows.some((row) => row.userId === inactive.id || row.userId === editor.id)).toBe(false)
  })

  describe('inviting informants', () => {
    const invite = (who: { cookie: string }, email: string, organisationId = municipality.id) =>
      callRoute<{ errors: Record<string, string> }>(
        membersPage.action,
        postForm(`/trygghet/${councilA.id}/inrapportorer`, { intent: 'invite', email, organisationId }, who.cookie),
        { id: councilA.id },
      )

    it('refuses the council member’s own account, in any spelling, with a message at the field', async () => {
      for (const email of [people.member.email, people.member.email.toUpperCase(), ` ${people.member.email} `]) {
        const result = await invite(people.member, email, housing.id)
        expect(result.status).toBe(400)
        expect(result.body!.errors).toEqual({ email: 'council.informants.self' })
      }
      expect(await db().select().from(invitations)).toHaveLength(0)
      expect(await db().select().from(outbox)).toHaveLength(0)
    })

    it('refuses any existing account, whatever its organisation', async () => {
      const elsewhere = await person('viewer', school.id)
      for (const email of [elsewhere.email, people.informant.email, people.coordinator.email]) {
        const result = await invite(people.member, email, housing.id)
        expect(result.status).toBe(400)
        expect(result.body!.errors).toEqual({ email: 'council.informants.exists' })
      }
      expect(await db().select().from(invitations)).toHaveLength(0)
    })
  })
})
