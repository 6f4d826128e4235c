import { and, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { eventOrganisations, events, eventStatusLinks, type EventRecord } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { generateToken, hashToken } from '~/modules/auth/tokens.server'
import { eventEnded } from './event-access.server'

// The status link of a call-out is a credential of its own: whoever holds it
// reports for one organisation in one event without signing in, as the
// meeting answer links. Only its hash is stored. It stands for the
// organisation's part in the event, so every use asks again whether the
// event is still going on and the organisation still takes part.

/** A fresh link for the organisation: the secret, to be mailed; only its hash is kept. */
export async function createStatusLink(db: Executor, eventId: string, organisationId: string): Promise<string> {
  const token = generateToken()
  await db.insert(eventStatusLinks).values({ tokenHash: hashToken(token), eventId, organisationId })
  return token
}

export interface OpenStatusLink {
  event: EventRecord
  organisationId: string
  organisationName: string
}

/** The event and organisation behind a link that still opens; null for an unknown or closed one. */
export async function findOpenStatusLink(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<OpenStatusLink | null> {
  if (!token || token.length > 100) return null
  const [found] = await db
    .select({ event: events, organisationId: organisations.id, organisationName: organisations.name })
    .from(eventStatusLinks)
    .innerJoin(events, eq(events.id, eventStatusLinks.eventId))
    .innerJoin(
      eventOrganisations,
      and(
        eq(eventOrganisations.eventId, eventStatusLinks.eventId),
        eq(eventOrganisations.organisationId, eventStatusLinks.organisationId),
      ),
    )
    .innerJoin(organisations, eq(organisations.id, eventStatusLinks.organisationId))
    .where(eq(eventStatusLinks.tokenHash, hashToken(token)))
  if (!found || eventEnded(found.event, now)) return null
  return found
}
