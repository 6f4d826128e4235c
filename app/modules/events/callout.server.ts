import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { getEnv, portalOrigin } from '~/config/env.server'
import type { Database, Executor } from '~/db/client.server'
import { eventOrganisations, events } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import { memberships, users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { getMailer, type MailMessage, type Mailer } from '~/modules/mail/mailer.server'
import { canOnEvent, eventEnded, type EventScope } from './event-access.server'
import { appendLogEntry } from './event-log-append.server'
import { notifyEventChanged } from './event-notify.server'
import { calloutLogText, calloutMailText } from './callout-texts'
import { createStatusLink } from './status-links.server'

// The call-out: every taking-part organisation gets a fresh status link,
// mailed to its ISK and 24/7 e-mail routes and its editors. The links, the
// called-out times, the audit entry and the log line commit together; the
// mail goes after the commit (an SMTP server is no part of the transaction),
// and a failed send is counted, not undone. The phone side of the call-out
// is the call list (call-list.server.ts).

/**
 * The contact-route functions a call-out and a situation report mail: the ISK,
 * the duty officer (24/7) and the crisis-management mailbox, the functional
 * address most organisations give (as the meeting invitations use it).
 */
export const calloutMailFunctions = ['isk', 'duty_officer', 'crisis_management'] as const

export type CallOutResult =
  | { ok: true; organisations: number; recipients: number; sent: number; failed: number; withoutEmail: string[] }
  | { ok: false; reason: 'forbidden' | 'not_found' | 'ended' | 'no_organisations' }

/** Each organisation's call-out addresses, lower-cased and without repeats, by organisation id. */
export async function calloutRecipients(
  db: Executor,
  organisationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byOrganisation = new Map<string, Set<string>>()
  if (organisationIds.length === 0) return new Map()
  const add = (organisationId: string, address: string) => {
    const email = address.trim().toLowerCase()
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return
    const set = byOrganisation.get(organisationId) ?? new Set<string>()
    set.add(email)
    byOrganisation.set(organisationId, set)
  }
  const [routes, editors] = await Promise.all([
    db
      .select({ organisationId: contactRoutes.organisationId, value: contactRoutes.value })
      .from(contactRoutes)
      .where(
        and(
          inArray(contactRoutes.organisationId, [...organisationIds]),
          inArray(contactRoutes.function, [...calloutMailFunctions]),
          eq(contactRoutes.channel, 'email'),
        ),
      )
      .orderBy(asc(contactRoutes.callOrder)),
    db
      .select({ organisationId: memberships.organisationId, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          inArray(memberships.organisationId, [...organisationIds]),
          eq(memberships.role, 'partner_editor'),
          eq(users.active, true),
        ),
      )
      .orderBy(asc(users.email)),
  ])
  for (const route of routes) add(route.organisationId, route.value)
  for (const editor of editors) add(editor.organisationId, editor.email)
  return new Map([...byOrganisation].map(([id, set]) => [id, [...set]]))
}

/** Calls out every taking-part organisation of an event that has not ended; only for those who lead it. */
export async function callOut(
  db: Database,
  options: {
    event: EventScope & { id: string }
    actor: SessionUser
    mailer?: Mailer
    /** The portal's own origin for the links: portalOrigin(), never a request's headers. */
    origin?: string
  },
): Promise<CallOutResult> {
  const { actor } = options
  if (!canOnEvent(actor, 'event.manage', options.event)) return { ok: false, reason: 'forbidden' }
  const origin = options.origin ?? portalOrigin()
  const senderName = getEnv().MUNICIPALITY_NAME
  const prepared = await db.transaction(async (tx) => {
    // Locked: the end waits for the call-out, and no link is made for an ended event.
    const [event] = await tx.select().from(events).where(eq(events.id, options.event.id)).for('update')
    if (!event) return { ok: false as const, reason: 'not_found' as const }
    if (eventEnded(event)) return { ok: false as const, reason: 'ended' as const }
    const taking = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(eventOrganisations)
      .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
      .where(eq(eventOrganisations.eventId, event.id))
      .orderBy(asc(organisations.name))
    if (taking.length === 0) return { ok: false as const, reason: 'no_organisations' as const }
    const recipients = await calloutRecipients(
      tx,
      taking.map((organisation) => organisation.id),
    )
    const messages: MailMessage[] = []
    const withoutEmail: string[] = []
    for (const organisation of taking) {
      const addresses = recipients.get(organisation.id) ?? []
      // A link nobody is sent would be a live secret that nobody holds.
      if (addresses.length === 0) {
        withoutEmail.push(organisation.name)
        continue
      }
      const token = await createStatusLink(tx, event.id, organisation.id)
      const mail = calloutMailText({
        event,
        senderName,
        organisationName: organisation.name,
        statusLink: `${origin}/lagesrapport/${token}`,
        eventLink: `${origin}/handelser/${event.id}`,
      })
      for (const to of addresses) messages.push({ to, ...mail })
    }
    await tx
      .update(eventOrganisations)
      .set({ calledOutAt: sql`now()` })
      .where(eq(eventOrganisations.eventId, event.id))
    await recordAudit(tx, {
      userId: actor.id,
      organisationId: null,
      entity: 'event',
      entityId: event.id,
      action: 'callout',
      changes: { recipients: { before: null, after: messages.map((message) => message.to) } },
    })
    await appendLogEntry(tx, {
      eventId: event.id,
      kind: 'callout',
      text: calloutLogText({ organisations: taking.length, recipients: messages.length, withoutEmail }),
      organisationId: null,
      authorId: actor.id,
      authorName: actor.name,
    })
    await notifyEventChanged(tx, event.id, 'callout')
    return { ok: true as const, organisations: taking.length, messages, withoutEmail }
  })
  if (!prepared.ok) return prepared
  const mailer = options.mailer ?? getMailer()
  let sent = 0
  let failed = 0
  for (const message of prepared.messages) {
    try {
      await mailer.send(db, message)
      sent++
    } catch {
      failed++
    }
  }
  return {
    ok: true,
    organisations: prepared.organisations,
    recipients: prepared.messages.length,
    sent,
    failed,
    withoutEmail: prepared.withoutEmail,
  }
}
