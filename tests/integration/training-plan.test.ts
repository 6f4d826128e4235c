import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import {
  trainingAttendance,
  trainingGoals,
  trainingPeople,
  trainingPersonGroups,
  trainingTargetGroups,
  type MandatePeriod,
} from '../../app/db/schema/mandate'
import { meetings } from '../../app/db/schema/meetings'
import { createPeriod } from '../../app/modules/mandate/periods.server'
import { stockholmToday } from '../../app/modules/mandate/deliverable-state'
import { insertDemoTraining } from '../../app/modules/seed/demo-training'
import * as evaluationRoute from '../../app/routes/moten+/$id.utvardering'
import * as goalsRoute from '../../app/routes/mandatperiod+/$id.ovningsplan.mal'
import * as groupsRoute from '../../app/routes/mandatperiod+/$id.ovningsplan.malgrupper'
import * as activityRoute from '../../app/routes/mandatperiod+/$id.ovningsplan.ovningar.$meetingId'
import * as planRoute from '../../app/routes/mandatperiod+/$id.ovningsplan._index'
import * as personRoute from '../../app/routes/mandatperiod+/$id.ovningsplan.personer_.$personId'
import * as peopleRoute from '../../app/routes/mandatperiod+/$id.ovningsplan.personer'
import * as printRoute from '../../app/routes/mandatperiod+/$id_.ovningsplan.utskrift'
import { getRequest, makeMeeting, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { descriptionsOf } from '../support/markup'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

type PlanPage = Awaited<ReturnType<typeof planRoute.loader>>
type Outcome = {
  form: string
  values: Record<string, string>
  errors: Record<string, string>
  current?: Record<string, string>
  notice?: string
}
type ActivityOutcome = { form: string; current: Record<string, string>; notice: string }

const DAY_MS = 86_400_000
const year = Number(stockholmToday().slice(0, 4))

describe('the training and exercise plan', () => {
  let handle: DatabaseHandle
  let db: Database
  let municipality = ''
  let partnerOrganisation = ''
  const users = {} as Record<'coordinator' | 'dutyOfficer' | 'partner', { id: string; cookie: string; name: string }>
  let period: MandatePeriod

  const base = () => `/mandatperiod/${period.id}/ovningsplan`
  const params = () => ({ id: period.id })
  const planPage = (cookie: string) => callRoute<PlanPage>(planRoute.loader, getRequest(base(), cookie), params())
  const renderPlan = async (cookie: string) => {
    const page = await planPage(cookie)
    expect(page.status).toBe(200)
    return renderRoute(planRoute.default, { loaderData: page.body })
  }
  const post = (
    route: { action: unknown },
    path: string,
    cookie: string,
    fields: Record<string, string | string[]>,
    extra = {},
  ) => callRoute<Outcome>(route.action, postForm(`${base()}${path}`, fields, cookie), { ...params(), ...extra })
  const auditRows = (action: string) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'training_plan'), eq(auditLog.action, action)))
      .orderBy(asc(auditLog.at))
  const groupNamed = async (name: string) =>
    (
      await db
        .select()
        .from(trainingTargetGroups)
        .where(and(eq(trainingTargetGroups.periodId, period.id), eq(trainingTargetGroups.name, name)))
    )[0]!
  const goalTitled = async (start: string) =>
    (await db.select().from(trainingGoals).where(eq(trainingGoals.periodId, period.id))).find((goal) =>
      goal.title.startsWith(start),
    )!

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    partnerOrganisation = (await makeOrganisation(db, { name: 'Vårgårda Bostäder', kind: 'municipal_company' })).id
    const person = async (role: Role, organisationId: string, name: string, email: string) => {
      const made = await makeUser(db, { role, organisationId, name, email })
      return { id: made.id, name, cookie: (await signedIn(db, made.id)).cookie }
    }
    users.coordinator = await person('coordinator', municipality, 'Karin Ek', 'karin.ek@example.org')
    users.dutyOfficer = await person('duty_officer', municipality, 'Tomas Falk', 'tomas.falk@example.org')
    users.partner = await person('partner_editor', partnerOrganisation, 'Per Holm', 'per.holm@example.org')
    const created = await createPeriod(db, {
      title: `Mandatperiod ${year - 1}–${year + 2}`,
      startYear: year - 1,
      endYear: year + 2,
      organisationId: municipality,
      actorId: users.coordinator.id,
      actorOrganisationId: municipality,
    })
    if (!created.ok) throw new Error('no period')
    period = created.period
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it('adds a target group, a person and a goal, each audited under the period', async () => {
    const group = await post(groupsRoute, '/malgrupper', users.coordinator.cookie, {
      intent: 'create',
      name: 'Räddningstjänstens ledning',
      description: 'Inre befäl och räddningschef i beredskap.',
    })
    expect([group.status, group.location]).toEqual([302, `${base()}/malgrupper`])
    const added = await groupNamed('Räddningstjänstens ledning')
    expect(added.sortOrder).toBeGreaterThan((await groupNamed('Central krisledning')).sortOrder)

    const tib = await groupNamed('Tjänstepersoner i beredskap (TiB)')
    const person = await post(peopleRoute, '/personer', users.coordinator.cookie, {
      intent: 'create',
      name: 'Tomas Falk',
      function: 'TiB',
      organisationId: municipality,
      userId: users.dutyOfficer.id,
      groupIds: [tib.id, added.id],
    })
    expect([person.status, person.location]).toEqual([302, `${base()}/personer`])
    const [stored] = await db.select().from(trainingPeople).where(eq(trainingPeople.periodId, period.id))
    expect(stored).toMatchObject({
      name: 'Tomas Falk',
      function: 'TiB',
      organisationId: municipality,
      userId: users.dutyOfficer.id,
    })
    const links = await db.select().from(trainingPersonGroups).where(eq(trainingPersonGroups.personId, stored!.id))
    expect(links.map((link) => link.targetGroupId).sort()).toEqual([tib.id, added.id].sort())

    const goal = await post(goalsRoute, '/mal', users.coordinator.cookie, {
      intent: 'create',
      title: 'Räddningstjänstens ledning övad två gånger',
      measure: 'held_activities',
      targetCount: '2',
      targetGroupId: added.id,
    })
    expect(goal.status).toBe(302)

    const [groupAudit] = await auditRows('group_create')
    expect(groupAudit).toMatchObject({
      entityId: period.id,
      userId: users.coordinator.id,
      changes: { name: { before: null, after: 'Räddningstjänstens ledning' } },
    })
    const [personAudit] = await auditRows('person_create')
    expect(personAudit).toMatchObject({
      entityId: period.id,
      changes: {
        name: { before: null, after: 'Tomas Falk' },
        userId: { before: null, after: users.dutyOfficer.id },
        targetGroups: { before: null, after: ['Tjänstepersoner i beredskap (TiB)', 'Räddningstjänstens ledning'] },
      },
    })
    const [goalAudit] = await auditRows('goal_create')
    expect(goalAudit).toMatchObject({
      entityId: period.id,
      changes: {
        title: { before: null, after: 'Räddningstjänstens ledning övad två gånger' },
        measure: { before: null, after: 'held_activities' },
        targetCount: { before: null, after: 2 },
        targetGroups: { before: null, after: ['Räddningstjänstens ledning'] },
      },
    })
  })

  it('refuses a count outside 1–1000 with a Swedish message next to the field, keeping the input', async () => {
    const fields = { intent: 'create', title: 'Länsövningar', measure: 'held_activities', targetCount: '1001' }
    const refused = await post(goalsRoute, '/mal', users.coordinator.cookie, fields)
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ form: 'create', errors: { targetCount: 'trainingPlan.error.targetCount' } })
    const loaded = await callRoute(goalsRoute.loader, getRequest(`${base()}/mal`, users.coordinator.cookie), params())
    const html = await renderRoute(goalsRoute.default, { loaderData: loaded.body, actionData: refused.body })
    const section = html.slice(html.indexOf('id="new-goal-heading"'))
    expect(section).toContain('value="Länsövningar"')
    expect(section).toMatch(/<input[^>]*name="targetCount"[^>]*aria-invalid="true"/)
    expect(descriptionsOf(section, 'input[name="targetCount"]')).toContain('Skriv ett heltal mellan 1 och 1000.')

    const missing = await post(goalsRoute, '/mal', users.coordinator.cookie, { ...fields, targetCount: '' })
    expect(missing.body?.errors).toEqual({ targetCount: 'trainingPlan.error.targetCountRequired' })
    expect(await db.select().from(trainingGoals).where(eq(trainingGoals.title, 'Länsövningar'))).toEqual([])
  })

  it('answers a stale version with 409 and the value saved meanwhile, and removes only under the current version', async () => {
    const group = await groupNamed('Posoms stödpersonal')
    const rename = (name: string) =>
      post(groupsRoute, '/malgrupper', users.coordinator.cookie, {
        intent: 'update',
        id: group.id,
        version: String(group.version),
        name,
        description: '',
      })
    expect((await rename('Posoms stödpersoner')).status).toBe(302)
    const stale = await rename('Krisstödets stödpersoner')
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({
      form: `update:${group.id}`,
      notice: 'trainingPlan.conflict',
      values: { name: 'Krisstödets stödpersoner', version: String(group.version + 1) },
      current: { name: 'Posoms stödpersoner' },
    })
    const loaded = await callRoute(
      groupsRoute.loader,
      getRequest(`${base()}/malgrupper`, users.coordinator.cookie),
      params(),
    )
    const html = await renderRoute(groupsRoute.default, { loaderData: loaded.body, actionData: stale.body })
    expect(html).toContain('Nuvarande värde: Posoms stödpersoner')
    expect((await groupNamed('Posoms stödpersoner')).version).toBe(group.version + 1)

    // Saved again as it was loaded: nothing changes, nothing is logged.
    const unchanged = await post(groupsRoute, '/malgrupper', users.coordinator.cookie, {
      intent: 'update',
      id: group.id,
      version: String(group.version + 1),
      name: 'Posoms stödpersoner',
      description: '',
    })
    expect(unchanged.status).toBe(302)
    expect((await groupNamed('Posoms stödpersoner')).version).toBe(group.version + 1)

    const removeStale = await post(groupsRoute, '/malgrupper', users.coordinator.cookie, {
      intent: 'delete',
      id: group.id,
      version: String(group.version),
    })
    expect(removeStale.status).toBe(409)
    expect(removeStale.body).toMatchObject({
      notice: 'trainingPlan.deleteConflict',
      values: { name: 'Posoms stödpersoner' },
    })
    const removed = await post(groupsRoute, '/malgrupper', users.coordinator.cookie, {
      intent: 'delete',
      id: group.id,
      version: String(group.version + 1),
    })
    expect(removed.status).toBe(302)
    expect(await db.select().from(trainingTargetGroups).where(eq(trainingTargetGroups.id, group.id))).toEqual([])
    const updates = await auditRows('group_update')
    expect(updates).toHaveLength(1)
    expect(updates[0]).toMatchObject({
      changes: { name: { before: 'Posoms stödpersonal', after: 'Posoms stödpersoner' } },
    })
    expect((await auditRows('group_delete'))[0]).toMatchObject({
      changes: { name: { before: 'Posoms stödpersoner', after: null } },
    })

    const [person] = await db.select().from(trainingPeople).where(eq(trainingPeople.periodId, period.id))
    const personUrl = `/personer/${person!.id}`
    const editPerson = (version: number, name: string) =>
      post(
        personRoute,
        personUrl,
        users.coordinator.cookie,
        {
          intent: 'update',
          id: person!.id,
          version: String(version),
          name,
          function: 'TiB',
          organisationId: municipality,
        },
        { personId: person!.id },
      )
    expect((await editPerson(person!.version, 'Tomas Falk')).status).toBe(302)
    const stalePerson = await editPerson(person!.version, 'T. Falk')
    expect(stalePerson.status).toBe(409)
    // The first save also left the account and the groups out; the conflict names what is saved now.
    expect(stalePerson.body?.current).toEqual({ name: 'Tomas Falk' })
    const personPage = await callRoute(
      personRoute.loader,
      getRequest(`${base()}${personUrl}`, users.coordinator.cookie),
      { ...params(), personId: person!.id },
    )
    const personHtml = await renderRoute(personRoute.default, {
      loaderData: personPage.body,
      actionData: stalePerson.body,
    })
    expect(personHtml).toContain('value="T. Falk"')
    expect(personHtml).toContain('Nuvarande värde: Tomas Falk')
    expect(personHtml).toContain('Vårgårda kommun')
    // No contact fields: the plan only names people.
    expect(personHtml).not.toMatch(/type="(email|tel)"/)
    const listPage = await callRoute(
      peopleRoute.loader,
      getRequest(`${base()}/personer`, users.coordinator.cookie),
      params(),
    )
    const listHtml = await renderRoute(peopleRoute.default, { loaderData: listPage.body })
    expect(listHtml).toContain(`${base()}/personer/${person!.id}`)
  })

  it('an exercise tagged with the central crisis management moves that goal from "0 av 2" to "1 av 2" once evaluated', async () => {
    const central = await groupNamed('Central krisledning')
    const tib = await groupNamed('Tjänstepersoner i beredskap (TiB)')
    const goal = await goalTitled('Två övningar för den centrala krisledningen')
    const add = (name: string, groupIds: string[], userId = '') =>
      post(peopleRoute, '/personer', users.coordinator.cookie, {
        intent: 'create',
        name,
        function: '',
        groupIds,
        userId,
      })
    await add('Anders Lindqvist', [central.id])
    await add('Lisa Ahmed', [tib.id])
    // The duty officer's account, trained in no role yet.
    await db.delete(trainingPeople).where(eq(trainingPeople.name, 'Tomas Falk'))
    await add('Tomas Falk', [tib.id], users.dutyOfficer.id)
    const person = async (name: string) =>
      (await db.select().from(trainingPeople).where(eq(trainingPeople.name, name)))[0]!

    expect(await renderPlan(users.coordinator.cookie)).toContain('0 av 2 utvärderade övningar')
    const ended = new Date(Date.now() - 2 * 3_600_000)
    const exercise = await makeMeeting(db, {
      organiserOrganisationId: municipality,
      invitedOrganisationIds: [municipality],
      kind: 'exercise',
      title: 'Övning: central krisledning',
      startsAt: new Date(ended.getTime() - 3 * 3_600_000),
      endsAt: ended,
    })
    const training = await makeMeeting(db, {
      organiserOrganisationId: municipality,
      kind: 'training',
      title: 'Utbildning: TiB-rollen',
      startsAt: new Date(ended.getTime() - 5 * 3_600_000),
      endsAt: new Date(ended.getTime() - 4 * 3_600_000),
    })
    const activityUrl = (meetingId: string) => `/ovningar/${meetingId}`
    const onActivity = (meetingId: string, fields: Record<string, string | string[]>) =>
      callRoute<ActivityOutcome>(
        activityRoute.action,
        postForm(`${base()}${activityUrl(meetingId)}`, fields, users.coordinator.cookie),
        { ...params(), meetingId },
      )

    const page = await callRoute(
      activityRoute.loader,
      getRequest(`${base()}${activityUrl(exercise.id)}`, users.coordinator.cookie),
      {
        ...params(),
        meetingId: exercise.id,
      },
    )
    expect(page.status).toBe(200)
    const tagPage = await renderRoute(activityRoute.default, { loaderData: page.body })
    expect(tagPage).toContain('Central krisledning')
    expect(tagPage).toContain('Anders Lindqvist')
    const tags = { intent: 'tags', groupIds: [central.id], goalIds: [goal.id], loadedGroups: '', loadedGoals: '' }
    const tagged = await onActivity(exercise.id, tags)
    expect([tagged.status, tagged.location]).toEqual([302, `${base()}${activityUrl(exercise.id)}`])
    // Someone else's form, loaded before the tags were saved, does not overwrite them.
    const stale = await onActivity(exercise.id, { ...tags, groupIds: [tib.id] })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ form: 'tags', current: { groupIds: 'Central krisledning' } })
    const attended = await onActivity(exercise.id, {
      intent: 'attendance',
      personIds: [(await person('Anders Lindqvist')).id],
      loadedPeople: '',
    })
    expect(attended.status).toBe(302)
    await onActivity(training.id, {
      intent: 'tags',
      groupIds: [tib.id],
      goalIds: [],
      loadedGroups: '',
      loadedGoals: '',
    })
    await onActivity(training.id, {
      intent: 'attendance',
      personIds: [(await person('Lisa Ahmed')).id],
      loadedPeople: '',
    })

    const held = await renderPlan(users.coordinator.cookie)
    expect(held).toContain('0 av 2 utvärderade övningar')
    expect(held).toContain('Övning: central krisledning')

    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, exercise.id))
    const shared = await callRoute(
      evaluationRoute.action,
      postForm(
        `/moten/${exercise.id}/utvardering`,
        { intent: 'share', version: String(meeting!.version) },
        users.coordinator.cookie,
      ),
      { id: exercise.id },
    )
    expect(shared.status).toBe(302)
    const evaluated = await renderPlan(users.coordinator.cookie)
    expect(evaluated).toContain('1 av 2 utvärderade övningar')

    const { body } = await planPage(users.coordinator.cookie)
    expect(body!.goals.find((row) => row.id === goal.id)).toMatchObject({ done: 1, target: 2, reached: false })
    expect(body!.goals.find((row) => row.title === 'Alla TiB utbildade för uppgiften')).toMatchObject({
      done: 1,
      target: 2,
    })
    // The duty officer, in the TiB group, has attended nothing for it: a gap.
    expect(body!.gaps).toContainEqual(
      expect.objectContaining({
        personName: 'Tomas Falk',
        groupName: 'Tjänstepersoner i beredskap (TiB)',
        kind: 'never',
      }),
    )
    expect(body!.gaps.some((gap) => gap.personName === 'Lisa Ahmed' || gap.personName === 'Anders Lindqvist')).toBe(
      false,
    )
    expect(evaluated).toMatch(/Tomas Falk[\s\S]*?aldrig utbildad i rollen/)

    expect((await auditRows('tags'))[0]).toMatchObject({
      entityId: period.id,
      changes: {
        meetingId: { before: null, after: exercise.id },
        targetGroups: { before: [], after: ['Central krisledning'] },
        goals: { before: [], after: [goal.title] },
      },
    })
    expect((await auditRows('attendance'))[0]).toMatchObject({
      entityId: period.id,
      changes: { meetingId: { before: null, after: exercise.id }, people: { before: [], after: ['Anders Lindqvist'] } },
    })
    expect(
      await db.select().from(trainingAttendance).where(eq(trainingAttendance.meetingId, exercise.id)),
    ).toHaveLength(1)
  })

  it("is not found for a meeting of another kind, outside the period or another municipality's", async () => {
    const open = (meetingId: string) =>
      callRoute(activityRoute.loader, getRequest(`${base()}/ovningar/${meetingId}`, users.coordinator.cookie), {
        ...params(),
        meetingId,
      })
    const themeDay = await makeMeeting(db, { organiserOrganisationId: municipality, kind: 'theme_day' })
    const before = await makeMeeting(db, {
      organiserOrganisationId: municipality,
      kind: 'exercise',
      startsAt: new Date(`${year - 2}-06-01T08:00:00Z`),
      endsAt: new Date(`${year - 2}-06-01T10:00:00Z`),
    })
    const elsewhere = await makeMeeting(db, { organiserOrganisationId: partnerOrganisation, kind: 'exercise' })
    for (const meeting of [themeDay, before, elsewhere]) expect((await open(meeting.id)).status).toBe(404)
    const invited = await makeMeeting(db, {
      organiserOrganisationId: partnerOrganisation,
      invitedOrganisationIds: [municipality],
      kind: 'training',
    })
    expect((await open(invited.id)).status).toBe(200)
  })

  it('is read by the duty officer, changed only by the coordinator, and not found for a partner', async () => {
    expect((await planPage(users.dutyOfficer.cookie)).status).toBe(200)
    expect((await planPage(users.partner.cookie)).status).toBe(404)
    const print = (cookie: string) => callRoute(printRoute.loader, getRequest(`${base()}/utskrift`, cookie), params())
    expect((await print(users.dutyOfficer.cookie)).status).toBe(200)
    expect((await print(users.partner.cookie)).status).toBe(404)
    const refused = await post(groupsRoute, '/malgrupper', users.dutyOfficer.cookie, {
      intent: 'create',
      name: 'Smygande',
    })
    expect(refused.status).toBe(403)
    expect(
      (await post(groupsRoute, '/malgrupper', users.partner.cookie, { intent: 'create', name: 'Smygande' })).status,
    ).toBe(404)
    const readerPage = await renderPlan(users.dutyOfficer.cookie)
    expect(readerPage).not.toContain('/ovningsplan/malgrupper')
    expect(readerPage).not.toContain('Målgrupper och närvaro')
    expect(await db.select().from(trainingTargetGroups).where(eq(trainingTargetGroups.name, 'Smygande'))).toEqual([])
  })

  it('prints the plan for adoption: groups with their people, goals with progress, planned and held exercises', async () => {
    const loaded = await callRoute(
      printRoute.loader,
      getRequest(`${base()}/utskrift`, users.coordinator.cookie),
      params(),
    )
    const html = await renderRoute(printRoute.default, { loaderData: loaded.body })
    expect(html).toContain(`Utbildnings- och övningsplan ${year - 1}–${year + 2}`)
    expect(html).toContain('Lisa Ahmed')
    expect(html).toContain('1 av 2 utvärderade övningar')
    expect(html).toContain('Genomförda övningar och utbildningar')
    expect(html).toContain('Antagen av kommunchefen')
  })
})

