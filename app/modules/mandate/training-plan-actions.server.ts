import { data, redirect } from '@remix-run/node'
import type { Database } from '~/db/client.server'
import type { MandatePeriod, TrainingGoal, TrainingTargetGroup } from '~/db/schema/mandate'
import type { MessageKey } from '~/i18n/sv'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { parseForm, type FieldErrors, type ParseResult } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { badRequest, notFound } from '~/modules/http/responses'
import type { PickerSpec, PickerState } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'
import type { DeleteResult, SaveResult } from '~/modules/records/versioned.server'
import { GroupSchema, parseGoalForm, PersonSchema, RecordRefSchema, type GoalFields } from './training-plan-forms'
import { listGroups, personLinkNames } from './training-plan.server'
import {
  createGoal,
  createGroup,
  createPerson,
  deleteGoal,
  deleteGroup,
  deletePerson,
  updateGoal,
  updateGroup,
  updatePerson,
  type PersonRecord,
  type PlanScope,
} from './training-records.server'

// The posts of the plan's target group, goal and people pages: one named
// function per intent behind a small dispatcher. A save that succeeds goes
// back to the page; a refused one answers with the form as posted.

export interface PlanFormOutcome {
  /** Which form answered: 'create', or 'update:<id>' for one record's edit (also after a refused removal). */
  form: string
  values: Record<string, string>
  errors: FieldErrors
  /** After a conflict: what is stored now, shown beside the fields that differ. */
  current?: Record<string, string>
  notice?: MessageKey
  /** The target groups ticked, as posted (people). */
  groupIds?: string[]
  /** The pickers as posted (people). */
  pickers?: { organisationId: PickerState; userId: PickerState }
}

interface IntentContext {
  db: Database
  scope: PlanScope
  formData: FormData
  /** Where a successful save goes. */
  back: string
}

type Answer = ReturnType<typeof data<PlanFormOutcome>>
type Intent<C extends IntentContext> = (context: C) => Promise<Answer>

const refused = (outcome: PlanFormOutcome, status: 400 | 409) => data<PlanFormOutcome>(outcome, { status })

function readRef(formData: FormData) {
  const ref = parseForm(RecordRefSchema, formData)
  if (!ref.ok) throw badRequest()
  return ref.data
}

/** A save's answer: back to the page, 404, or 409 with the user's input against the version stored now. */
function afterSave<R extends { version: number }>(
  context: IntentContext,
  outcome: PlanFormOutcome,
  result: SaveResult<R>,
  valuesOf: (record: R) => Record<string, string>,
): Answer {
  if (result.ok) throw redirect(context.back)
  if (result.error === 'notFound') throw notFound()
  return refused(
    {
      ...outcome,
      values: { ...outcome.values, version: String(result.current.version) },
      current: valuesOf(result.current),
      notice: 'trainingPlan.conflict',
    },
    409,
  )
}

/** A removal's answer: back to the page, 404, or 409 with the record's edit form showing what is stored now. */
function afterDelete<R extends { id: string; version: number }>(
  context: IntentContext,
  result: DeleteResult<R>,
  valuesOf: (record: R) => Record<string, string>,
  extra: (record: R) => Partial<PlanFormOutcome> = () => ({}),
): Answer {
  if (result.ok) throw redirect(context.back)
  if (result.error === 'notFound') throw notFound()
  return refused(
    {
      form: `update:${result.current.id}`,
      values: valuesOf(result.current),
      errors: {},
      notice: 'trainingPlan.deleteConflict',
      ...extra(result.current),
    },
    409,
  )
}

export function planScope(user: SessionUser, period: MandatePeriod): PlanScope {
  return { actorId: user.id, period }
}

// ---- Target groups ----

export function groupValues(group: TrainingTargetGroup): Record<string, string> {
  return { id: group.id, name: group.name, description: group.description, version: String(group.version) }
}

