import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { roles } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import {
  eventEvaluationFindings,
  eventEvaluationResponses,
  eventEvaluations,
  eventLogEntries,
  eventOrganisations,
  events,
  eventSituationReports,
  eventStatusReports,
} from '../../app/db/schema/events'
import { mandatePeriods } from '../../app/db/schema/mandate'
import { actionItems, meetingInvitees, meetingOrganisations, meetings } from '../../app/db/schema/meetings'
import { organisations } from '../../app/db/schema/organisations'
import { memberships, users } from '../../app/db/schema/users'
import { verifyPassword } from '../../app/modules/auth/password.server'
import { demoOrganisations, demoUsers } from '../../app/modules/seed/demo-network'
import { isDatabaseEmpty, seedDemo } from '../../app/modules/seed/seed.server'
import { makeOrganisation, makeUser } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

describe('seedDemo', () => {
  it("loads the last theme day with its minutes and action items, the next network meeting and Sjuhärad's theme day, dated from today", async () => {
    await seedDemo(db(), { password: 'demo-lösenord-123' })
    const all = await db().select().from(meetings).orderBy(meetings.startsAt)
    // The training plan's exercises and trainings (demo-training.ts) are counted apart.
    const rows = all.filter((row) => row.kind !== 'exercise' && row.kind !== 'training')
    expect(all.filter((row) => row.kind === 'exercise' || row.kind === 'training').map((row) => row.kind)).toEqual([
      'training',
      'exercise',
      'exercise',
    ])
    const [period] = await db().select().from(mandatePeriods)
    expect(period!.startYear).toBeLessThanOrEqual(new Date().getFullYear())
    expect(period!.endYear).toBeGreaterThanOrEqual(new Date().getFullYear())
    expect(rows.map((row) => [row.kind, row.startsAt < new Date(), row.minutes !== ''])).toEqual([
      ['theme_day', true, true],
      ['network_meeting', false, false],
      ['theme_day', false, false],
    ])
    const items = await db().select().from(actionItems)
    expect(items.map((item) => item.state).sort()).toEqual(['done', 'in_progress', 'open'])
    // Invited as a real meeting invites (users, or the mailbox of an organisation without any); no mail went out for the demo.
    const invitees = await db().select().from(meetingInvitees)
    const vargarda = invitees.filter(
      (row) => row.meetingId !== rows[2]!.id && rows.some((meeting) => meeting.id === row.meetingId),
    )
    expect(vargarda.some((row) => row.email === 'per.holm@example.org')).toBe(true)
    expect(invitees.some((row) => row.email === 'johan.nystrom@example.org')).toBe(false)
    expect(vargarda.every((row) => row.sentSequence === null)).toBe(true)
  })

  it('gives Sjuhärad partner editors, so its theme day reaches people who answer and crisis mailboxes only where nobody uses the portal', async () => {
    await seedDemo(db(), { password: 'demo-lösenord-123' })
    const [sjuharad] = await db()
      .select()
      .from(meetings)
      .where(eq(meetings.title, 'Temadag: dricksvatten vid långvarigt elavbrott'))
    const invitees = await db().select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, sjuharad!.id))
    const emails = invitees.map((row) => row.email)
    // Borås and Herrljunga through their partner editors, the other municipalities through their crisis mailboxes.
    expect(emails).toEqual(expect.arrayContaining(['anna.lind@example.org', 'sofia.wall@example.org']))
    expect(emails).not.toContain('krisledning.boras@example.org')
    expect(emails).toContain('krisledning.mark@example.org')
    expect(emails.every((email) => email.endsWith('@example.org'))).toBe(true)
    expect(invitees.every((row) => row.sentSequence === 0)).toBe(true)
    const answers = await db()
      .select({
        name: organisations.name,
        answer: meetingOrganisations.answer,
        attendees: meetingOrganisations.attendees,
      })
      .from(meetingOrganisations)
      .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
      .where(eq(meetingOrganisations.meetingId, sjuharad!.id))
    expect(
      answers
        .filter((row) => row.answer === 'attending')
        .map((row) => row.name)
        .sort(),
    ).toEqual(['Borås stad', 'Herrljunga kommun'])
    expect(answers.some((row) => row.answer === 'pending')).toBe(true)
    expect(answers.map((row) => row.name)).not.toContain('Vårgårda kommun')
  })

  it('loads one finished exercise with its status reports and a log that a newcomer can read', async () => {
    const now = new Date()
    await seedDemo(db(), { password: 'demo-lösenord-123' })
    const rows = await db().select().from(events)
    expect(rows).toHaveLength(1)
    const exercise = rows[0]!
    expect(exercise).toMatchObject({
      title: 'Övning Elavbrott Vårgårda',
      kind: 'exercise',
      level: 'staff',
      lostResources: ['electricity'],
    })
    expect(exercise.area.kind).toBe('area')
    expect(exercise.endedAt!.getTime()).toBeLessThan(now.getTime())
    expect(exercise.startedAt.getTime()).toBeLessThan(exercise.endedAt!.getTime())
    const taking = await db()
      .select({ name: organisations.name })
      .from(eventOrganisations)
      .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
      .where(eq(eventOrganisations.eventId, exercise.id))
    expect(taking.map((row) => row.name).sort()).toEqual([
      'Solör Bioenergi i Vårgårda AB',
      'Vårgårda Bostäder AB',
      'Vårgårda kommun',
    ])
    const log = await db()
      .select()
      .from(eventLogEntries)
      .where(eq(eventLogEntries.eventId, exercise.id))
      .orderBy(eventLogEntries.seq)
    const kinds = log.map((entry) => entry.kind)
    expect(kinds[kinds.length - 1]).toBe('closed')
    expect(kinds).toEqual(
      expect.arrayContaining(['observation', 'decision', 'task', 'level', 'status_report', 'message_out']),
    )
    // In the order written, within the exercise's hours.
    const times = log.map((entry) => entry.createdAt.getTime())
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    expect(times.every((time) => time >= exercise.startedAt.getTime() && time <= exercise.endedAt!.getTime())).toBe(
      true,
    )
    expect(log.find((entry) => entry.kind === 'decision')).toMatchObject({
      decidedBy: 'Kommundirektören',
      mandate: expect.stringContaining('extraordinära'),
    })
    const correction = log.find((entry) => entry.correctsId !== null)!
    expect(log.find((entry) => entry.id === correction.correctsId)!.kind).toBe('observation')
    const task = log.find((entry) => entry.kind === 'task' && entry.taskState === 'open')!
    expect(log.find((entry) => entry.refersToId === task.id)).toMatchObject({ kind: 'task', taskState: 'done' })
    const reports = await db().select().from(eventStatusReports).where(eq(eventStatusReports.eventId, exercise.id))
    expect(reports.map((report) => report.status)).toEqual(expect.arrayContaining(['backup', 'degraded', 'restored']))
    expect(reports.every((report) => report.reportedAt.getTime() < exercise.endedAt!.getTime())).toBe(true)
    const [leader] = await db().select().from(users).where(eq(users.id, exercise.createdBy!))
    expect(leader!.email).toBe('tomas.falk@example.org')
    // Evaluated and shared after it ended: two organisations answered for themselves, with findings.
    const [evaluation] = await db().select().from(eventEvaluations).where(eq(eventEvaluations.eventId, exercise.id))
    expect(evaluation!.sharedAt!.getTime()).toBeGreaterThan(exercise.endedAt!.getTime())
    expect(evaluation!.sharedAt!.getTime()).toBeLessThan(now.getTime())
    const responses = await db()
      .select({ name: organisations.name })
      .from(eventEvaluationResponses)
      .innerJoin(organisations, eq(organisations.id, eventEvaluationResponses.organisationId))
      .where(eq(eventEvaluationResponses.eventId, exercise.id))
    expect(responses.map((row) => row.name).sort()).toEqual(['Solör Bioenergi i Vårgårda AB', 'Vårgårda Bostäder AB'])
    const findings = await db()
      .select()
      .from(eventEvaluationFindings)
      .where(eq(eventEvaluationFindings.eventId, exercise.id))
    expect(findings.length).toBeGreaterThan(0)
    // Two frozen situation reports, during the exercise, each with its line in the log.
    const situationReports = await db()
      .select()
      .from(eventSituationReports)
      .where(eq(eventSituationReports.eventId, exercise.id))
      .orderBy(eventSituationReports.number)
    expect(situationReports.map((report) => report.number)).toEqual([1, 2])
    for (const report of situationReports) {
      expect(report.frozenAt.getTime()).toBeGreaterThan(exercise.startedAt.getTime())
      expect(report.frozenAt.getTime()).toBeLessThan(exercise.endedAt!.getTime())
      expect(report.content.state).toContain('Fjärrvärmeproduktion')
      expect(log.map((entry) => entry.text)).toContain(`Lägesrapport ${report.number} fastställd`)
    }
  })

  const db = useTestDatabase()

  const snapshot = async () => ({
    organisations: await db().select().from(organisations),
    users: await db().select().from(users),
    memberships: await db().select().from(memberships),
    audit: await db().select().from(auditLog),
  })

  it('loads the demo network into an empty database, one fictional user per role, and then refuses to run again', async () => {
    expect(await isDatabaseEmpty(db())).toBe(true)

    const result = await seedDemo(db(), { password: 'demo-lösenord-123' })
    expect(result).toEqual({
      seeded: true,
      coordinatorEmail: 'karin.ek@example.org',
      password: 'demo-lösenord-123',
      organisations: demoOrganisations.length,
      users: demoUsers.length,
    })
    expect(await isDatabaseEmpty(db())).toBe(false)

    const names = (await db().select().from(organisations)).map((row) => row.name)
    expect(names.sort()).toEqual(demoOrganisations.map((organisation) => organisation.name).sort())
    expect(names).toContain('Vårgårda kommun')
    expect(names).toContain('Krissamverkan Sjuhärad')

    const people = await db()
      .select({
        email: users.email,
        role: memberships.role,
        organisation: organisations.name,
        hash: users.passwordHash,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    expect(people).toHaveLength(demoUsers.length)
    expect(new Set(people.map((person) => person.role))).toEqual(new Set(roles))
    for (const person of people) expect(person.email).toMatch(/^[a-z.]+@example\.org$/)
    expect(people.find((person) => person.role === 'coordinator')).toMatchObject({
      email: 'karin.ek@example.org',
      organisation: 'Vårgårda kommun',
    })
    expect(await verifyPassword(people[0]!.hash!, 'demo-lösenord-123')).toBe(true)

    expect(await db().select().from(auditLog).where(eq(auditLog.entity, 'seed'))).toMatchObject([
      { userId: null, entityId: 'demo', action: 'create' },
    ])

    const before = await snapshot()
    expect(await seedDemo(db(), { password: 'ett-annat-lösen' })).toEqual({ seeded: false, reason: 'notEmpty' })
    expect(await snapshot()).toEqual(before)
  })

  it('generates a password when none is given', async () => {
    const result = await seedDemo(db())
    expect(result.seeded).toBe(true)
    if (!result.seeded) return
    expect(result.password).toMatch(/^[a-z2-7]{16}$/)
    const [coordinator] = await db().select().from(users).where(eq(users.email, result.coordinatorEmail))
    expect(await verifyPassword(coordinator!.passwordHash!, result.password)).toBe(true)
  })

  it('treats a database with only a user or only an organisation as not empty', async () => {
    const user = await makeUser(db())
    expect(await isDatabaseEmpty(db())).toBe(false)
    expect(await seedDemo(db())).toEqual({ seeded: false, reason: 'notEmpty' })
    expect(await db().select().from(organisations)).toEqual([])

    await db().delete(users).where(eq(users.id, user.id))
    expect(await isDatabaseEmpty(db())).toBe(true)
    await makeOrganisation(db(), { name: 'Befintlig kommun' })
    expect(await isDatabaseEmpty(db())).toBe(false)
    expect(await seedDemo(db())).toEqual({ seeded: false, reason: 'notEmpty' })
    expect(await db().select().from(users)).toEqual([])
  })
})
