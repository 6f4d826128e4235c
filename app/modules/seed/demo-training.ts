import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import type { MeetingKind } from '~/db/enums'
import {
  mandatePeriods,
  trainingAttendance,
  trainingGoals,
  trainingMeetingGoals,
  trainingMeetingGroups,
  trainingPeople,
  trainingPersonGroups,
  trainingTargetGroups,
} from '~/db/schema/mandate'
import { meetingInvitees, meetingOrganisations, meetings } from '~/db/schema/meetings'
import { users } from '~/db/schema/users'
import { defaultGoals, defaultTargetGroups } from '~/modules/mandate/defaults'
import { inviteesOf } from '~/modules/meetings/meetings.server'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'

// The demo's training and exercise plan, for a period made with its default
// target groups and goals: the municipality's people in the central crisis
// management, the duty officers (Tomas Falk, the demo's duty officer, among
// them; one who has never been trained, a gap), the crisis board and Posom;
// an evaluated exercise of the central crisis management (that goal at
// "1 av 2"), a held TiB training, and, while the period lasts, a planned
// Posom exercise. The meetings are the municipality's own, invited as
// already sent, so nothing waits in the outbox.

interface DemoPerson {
  name: string
  function: string
  /** A demo account the person is, by e-mail address. */
  email?: string
  groups: string[]
}

const people: DemoPerson[] = [
  { name: 'Karin Ek', function: 'Säkerhetssamordnare', email: 'karin.ek@example.org', groups: ['central'] },
  { name: 'Anders Lindqvist', function: 'Kommunchef', groups: ['central'] },
  { name: 'Eva Sjöberg', function: 'Kommunikationschef', groups: ['central'] },
  { name: 'Tomas Falk', function: 'Tjänsteperson i beredskap', email: 'tomas.falk@example.org', groups: ['tib'] },
  { name: 'Lisa Ahmed', function: 'Tjänsteperson i beredskap', groups: ['tib'] },
  { name: 'Jonas Berg', function: 'Tjänsteperson i beredskap', groups: ['tib'] },
  { name: 'Bengt Olsson', function: 'Krisledningsnämndens ordförande', groups: ['board'] },
  { name: 'Sara Holm', function: 'Socialchef', groups: ['posomLead'] },
]

interface DemoActivity {
  kind: MeetingKind
  title: string
  description: string
  /** Days from today. */
  days: number
  start: string
  end: string
  groups: string[]
  /** Default goals by their index in defaultGoals(). */
  goals: number[]
  attendees: string[]
  evaluation?: { worked: string; improve: string }
}

const activities: DemoActivity[] = [
  {
    kind: 'exercise',
    title: 'Övning: central krisledning vid storskaligt elavbrott',
    description: 'Spelövning för den centrala krisledningen: aktivering, lägesbild och kriskommunikation.',
    days: -45,
    start: '08:30',
    end: '12:00',
    groups: ['central'],
    goals: [1],
    attendees: ['Karin Ek', 'Anders Lindqvist', 'Eva Sjöberg'],
    evaluation: {
      worked: 'Aktiveringen gick snabbt och lägesbilden var gemensam efter en timme.',
      improve: 'Kriskommunikationen behöver en förberedd mall för invånarinformation vid elavbrott.',
    },
  },
  {
    kind: 'training',
    title: 'Utbildning: rollen som tjänsteperson i beredskap',
    description: 'Larmvägar, beslutsmandat och när krisledningen ska aktiveras.',
    days: -120,
    start: '13:00',
    end: '16:00',
    groups: ['tib'],
    goals: [3],
    attendees: ['Tomas Falk', 'Lisa Ahmed'],
  },
  {
    kind: 'exercise',
    title: 'Övning: Posoms ledningsgrupp',
    description: 'Aktivering av krisstödet efter en allvarlig olycka.',
    days: 14,
    start: '09:00',
    end: '11:30',
    groups: ['posomLead'],
    goals: [4],
    attendees: [],
  },
]