const groupIntents: Record<string, Intent<IntentContext>> = {
  async create(context) {
    const parsed = parseForm(GroupSchema, context.formData)
    if (!parsed.ok) return refused({ form: 'create', values: parsed.values, errors: parsed.errors }, 400)
    await createGroup(context.db, context.scope, parsed.data)
    throw redirect(context.back)
  },
  async update(context) {
    const ref = readRef(context.formData)
    const parsed = parseForm(GroupSchema, context.formData)
    const outcome = { form: `update:${ref.id}`, values: parsed.values, errors: parsed.ok ? {} : parsed.errors }
    if (!parsed.ok) return refused(outcome, 400)
    return afterSave(
      context,
      outcome,
      await updateGroup(context.db, context.scope, { ...ref, ...parsed.data }),
      groupValues,
    )
  },
  async delete(context) {
    return afterDelete(context, await deleteGroup(context.db, context.scope, readRef(context.formData)), groupValues)
  },
}

export async function runGroupAction(db: Database, user: SessionUser, period: MandatePeriod, request: Request) {
  const formData = await readFormData(request)
  const back = `/mandatperiod/${period.id}/ovningsplan/malgrupper`
  return dispatchIntent(formData, groupIntents, { db, scope: planScope(user, period), formData, back })
}

// ---- Goals ----

export function goalValues(goal: TrainingGoal): Record<string, string> {
  return {
    id: goal.id,
    title: goal.title,
    measure: goal.measure,
    targetCount: goal.targetCount === null ? '' : String(goal.targetCount),
    targetGroupId: goal.targetGroupId ?? '',
    version: String(goal.version),
  }
}

interface GoalContext extends IntentContext {
  groupIds: ReadonlySet<string>
}

/** The goal's form checked, including that its target group is one of the period's. */
function parseGoal(context: GoalContext): ParseResult<GoalFields> {
  const parsed = parseGoalForm(context.formData)
  if (parsed.ok && parsed.data.targetGroupId !== null && !context.groupIds.has(parsed.data.targetGroupId)) {
    return { ok: false, values: parsed.values, errors: { targetGroupId: 'validation.choose' } }
  }
  return parsed
}

const goalIntents: Record<string, Intent<GoalContext>> = {
  async create(context) {
    const parsed = parseGoal(context)
    if (!parsed.ok) return refused({ form: 'create', values: parsed.values, errors: parsed.errors }, 400)
    await createGoal(context.db, context.scope, parsed.data)
    throw redirect(context.back)
  },
  async update(context) {
    const ref = readRef(context.formData)
    const parsed = parseGoal(context)
    const outcome = { form: `update:${ref.id}`, values: parsed.values, errors: parsed.ok ? {} : parsed.errors }
    if (!parsed.ok) return refused(outcome, 400)
    return afterSave(
      context,
      outcome,
      await updateGoal(context.db, context.scope, { ...ref, ...parsed.data }),
      goalValues,
    )
  },
  async delete(context) {
    return afterDelete(context, await deleteGoal(context.db, context.scope, readRef(context.formData)), goalValues)
  },
}

export async function runGoalAction(db: Database, user: SessionUser, period: MandatePeriod, request: Request) {
  const formData = await readFormData(request)
  const groups = await listGroups(db, period.id)
  const back = `/mandatperiod/${period.id}/ovningsplan/mal`
  return dispatchIntent(formData, goalIntents, {
    db,
    scope: planScope(user, period),
    formData,
    back,
    groupIds: new Set(groups.map((group) => group.id)),
  })
}

// ---- People ----

/** The person's organisation and portal account: one each, searched for, both optional. */
export function personPickers(person?: { organisationId: string | null; userId: string | null }) {
  const spec = (kind: 'organisation' | 'user', id: string | null | undefined): PickerSpec => ({
    kind,
    single: true,
    ids: person === undefined ? undefined : id ? [id] : [],
  })
  return { organisationId: spec('organisation', person?.organisationId), userId: spec('user', person?.userId) }
}

export function personValues(person: PersonRecord): Record<string, string> {
  return { id: person.id, name: person.name, function: person.function, version: String(person.version) }
}

interface PersonContext extends IntentContext {
  request: Request
  groups: readonly TrainingTargetGroup[]
}

