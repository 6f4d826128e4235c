import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GoalEntry, NewGoalForm } from '~/components/mandate/training-goal-forms'
import { TrainingPlanNav } from '~/components/mandate/training-plan-nav'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireManageablePeriod } from '~/modules/mandate/mandate-access.server'
import { runGoalAction } from '~/modules/mandate/training-plan-actions.server'
import { listGoals, listGroups } from '~/modules/mandate/training-plan.server'
import trainingStyles from '~/styles/training-plan.css?url'

// The plan's goals for the period, each measurable: a number of held or
// evaluated exercises, or everyone in a target group trained.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trainingStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const [goals, groups] = await Promise.all([listGoals(db, period.id), listGroups(db, period.id)])
  return {
    periodId: period.id,
    periodTitle: period.title,
    goals: goals.map((goal) => ({
      id: goal.id,
      title: goal.title,
      measure: goal.measure,
      targetCount: goal.targetCount,
      targetGroupId: goal.targetGroupId,
      version: goal.version,
    })),
    groups: groups.map((group) => ({ id: group.id, name: group.name })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  return runGoalAction(db, user, period, request)
}

export default function TrainingGoalsPage() {
  const t = useT()
  const { periodId, goals, groups } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  return (
    <section aria-labelledby="goals-heading" className="training-plan">
      <h2 id="goals-heading">{t('trainingPlan.goals.heading')}</h2>
      <p>{t('trainingPlan.goals.intro')}</p>
      <TrainingPlanNav periodId={periodId} manage />
      {goals.length === 0 ? (
        <p>{t('trainingPlan.goals.none')}</p>
      ) : (
        <ul className="training-records">
          {goals.map((goal) => (
            <GoalEntry key={goal.id} goal={goal} groups={groups} outcome={outcome} />
          ))}
        </ul>
      )}
      <NewGoalForm groups={groups} outcome={outcome} generation={goals.length} />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('trainingPlan.meta.goals', { period: data?.periodTitle ?? t('mandateCalendar.meta.fallback') }),
  ),
]
