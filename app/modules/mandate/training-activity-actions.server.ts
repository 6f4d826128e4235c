import { data, redirect } from '@remix-run/node'
import type { Database } from '~/db/client.server'
import type { MandatePeriod } from '~/db/schema/mandate'
import type { MessageKey } from '~/i18n/sv'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { readFormData } from '~/modules/http/form-data.server'
import { badRequest } from '~/modules/http/responses'
import { isUuid } from '~/modules/organisations/picker'
import { planScope } from './training-plan-actions.server'
import { listGoals, listGroups, listPeople, type PlanActivityRow } from './training-plan.server'
import { setAttendance, setMeetingTags, type PlanScope } from './training-records.server'

// The posts of one exercise's page in the plan: what it trains (target
// groups and goals) and who attended. Each form carries the ids it was
// loaded with; when someone else saved meanwhile, nothing is written and the
// page shows what is saved now beside the user's own choice.

export interface ActivityFormOutcome {
  form: 'tags' | 'attendance'
  /** The ticked ids as posted, by field. */
  posted: Record<string, string[]>
  /** The saved ids the form now carries as loaded, by field, after a conflict. */
  loaded: Record<string, string[]>
  /** After a conflict: what is saved now, by field, as names. */
  current: Record<string, string>
  notice: MessageKey
}

interface ActivityContext {
  db: Database
  scope: PlanScope
  formData: FormData
  meetingId: string
  back: string
}

type Answer = ReturnType<typeof data<ActivityFormOutcome>>

/** The ids of a field, only those of `known`, each once. */
function chosen(formData: FormData, field: string, known: ReadonlySet<string>): string[] {
  return [...new Set(formData.getAll(field).filter((id): id is string => typeof id === 'string' && known.has(id)))]
}

/** The loaded ids a form carries as one comma-separated field. */
function loadedIds(formData: FormData, field: string): string[] {
  const value = formData.get(field)
  if (typeof value !== 'string') throw badRequest()
  return value === '' ? [] : value.split(',').filter(isUuid)
}

const namesOf = (rows: readonly { id: string; name: string }[], ids: readonly string[]) =>
  rows
    .filter((row) => ids.includes(row.id))
    .map((row) => row.name)
    .join(', ')

async function tagsIntent(context: ActivityContext): Promise<Answer> {
  const [groups, goals] = await Promise.all([
    listGroups(context.db, context.scope.period.id),
    listGoals(context.db, context.scope.period.id),
  ])
  const tags = {
    groupIds: chosen(context.formData, 'groupIds', new Set(groups.map((group) => group.id))),
    goalIds: chosen(context.formData, 'goalIds', new Set(goals.map((goal) => goal.id))),
  }
  const loaded = {
    groupIds: loadedIds(context.formData, 'loadedGroups'),
    goalIds: loadedIds(context.formData, 'loadedGoals'),
  }
  const result = await setMeetingTags(context.db, context.scope, { meetingId: context.meetingId, tags, loaded })
  if (result.ok) throw redirect(context.back)
  const goalRows = goals.map((goal) => ({ id: goal.id, name: goal.title }))
  return data<ActivityFormOutcome>(
    {
      form: 'tags',
      posted: tags,
      loaded: { groupIds: result.current.groupIds, goalIds: result.current.goalIds },
      current: {
        groupIds: namesOf(groups, result.current.groupIds),
        goalIds: namesOf(goalRows, result.current.goalIds),
      },
      notice: 'trainingPlan.tags.conflict',
    },
    { status: 409 },
  )
}

async function attendanceIntent(context: ActivityContext): Promise<Answer> {
  const groups = await listGroups(context.db, context.scope.period.id)
  const people = await listPeople(context.db, context.scope.period.id, groups)
  const personIds = chosen(context.formData, 'personIds', new Set(people.map((person) => person.id)))
  const loaded = loadedIds(context.formData, 'loadedPeople')
  const result = await setAttendance(context.db, context.scope, { meetingId: context.meetingId, personIds, loaded })
  if (result.ok) throw redirect(context.back)
  return data<ActivityFormOutcome>(
    {
      form: 'attendance',
      posted: { personIds },
      loaded: { personIds: result.current },
      current: { personIds: namesOf(people, result.current) },
      notice: 'trainingPlan.attendance.conflict',
    },
    { status: 409 },
  )
}

const intents: Record<string, (context: ActivityContext) => Promise<Answer>> = {
  tags: tagsIntent,
  attendance: attendanceIntent,
}

export async function runActivityAction(
  db: Database,
  user: SessionUser,
  period: MandatePeriod,
  activity: PlanActivityRow,
  request: Request,
) {
  const formData = await readFormData(request)
  const name = formData.get('intent')
  const intent = typeof name === 'string' && Object.hasOwn(intents, name) ? intents[name] : undefined
  if (!intent) throw badRequest()
  return intent({
    db,
    scope: planScope(user, period),
    formData,
    meetingId: activity.id,
    back: `/mandatperiod/${period.id}/ovningsplan/ovningar/${activity.id}`,
  })
}