/** The person's fields as posted: the pickers' choices (only existing records) and the period's target groups ticked. */
async function readPerson(context: PersonContext, form: string) {
  const { picking, pickers } = await pickerStates(context.db, context.request, personPickers(), context.formData)
  const parsed = parseForm(PersonSchema, context.formData)
  const known = new Set(context.groups.map((group) => group.id))
  const groupIds = [
    ...new Set(
      context.formData.getAll('groupIds').filter((id): id is string => typeof id === 'string' && known.has(id)),
    ),
  ]
  const outcome: PlanFormOutcome = {
    form,
    values: parsed.values,
    errors: parsed.ok ? {} : parsed.errors,
    groupIds,
    pickers,
  }
  const fields = parsed.ok
    ? {
        ...parsed.data,
        organisationId: pickers.organisationId.selected[0]?.id ?? null,
        userId: pickers.userId.selected[0]?.id ?? null,
        groupIds,
      }
    : null
  return { picking, outcome, fields }
}

/**
 * After a conflict: what is stored now, for each field where it differs from
 * the post; the organisation, the account and the target groups by name.
 */
async function personConflict(
  context: PersonContext,
  fields: { name: string; function: string; organisationId: string | null; userId: string | null; groupIds: string[] },
  current: PersonRecord,
): Promise<Record<string, string>> {
  const names = await personLinkNames(context.db, current)
  const shown: Record<string, string> = {}
  if (fields.name !== current.name) shown.name = current.name
  if (fields.function !== current.function) shown.function = current.function
  if (fields.organisationId !== current.organisationId) shown.organisationId = names.organisationName ?? ''
  if (fields.userId !== current.userId) shown.userId = names.userName ?? ''
  if ([...fields.groupIds].sort().join() !== [...current.groupIds].sort().join()) {
    shown.groupIds = context.groups
      .filter((group) => current.groupIds.includes(group.id))
      .map((group) => group.name)
      .join(', ')
  }
  return shown
}

const personIntents: Record<string, Intent<PersonContext>> = {
  async create(context) {
    const { picking, outcome, fields } = await readPerson(context, 'create')
    if (picking) return data<PlanFormOutcome>({ ...outcome, errors: {} })
    if (!fields) return refused(outcome, 400)
    await createPerson(context.db, context.scope, fields)
    throw redirect(context.back)
  },
  async update(context) {
    const ref = readRef(context.formData)
    const { picking, outcome, fields } = await readPerson(context, `update:${ref.id}`)
    if (picking) return data<PlanFormOutcome>({ ...outcome, errors: {} })
    if (!fields) return refused(outcome, 400)
    const result = await updatePerson(context.db, context.scope, { ...ref, ...fields })
    if (result.ok) throw redirect(context.back)
    if (result.error === 'notFound') throw notFound()
    return refused(
      {
        ...outcome,
        values: { ...outcome.values, version: String(result.current.version) },
        current: await personConflict(context, fields, result.current),
        notice: 'trainingPlan.conflict',
      },
      409,
    )
  },
  async delete(context) {
    const result = await deletePerson(context.db, context.scope, readRef(context.formData))
    return afterDelete(context, result, personValues, (current) => ({ groupIds: current.groupIds }))
  },
}

/**
 * The people's posts: the list page adds (`create`), a person's page changes
 * and removes that person (`update`, `delete` of `personId` only).
 */
export async function runPersonAction(
  db: Database,
  user: SessionUser,
  period: MandatePeriod,
  request: Request,
  page: { intents: readonly ('create' | 'update' | 'delete')[]; personId?: string },
) {
  const formData = await readFormData(request)
  const posted = formData.get('id')
  if (page.personId !== undefined && posted !== page.personId) throw badRequest()
  const groups = await listGroups(db, period.id)
  const intents = Object.fromEntries(page.intents.map((name) => [name, personIntents[name]!]))
  return dispatchIntent(formData, intents, {
    db,
    scope: planScope(user, period),
    formData,
    request,
    back: `/mandatperiod/${period.id}/ovningsplan/personer`,
    groups,
  })
}
