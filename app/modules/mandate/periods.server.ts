import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import {
  mandateDeliverables,
  mandatePeriods,
  trainingGoals,
  trainingTargetGroups,
  type MandatePeriod,
} from '~/db/schema/mandate'
import { createAudited } from '~/modules/records/versioned.server'
import { defaultDeliverables, defaultGoals, defaultTargetGroups } from './defaults'

// A mandate period and what it starts with: the statutory deliverables, the
// training plan's target groups and goals (defaults.ts). Created in one
// transaction, audited once.

export interface NewPeriod {
  title: string
  startYear: number
  endYear: number
  organisationId: string
}

export type CreatePeriodResult = { ok: true; period: MandatePeriod } | { ok: false; error: 'exists' }

export async function createPeriod(
  db: Database,
  input: NewPeriod & { actorId: string | null; actorOrganisationId: string | null },
): Promise<CreatePeriodResult> {
  const [clash] = await db
    .select({ id: mandatePeriods.id })
    .from(mandatePeriods)
    .where(and(eq(mandatePeriods.organisationId, input.organisationId), eq(mandatePeriods.startYear, input.startYear)))
  if (clash) return { ok: false, error: 'exists' }
  const period = await createAudited(db, {
    write: async (tx) => {
      const [period] = await tx
        .insert(mandatePeriods)
        .values({
          title: input.title,
          startYear: input.startYear,
          endYear: input.endYear,
          organisationId: input.organisationId,
          createdBy: input.actorId,
        })
        .returning()
      await tx.insert(mandateDeliverables).values(
        defaultDeliverables(input.startYear, input.endYear).map((deliverable, index) => ({
          ...deliverable,
          periodId: period!.id,
          ownerOrganisationId: input.organisationId,
          sortOrder: index,
        })),
      )
      const groups = await tx
        .insert(trainingTargetGroups)
        .values(
          defaultTargetGroups.map((group, index) => ({
            periodId: period!.id,
            name: group.name,
            description: group.description,
            sortOrder: index,
          })),
        )
        .returning({ id: trainingTargetGroups.id, name: trainingTargetGroups.name })
      const groupId = new Map(defaultTargetGroups.map((group, index) => [group.key, groups[index]!.id]))
      await tx.insert(trainingGoals).values(
        defaultGoals(input.startYear, input.endYear).map((goal, index) => ({
          periodId: period!.id,
          title: goal.title,
          measure: goal.measure,
          targetCount: goal.targetCount,
          targetGroupId: goal.group ? (groupId.get(goal.group) ?? null) : null,
          sortOrder: index,
        })),
      )
      return period!
    },
    audit: (period) => ({
      userId: input.actorId,
      organisationId: input.actorOrganisationId,
      entity: 'mandate_period',
      entityId: period.id,
      action: 'create',
      changes: {
        title: { before: null, after: period.title },
        startYear: { before: null, after: period.startYear },
        endYear: { before: null, after: period.endYear },
        organisationId: { before: null, after: period.organisationId },
      },
    }),
  })
  return { ok: true, period }
}

export async function getPeriod(db: Executor, id: string): Promise<MandatePeriod | undefined> {
  const [period] = await db.select().from(mandatePeriods).where(eq(mandatePeriods.id, id))
  return period
}

/** Every period, newest first; the list page filters by what the reader may see. */
export function listPeriods(db: Executor) {
  return db.select().from(mandatePeriods).orderBy(desc(mandatePeriods.startYear))
}

/** A period's deliverables in calendar order (undated ones last). */
export function listDeliverables(db: Executor, periodIds: readonly string[]) {
  if (periodIds.length === 0) return Promise.resolve([])
  return db
    .select()
    .from(mandateDeliverables)
    .where(inArray(mandateDeliverables.periodId, [...periodIds]))
    .orderBy(asc(mandateDeliverables.dueDate), asc(mandateDeliverables.sortOrder), asc(mandateDeliverables.id))
}
