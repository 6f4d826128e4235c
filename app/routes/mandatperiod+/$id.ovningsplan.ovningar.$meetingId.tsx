import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AttendanceForm, TagsForm } from '~/components/mandate/training-activity-forms'
import { getDb } from '~/db/app-db.server'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { countsForPlan, isHeld } from '~/modules/mandate/coverage'
import { requireManageablePeriod } from '~/modules/mandate/mandate-access.server'
import { runActivityAction } from '~/modules/mandate/training-activity-actions.server'
import { listGoals, listGroups, listPeople, requirePlanActivity } from '~/modules/mandate/training-plan.server'
import type { ActivityState } from '~/modules/mandate/training-plan-view'
import { meetingWhen } from '~/modules/meetings/meeting-when'
import trainingStyles from '~/styles/training-plan.css?url'

// One exercise or training of the period: which target groups and goals it
// trains, and who of the plan's people attended. Any other meeting (another
// kind, outside the period's years, another municipality's) is not found.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trainingStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const meetingId = requireUuid(params.meetingId)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const activity = await requirePlanActivity(db, period, meetingId)
  const [groups, goals] = await Promise.all([listGroups(db, period.id), listGoals(db, period.id)])
  const people = await listPeople(db, period.id, groups)
  const now = new Date()
  const status: ActivityState = !countsForPlan(activity, period)
    ? 'cancelled'
    : isHeld(activity, now)
      ? 'held'
      : 'planned'
  const inTaggedGroup = (groupIds: readonly string[]) => groupIds.some((groupId) => activity.groupIds.includes(groupId))
  const option = (person: (typeof people)[number]) => ({
    id: person.id,
    name: [person.name, person.function, person.organisationName].filter(Boolean).join(', '),
  })
  return {
    periodId: period.id,
    activity: {
      id: activity.id,
      title: activity.title,
      kind: activity.kind,
      startsAt: activity.startsAt.toISOString(),
      endsAt: activity.endsAt.toISOString(),
      status,
      groupIds: [...activity.groupIds].sort(),
      goalIds: [...activity.goalIds].sort(),
      attendeeIds: [...activity.attendeeIds].sort(),
    },
    groups: groups.map((group) => ({ id: group.id, name: group.name })),
    goals: goals.map((goal) => ({ id: goal.id, name: goal.title })),
    tagged: people.filter((person) => inTaggedGroup(person.groupIds)).map(option),
    others: people.filter((person) => !inTaggedGroup(person.groupIds)).map(option),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const meetingId = requireUuid(params.meetingId)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const activity = await requirePlanActivity(db, period, meetingId)
  return runActivityAction(db, user, period, activity, request)
}

export default function TrainingActivityPage() {
  const t = useT()
  const locale = useLocale()
  const { periodId, activity, groups, goals, tagged, others } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const note =
    activity.status === 'cancelled'
      ? t('trainingPlan.attendance.cancelled')
      : activity.status === 'planned'
        ? t('trainingPlan.attendance.notHeld')
        : null
  return (
    <section aria-labelledby="activity-heading" className="training-plan">
      <p>
        <Link to={`/mandatperiod/${periodId}/ovningsplan`}>{t('trainingPlan.activity.back')}</Link>
      </p>
      <h2 id="activity-heading">{activity.title}</h2>
      <p>
        {t(`meeting.kind.${activity.kind}`)} · {meetingWhen(locale, activity.startsAt, activity.endsAt)} ·{' '}
        {t(`trainingPlan.state.${activity.status}`)}
      </p>
      <p>
        <Link to={`/moten/${activity.id}`}>{t('trainingPlan.activity.meeting')}</Link>
      </p>
      <TagsForm
        groups={groups}
        goals={goals}
        saved={{ groupIds: activity.groupIds, goalIds: activity.goalIds }}
        outcome={outcome}
      />
      <AttendanceForm tagged={tagged} others={others} saved={activity.attendeeIds} outcome={outcome} note={note} />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('trainingPlan.meta.activity', { activity: data?.activity.title ?? t('trainingPlan.meta.activityFallback') }),
  ),
]
