import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { mandateDeliverables, mandatePeriods } from '../../app/db/schema/mandate'
import { organisations } from '../../app/db/schema/organisations'
import { users } from '../../app/db/schema/users'
import { calendarSummary, deliverableStatus } from '../../app/modules/mandate/calendar'
import { rsaFacts } from '../../app/modules/mandate/rsa-state.server'
import { insertDemoMandatePeriod } from '../../app/modules/seed/demo-mandate'
import { seedDemo } from '../../app/modules/seed/seed.server'
import { useTestDatabase } from '../support/test-db'

describe("the demo's mandate period", () => {
  const db = useTestDatabase()

  async function loadOn(today: string) {
    await seedDemo(db(), { password: 'demo-lösenord-123' })
    // The seed made the period running on the real day; this test loads the period of a chosen day instead.
    await db().delete(mandatePeriods)
    const [coordinator] = await db().select().from(users).where(eq(users.email, 'karin.ek@example.org'))
    const [vargarda] = await db().select().from(organisations).where(eq(organisations.name, 'Vårgårda kommun'))
    const { periodId } = await insertDemoMandatePeriod(db(), {
      coordinatorId: coordinator!.id,
      coordinatorOrganisationId: vargarda!.id,
      today,
    })
    const [period] = await db().select().from(mandatePeriods).where(eq(mandatePeriods.id, periodId))
    const rows = await db().select().from(mandateDeliverables).where(eq(mandateDeliverables.periodId, periodId))
    const rsa = await rsaFacts(
      db(),
      { id: coordinator!.id, memberships: [{ organisationId: vargarda!.id, role: 'coordinator' }] },
      period!,
    )
    const statuses = rows.map((row) => ({ row, ...deliverableStatus(row, rsa, today), dueDate: row.dueDate }))
    return {
      period: period!,
      rows,
      statuses,
      summary: calendarSummary(statuses, today),
      coordinator: coordinator!,
      vargarda: vargarda!,
    }
  }

  it('is the period running on the day, shared, with done, in-progress, overdue and soon-due deliverables', async () => {
    const { period, statuses, summary, coordinator, vargarda } = await loadOn('2026-12-06')
    expect(period).toMatchObject({
      title: 'Mandatperiod 2023–2026',
      startYear: 2023,
      endYear: 2026,
      organisationId: vargarda.id,
    })
    expect(period.calendarSharedAt).not.toBeNull()
    expect(summary.done).toBeGreaterThanOrEqual(10)
    expect(summary.overdue).toBeGreaterThanOrEqual(2)
    expect(summary.dueSoon).toBeGreaterThanOrEqual(2)
    expect(statuses.filter((status) => status.row.state === 'in_progress').length).toBeGreaterThanOrEqual(2)
    // Every early deliverable that is done says who adopted it, when, and under which paragraph.
    for (const { row } of statuses.filter((status) => status.row.state === 'done')) {
      expect(row.adoptedBy).not.toBe('')
      expect(row.adoptedOn! <= '2026-12-06').toBe(true)
      expect(row.decisionReference).toMatch(/^§ \d+$/)
    }
    const steering = statuses.find((status) => status.row.kind === 'steering_document')!
    expect(steering.row).toMatchObject({ state: 'done', adoptedBy: 'kommunfullmäktige', ownerUserId: coordinator.id })
    const [tomas] = await db().select().from(users).where(eq(users.email, 'tomas.falk@example.org'))
    const routine = statuses.find((status) => status.row.kind === 'duty_officer_routine')!
    expect(routine.row.ownerUserId).toBe(tomas!.id)
    expect(routine.shown).not.toBe('done')
  })

  it('stays realistic when loaded on the first days of a new period', async () => {
    const { period, summary } = await loadOn('2027-01-20')
    expect([period.startYear, period.endYear]).toEqual([2027, 2030])
    expect(summary.overdue).toBeGreaterThanOrEqual(2)
    expect(summary.dueSoon).toBeGreaterThanOrEqual(2)
  })
})