const DAY_MS = 86_400_000

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export async function insertDemoTraining(
  db: Executor,
  { periodId, coordinatorId, today }: { periodId: string; coordinatorId: string | null; today: string },
): Promise<void> {
  const [period] = await db.select().from(mandatePeriods).where(eq(mandatePeriods.id, periodId))
  if (!period) return
  const groupRows = await db.select().from(trainingTargetGroups).where(eq(trainingTargetGroups.periodId, periodId))
  const goalRows = await db.select().from(trainingGoals).where(eq(trainingGoals.periodId, periodId))
  const groupId = new Map(
    defaultTargetGroups.flatMap((group) => {
      const row = groupRows.find((candidate) => candidate.name === group.name)
      return row ? [[group.key, row.id] as const] : []
    }),
  )
  const goalTitles = defaultGoals(period.startYear, period.endYear).map((goal) => goal.title)
  const goalId = (index: number) => goalRows.find((row) => row.title === goalTitles[index])?.id

  const accounts = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        people.flatMap((person) => person.email ?? []),
      ),
    )
  const personId = new Map<string, string>()
  for (const person of people) {
    const [row] = await db
      .insert(trainingPeople)
      .values({
        periodId,
        name: person.name,
        function: person.function,
        organisationId: period.organisationId,
        userId: accounts.find((account) => account.email === person.email)?.id ?? null,
      })
      .returning({ id: trainingPeople.id })
    personId.set(person.name, row!.id)
    const groups = person.groups.flatMap((key) => groupId.get(key) ?? [])
    if (groups.length > 0) {
      await db
        .insert(trainingPersonGroups)
        .values(groups.map((targetGroupId) => ({ personId: row!.id, targetGroupId })))
    }
  }

  const invitees = await inviteesOf(db, [period.organisationId])
  for (const activity of activities) {
    const day = addDays(today, activity.days)
    const year = Number(day.slice(0, 4))
    // Only what falls within the period's years: early in a period, the older ones are left out.
    if (year < period.startYear || year > period.endYear) continue
    const startsAt = stockholmToInstant(day, activity.start)!
    const endsAt = stockholmToInstant(day, activity.end)!
    const [meeting] = await db
      .insert(meetings)
      .values({
        kind: activity.kind,
        title: activity.title,
        description: activity.description,
        startsAt,
        endsAt,
        place: 'Kommunhuset, Vårgårda, krisledningsrummet',
        organiserOrganisationId: period.organisationId,
        createdBy: coordinatorId,
        uid: `${crypto.randomUUID()}@omradesansvarsportalen`,
        evaluationWorked: activity.evaluation?.worked ?? '',
        evaluationImprove: activity.evaluation?.improve ?? '',
        evaluationSharedAt: activity.evaluation ? new Date(endsAt.getTime() + 3 * DAY_MS) : null,
      })
      .returning({ id: meetings.id })
    const meetingId = meeting!.id
    await db.insert(meetingOrganisations).values({ meetingId, organisationId: period.organisationId })
    if (invitees.length > 0) {
      await db.insert(meetingInvitees).values(invitees.map((person) => ({ meetingId, ...person, sentSequence: 0 })))
    }
    const groups = activity.groups.flatMap((key) => groupId.get(key) ?? [])
    if (groups.length > 0) {
      await db.insert(trainingMeetingGroups).values(groups.map((targetGroupId) => ({ meetingId, targetGroupId })))
    }
    const goals = activity.goals.flatMap((index) => goalId(index) ?? [])
    if (goals.length > 0) await db.insert(trainingMeetingGoals).values(goals.map((id) => ({ meetingId, goalId: id })))
    const attended = activity.attendees.flatMap((name) => personId.get(name) ?? [])
    if (attended.length > 0 && endsAt.getTime() < Date.parse(`${today}T00:00:00Z`)) {
      await db
        .insert(trainingAttendance)
        .values(attended.map((id) => ({ meetingId, personId: id, recordedBy: coordinatorId })))
    }
  }
}
