import { asc, inArray } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'
import type { Database, Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { requireUser } from '~/modules/auth/guards.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { requireUuid } from '~/modules/http/responses'
import { requireReadableEvent, type EventWithScope } from './event-access.server'
import { isFrozen } from './event-writers.server'

// What every page of the log and the key messages starts with: the user, the
// event they may read (else 404), and the event as the page shows it.

export interface EventPageContext {
  user: SessionUser
  db: Database
  event: EventWithScope
}

export async function readableEventPage(request: Request, params: { id?: string }): Promise<EventPageContext> {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const event = await requireReadableEvent(db, user, id)
  return { user, db, event }
}

export interface EventHeading {
  id: string
  title: string
  exercise: boolean
  frozen: boolean
}

export function eventHeading(event: EventWithScope): EventHeading {
  return { id: event.id, title: event.title, exercise: event.kind === 'exercise', frozen: isFrozen(event) }
}

/** Named organisations for a select, by name. */
export async function organisationOptions(
  db: Executor,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
    .orderBy(asc(organisations.name))
}

/** The organisation a form says the user writes for, or the default (the first) when it says none. */
export function chosenOrganisation(formData: FormData, writing: readonly string[]): string | null {
  const chosen = formData.get('organisationId')
  if (typeof chosen !== 'string' || chosen === '') return writing[0] ?? null
  return writing.includes(chosen) ? chosen : null
}
