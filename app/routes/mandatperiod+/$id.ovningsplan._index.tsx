import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActivityTable, GapTable, GoalTable } from '~/components/mandate/training-coverage'
import { TrainingPlanNav } from '~/components/mandate/training-plan-nav'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { requireUuid } from '~/modules/http/responses'
import { canOnPeriod, requireReadablePeriod } from '~/modules/mandate/mandate-access.server'
import { loadPlan } from '~/modules/mandate/training-plan.server'
import { planView } from '~/modules/mandate/training-plan-view'
import { canReadMeeting, meetingScopes } from '~/modules/meetings/meeting-access.server'
import trainingStyles from '~/styles/training-plan.css?url'

// The training and exercise plan's coverage: how far each goal has come,
// who in the target groups is not trained (or trained too long ago), and the
// period's exercises and trainings.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trainingStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireReadablePeriod(db, user, id)
  const plan = await loadPlan(db, period)
  const scopes = await meetingScopes(
    db,
    plan.activities.map((activity) => activity.id),
  )
  const manage = canOnPeriod(user, 'mandate.manage', period)
  return {
    periodId: period.id,
    periodTitle: period.title,
    months: period.trainingValidMonths,
    manage,
    mayPlanMeetings: can(user, 'meeting.manage'),
    readable: plan.activities
      .filter((activity) => canReadMeeting(user, { organisationIds: scopes.get(activity.id) ?? [] }))
      .map((activity) => activity.id),
    ...planView(plan, period, new Date()),
  }
}

export default function TrainingPlanPage() {
  const t = useT()
  const { periodId, months, manage, mayPlanMeetings, readable, goals, gaps, activities } =
    useLoaderData<typeof loader>()
  const base = `/mandatperiod/${periodId}/ovningsplan`
  return (
    <section aria-labelledby="training-heading" className="training-plan">
      <h2 id="training-heading">{t('trainingPlan.heading')}</h2>
      <p>{t('trainingPlan.intro')}</p>
      <TrainingPlanNav periodId={periodId} manage={manage} />

      <h3>{t('trainingPlan.coverage.heading')}</h3>
      <GoalTable goals={goals} />

      <h3>{t('trainingPlan.gaps.heading')}</h3>
      <p>{t('trainingPlan.gaps.intro', { months })}</p>
      <GapTable gaps={gaps} months={months} />

      <h3>{t('trainingPlan.activities.heading')}</h3>
      <p>{t('trainingPlan.activities.intro')}</p>
      {mayPlanMeetings ? (
        <p>
          <Link to="/moten/ny">{t('trainingPlan.activities.create')}</Link>
        </p>
      ) : null}
      {activities.length === 0 ? (
        <p>{t('trainingPlan.activities.none')}</p>
      ) : (
        <ActivityTable
          activities={activities}
          caption={t('trainingPlan.activities.caption')}
          links={{ readable, manageBase: manage ? `${base}/ovningar` : null }}
        />
      )}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('trainingPlan.meta.plan', { period: data?.periodTitle ?? t('mandateCalendar.meta.fallback') }),
  ),
]
