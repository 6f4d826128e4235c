import { and, asc, eq, inArray, lt, ne, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { ActionItemState } from '~/db/enums'
import { actionItems, meetings, type ActionItem } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { diffFields } from '~/modules/audit/audit.server'
import type { Actor } from '~/modules/auth/permissions'
import { createAudited, updateVersioned } from '~/modules/records/versioned.server'
import { canReadMeeting, getMeetingWithScope, meetingScopes } from './meeting-access.server'

const auditedFields = ['title', 'description', 'ownerOrganisationId', 'dueDate', 'state'] as const

export interface ActionItemFields {
  title: string
  description: string
  ownerOrganisationId: string
  dueDate: string | null
}

/** An item as lists show it: with its owner's name and the meeting it was agreed at. */
export interface ActionItemView {
  id: string
  title: string
  description: string
  ownerOrganisationId: string
  ownerName: string
  dueDate: string | null
  state: ActionItemState
  version: number
  meetingId: string
  meetingTitle: string
  meetingStartsAt: Date
}

const viewColumns = {
  id: actionItems.id,
  title: actionItems.title,
  description: actionItems.description,
  ownerOrganisationId: actionItems.ownerOrganisationId,
  ownerName: organisations.name,
  dueDate: actionItems.dueDate,
  state: actionItems.state,
  version: actionItems.version,
  meetingId: actionItems.meetingId,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
}

function selectViews(db: Executor) {
  return db
    .select(viewColumns)
    .from(actionItems)
    .innerJoin(organisations, eq(organisations.id, actionItems.ownerOrganisationId))
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
}

// Earliest due date first; items without one last.
const byDueDate = [sql`${actionItems.dueDate} asc nulls last`, asc(actionItems.createdAt), asc(actionItems.id)]

/**
 * Who sees an action item: whoever may read the meeting it was agreed at.
 * Every list of items (a meeting's own, a later meeting's follow-up, the
 * start page) goes through here, so an item never reaches a reader of a
 * later meeting, or an owner, who may not read the meeting it came from.
 */
export async function visibleActionItems<Item extends { meetingId: string }>(
  db: Executor,
  actor: Actor,
  items: Item[],
): Promise<Item[]> {
  const scopes = await meetingScopes(
    db,
    items.map((item) => item.meetingId),
  )
  return items.filter((item) => canReadMeeting(actor, { organisationIds: scopes.get(item.meetingId) ?? [] }))
}

/** The items agreed at a meeting, as the actor may see them. */
export async function listActionItems(db: Executor, actor: Actor, meetingId: string): Promise<ActionItemView[]> {
  const items = await selectViews(db)
    .where(eq(actionItems.meetingId, meetingId))
    .orderBy(...byDueDate)
  return visibleActionItems(db, actor, items)
}

/** The organisations' items that are not done, from every meeting the actor may read: what the start page shows. */
export async function openActionItemsFor(
  db: Executor,
  actor: Actor,
  organisationIds: readonly string[],
): Promise<ActionItemView[]> {
  if (organisationIds.length === 0) return []
  const items = await selectViews(db)
    .where(and(inArray(actionItems.ownerOrganisationId, [...organisationIds]), ne(actionItems.state, 'done')))
    .orderBy(...byDueDate)
  return visibleActionItems(db, actor, items)
}

/**
 * What the next meeting follows up: items not done from meetings that began
 * before this one, owned by an organisation that is invited to this one, and
 * agreed at a meeting the actor may read.
 */
export async function openActionItemsOfEarlierMeetings(
  db: Executor,
  actor: Actor,
  meetingId: string,
): Promise<ActionItemView[]> {
  const meeting = await getMeetingWithScope(db, meetingId)
  if (!meeting) return []
  const items = await selectViews(db)
    .where(
      and(
        inArray(actionItems.ownerOrganisationId, meeting.organisationIds),
        ne(actionItems.state, 'done'),
        lt(meetings.startsAt, meeting.startsAt),
        ne(actionItems.meetingId, meetingId),
      ),
    )
    .orderBy(...byDueDate)
  return visibleActionItems(db, actor, items)
}

const lockItem = async (tx: Transaction, meetingId: string, id: string): Promise<ActionItem | undefined> =>
  (
    await tx
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.id, id), eq(actionItems.meetingId, meetingId)))
      .for('update')
  )[0]

export function getActionItem(db: Executor, meetingId: string, id: string): Promise<ActionItem | undefined> {
  return db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, id), eq(actionItems.meetingId, meetingId)))
    .then((rows) => rows[0])
}

export function createActionItem(db: Database, input: { actorId: string; meetingId: string } & ActionItemFields) {
  const { actorId, meetingId, ...fields } = input
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(actionItems)
          .values({ ...fields, meetingId, createdBy: actorId })
          .returning()
      )[0]!,
    audit: (created) => ({
      userId: actorId,
      organisationId: created.ownerOrganisationId,
      entity: 'action_item',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

export function updateActionItem(
  db: Database,
  input: { actorId: string; meetingId: string; id: string; version: number } & ActionItemFields & {
      state: ActionItemState
    },
) {
  const { actorId, meetingId, id, version, ...fields } = input
  return updateVersioned(db, {
    expectedVersion: version,
    load: (tx) => lockItem(tx, meetingId, id),
    write: async (tx) =>
      (
        await tx
          .update(actionItems)
          .set({ ...fields, updatedAt: new Date(), version: sql`${actionItems.version} + 1` })
          .where(eq(actionItems.id, id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: actorId,
      organisationId: after.ownerOrganisationId,
      entity: 'action_item',
      entityId: id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

/**
 * A change of state alone, as the owner's editor makes it. `allowed` is
 * asked about the locked row, so an item moved to another owner meanwhile is
 * not changed by the former owner.
 */
export function changeActionItemState(
  db: Database,
  input: { actorId: string; meetingId: string; id: string; version: number; state: ActionItemState },
  allowed: (item: ActionItem) => boolean,
) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: async (tx) => {
      const item = await lockItem(tx, input.meetingId, input.id)
      return item && allowed(item) ? item : undefined
    },
    write: async (tx) =>
      (
        await tx
          .update(actionItems)
          .set({ state: input.state, updatedAt: new Date(), version: sql`${actionItems.version} + 1` })
          .where(eq(actionItems.id, input.id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: after.ownerOrganisationId,
      entity: 'action_item',
      entityId: input.id,
      action: 'state',
      changes: diffFields(before, after, ['state']),
    }),
  })
}