describe('the demo training plan', () => {
  let handle: DatabaseHandle

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it('has the duty officer among the TiB, a gap, and the central crisis management at "1 av 2"', async () => {
    const db = handle.db
    const municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    const coordinator = await makeUser(db, {
      role: 'coordinator',
      organisationId: municipality,
      email: 'karin.ek@example.org',
      name: 'Karin Ek',
    })
    const dutyOfficer = await makeUser(db, {
      role: 'duty_officer',
      organisationId: municipality,
      email: 'tomas.falk@example.org',
      name: 'Tomas Falk',
    })
    const today = stockholmToday()
    const created = await createPeriod(db, {
      title: `Mandatperiod ${year - 1}–${year + 2}`,
      startYear: year - 1,
      endYear: year + 2,
      organisationId: municipality,
      actorId: coordinator.id,
      actorOrganisationId: municipality,
    })
    if (!created.ok) throw new Error('no period')
    const periodId = created.period.id
    await insertDemoTraining(db, { periodId, coordinatorId: coordinator.id, today })

    const [tomas] = await db.select().from(trainingPeople).where(eq(trainingPeople.name, 'Tomas Falk'))
    expect(tomas?.userId).toBe(dutyOfficer.id)
    const cookie = (await signedIn(db, coordinator.id)).cookie
    const page = await callRoute<PlanPage>(
      planRoute.loader,
      getRequest(`/mandatperiod/${periodId}/ovningsplan`, cookie),
      {
        id: periodId,
      },
    )
    const body = page.body!
    expect(
      body.goals.find((goal) => goal.title.startsWith('Två övningar för den centrala krisledningen')),
    ).toMatchObject({
      done: 1,
      target: 2,
    })
    expect(body.gaps).toContainEqual(expect.objectContaining({ personName: 'Jonas Berg', kind: 'never' }))
    expect(body.gaps.some((gap) => gap.personName === 'Tomas Falk')).toBe(false)
    expect(body.activities.filter((activity) => activity.state === 'held')).toHaveLength(2)
    // Every exercise has its page in the plan, so the demo reaches it by a link.
    const html = await renderRoute(planRoute.default, { loaderData: body })
    for (const activity of body.activities)
      expect(html).toContain(`/mandatperiod/${periodId}/ovningsplan/ovningar/${activity.id}`)
    expect(body.activities.every((activity) => new Date(activity.endsAt).getTime() < Date.now() + 30 * DAY_MS)).toBe(
      true,
    )
  })
})
