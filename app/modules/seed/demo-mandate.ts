import { and, eq } from 'drizzle-orm'
import type { Database } from '~/db/client.server'
import type { DeliverableKind } from '~/db/enums'
import { mandateDeliverables, mandatePeriods, type MandateDeliverable } from '~/db/schema/mandate'
import { memberships, users } from '~/db/schema/users'
import { isRsaKind } from '~/modules/mandate/calendar'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { defaultPeriodTitle } from '~/modules/mandate/mandate-forms'
import { createPeriod } from '~/modules/mandate/periods.server'

// The demo's mandate period: the one running on the day the demo is loaded,
// with a mix that stays realistic whatever that day is: what fell due
// earlier is mostly adopted, with its decision; two milestones lag behind
// (overdue); the crisis communication plan and the duty officers' routine
// are being revised and fall due within the coming weeks; the calendar is
// shared with the partners. The RSA and its follow-ups are read from the RSA
// pages, as always.

const DAY_MS = 86_400_000

const addDays = (day: string, days: number) =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * DAY_MS)
    .toISOString()
    .slice(0, 10)

/** Who adopts what, as a municipality's decisions usually go. */
const adoptedBy: Partial<Record<DeliverableKind, string>> = {
  steering_document: 'kommunfullmäktige',
  crisis_board_rules: 'kommunfullmäktige',
  extraordinary_events_plan: 'kommunfullmäktige',
  chief_executive_instruction: 'kommunstyrelsen',
  crisis_communication_plan: 'kommunstyrelsen',
  grant_report: 'kommunstyrelsen',
  board_training_heightened_alert: 'kommunstyrelsen',
  protective_security: 'kommunstyrelsen',
  civil_defence: 'kommunstyrelsen',
  training_plan: 'kommunchefen',
  duty_officer_routine: 'kommunchefen',
  posom_routine: 'socialnämnden',
}

/** The two being revised now, due within the coming weeks. */
const revisedKinds: readonly DeliverableKind[] = ['crisis_communication_plan', 'duty_officer_routine']

/** The period that runs on `today`: 2023–2026, 2027–2030 … */
export function currentPeriodStart(today: string): number {
  return 2023 + 4 * Math.floor((Number(today.slice(0, 4)) - 2023) / 4)
}

type Change = Partial<typeof mandateDeliverables.$inferInsert>

/** The demo's mix for these deliverables, relative to `today`: what each is to be changed to. */
export function demoMix(
  deliverables: readonly Pick<MandateDeliverable, 'id' | 'kind' | 'dueDate' | 'title'>[],
  today: string,
): Map<string, Change> {
  const changes = new Map<string, Change>()
  const dated = deliverables
    .filter((deliverable) => !isRsaKind(deliverable.kind) && deliverable.dueDate !== null)
    .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!))
  const taken = new Set<string>()
  const take = (deliverable: (typeof dated)[number], change: Change) => {
    taken.add(deliverable.id)
    changes.set(deliverable.id, change)
  }

  revisedKinds
    .map((kind) => dated.find((deliverable) => deliverable.kind === kind))
    .forEach((deliverable, index) => {
      if (!deliverable) return
      take(deliverable, {
        dueDate: addDays(today, index === 0 ? 21 : 45),
        state: index === 0 ? 'in_progress' : 'not_started',
        notes: 'Revideras efter övningen: kontaktvägar och ansvar ses över.',
      })
    })

  // The two that lag behind: the latest past due, a grant report last (it is sent on time as a rule).
  const lagging = dated
    .filter((deliverable) => !taken.has(deliverable.id) && deliverable.dueDate! < today)
    .sort(
      (a, b) =>
        Number(a.kind === 'grant_report') - Number(b.kind === 'grant_report') || b.dueDate!.localeCompare(a.dueDate!),
    )
    .slice(0, 2)
  // A period just begun has nothing past due: the earliest coming ones then lag instead.
  const early = dated.filter((deliverable) => !taken.has(deliverable.id) && deliverable.dueDate! >= today)
  ;[...lagging, ...early.slice(0, 2 - lagging.length)].forEach((deliverable, index) => {
    take(deliverable, {
      state: index === 0 ? 'in_progress' : 'not_started',
      ...(deliverable.dueDate! < today ? {} : { dueDate: addDays(today, index === 0 ? -12 : -40) }),
    })
  })

  let paragraph = 14
  for (const deliverable of dated) {
    if (taken.has(deliverable.id)) continue
    if (deliverable.dueDate! < today) {
      paragraph += 9
      const adoptedOn = addDays(deliverable.dueDate!, -((paragraph % 20) + 3))
      take(deliverable, {
        state: 'done',
        adoptedBy: adoptedBy[deliverable.kind] ?? 'kommunstyrelsen',
        adoptedOn: adoptedOn < today ? adoptedOn : addDays(today, -1),
        decisionReference: `§ ${paragraph}`,
      })
    }
  }
  // One coming deliverable already under way.
  const next = dated.find((deliverable) => !taken.has(deliverable.id) && deliverable.dueDate! >= today)
  if (next) take(next, { state: 'in_progress' })
  return changes
}

/**
 * Creates the period running on `today` (through createPeriod, so it holds
 * the source document's deliverables) and gives it the demo's mix. The duty
 * officer (Tomas Falk in the demo) owns the TiB routine; the coordinator the
 * rest.
 */
export async function insertDemoMandatePeriod(
  db: Database,
  input: { coordinatorId: string; coordinatorOrganisationId: string; today: string | Date },
): Promise<{ periodId: string }> {
  const today = typeof input.today === 'string' ? input.today : stockholmToday(input.today)
  const startYear = currentPeriodStart(today)
  const created = await createPeriod(db, {
    title: defaultPeriodTitle(startYear, startYear + 3),
    startYear,
    endYear: startYear + 3,
    organisationId: input.coordinatorOrganisationId,
    actorId: input.coordinatorId,
    actorOrganisationId: input.coordinatorOrganisationId,
  })
  if (!created.ok) throw new Error(`the demo's mandate period ${startYear} exists already`)
  const periodId = created.period.id
  const [dutyOfficer] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.organisationId, input.coordinatorOrganisationId),
        eq(memberships.role, 'duty_officer'),
        eq(users.active, true),
      ),
    )
    .orderBy(users.name)
    .limit(1)
  const deliverables = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.periodId, periodId))
  const changes = demoMix(deliverables, today)
  for (const deliverable of deliverables) {
    const owner = deliverable.kind === 'duty_officer_routine' && dutyOfficer ? dutyOfficer.id : input.coordinatorId
    await db
      .update(mandateDeliverables)
      .set({ ownerUserId: owner, ...changes.get(deliverable.id) })
      .where(eq(mandateDeliverables.id, deliverable.id))
  }
  await db.update(mandatePeriods).set({ calendarSharedAt: new Date() }).where(eq(mandatePeriods.id, periodId))
  return { periodId }
}
