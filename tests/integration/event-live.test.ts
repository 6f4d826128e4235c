import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'
import { sessions } from '../../app/db/schema/auth'
import { memberships } from '../../app/db/schema/users'
import { sessionPolicy } from '../../app/modules/auth/session-cookie.server'
import { hashToken } from '../../app/modules/auth/tokens.server'
import { appendLogEntry } from '../../app/modules/events/event-log-append.server'
import { eventHubFor, eventStreamResponse, streamMayContinue } from '../../app/modules/events/event-live.server'
import type { LiveSignal } from '../../app/modules/events/event-hub.server'
import { notifyEventChanged } from '../../app/modules/events/event-notify.server'
import { loader } from '../../app/routes/handelser+/$id.strom'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { callRoute } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

/** Reads an event stream's messages as they come. */
function streamReader(response: Response) {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const messages: { type: string; data: string }[] = []
  let ended = false
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const type = /^event: (.*)$/m.exec(block)?.[1]
        if (type) messages.push({ type, data: [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n') })
      }
    }
    ended = true
  })()
  return {
    messages,
    ended: () => ended,
    pump,
    async waitFor(test: (message: { type: string; data: string }) => boolean, ms = 3_000) {
      const deadline = Date.now() + ms
      while (Date.now() < deadline) {
        const found = messages.find(test)
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      throw new Error(`No such message within ${ms} ms; got ${JSON.stringify(messages)}`)
    },
  }
}

describe('live updates of an open event page, in one process', () => {
  let handle: DatabaseHandle
  let eventId: string
  let readerCookie: string
  let readerToken: string
  let readerId: string
  let outsiderCookie: string
  let organisationId: string

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    const db = handle.db
    const taking = await makeOrganisation(db, { name: 'Solör Bioenergi' })
    const outside = await makeOrganisation(db, { name: 'Utanför AB' })
    organisationId = taking.id
    eventId = (await makeEvent(db, { organisationIds: [taking.id] })).id
    const reader = await makeUser(db, { role: 'partner_editor', organisationId: taking.id })
    readerId = reader.id
    const session = await signedIn(db, reader.id)
    readerCookie = session.cookie
    readerToken = session.token
    outsiderCookie = (
      await signedIn(db, (await makeUser(db, { role: 'partner_editor', organisationId: outside.id })).id)
    ).cookie
  })

  afterAll(async () => {
    await eventHubFor(handle).stop()
    provideDatabase(null)
    await handle.close()
  })

  it('hands a committed notice to the subscribers of its event, and not a rolled-back one', async () => {
    const hub = eventHubFor(handle)
    const got: LiveSignal[] = []
    const leave = hub.subscribe(eventId, (signal) => got.push(signal))
    try {
      // The LISTEN is in place once the hub vouches for the present moment.
      for (let i = 0; i < 100 && !hub.vouches(eventId, 0); i++) await new Promise((resolve) => setTimeout(resolve, 10))
      await handle.db
        .transaction(async (tx) => {
          await notifyEventChanged(tx, eventId, 'log')
          throw new Error('rolled back')
        })
        .catch(() => {})
      await handle.db.transaction((tx) => notifyEventChanged(tx, eventId, 'status'))
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(got).toEqual(['status'])
    } finally {
      leave()
    }
  })

  it('streams the kind of each change of the event to a reader, and ends when the reader goes away', async () => {
    const controller = new AbortController()
    const request = new Request(`http://localhost/handelser/${eventId}/strom?alder=60000`, {
      headers: { Cookie: readerCookie },
      signal: controller.signal,
    })
    const { status, response } = await callRoute(loader, request, { id: eventId })
    expect(status).toBe(200)
    expect(response!.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
    expect(response!.headers.get('Cache-Control')).toBe('no-store')
    expect(response!.headers.get('X-Accel-Buffering')).toBe('no')
    const stream = streamReader(response!)
    await stream.waitFor((m) => m.type === 'ready')
    const before = eventHubFor(handle).subscriberCount()

    await handle.db.transaction((tx) =>
      appendLogEntry(tx, {
        eventId,
        kind: 'observation',
        text: 'Fjärrvärmen går på reservkraft',
        organisationId,
        authorId: readerId,
        authorName: 'Läsare',
      }),
    )
    const change = await stream.waitFor((m) => m.type === 'change' && m.data === 'log')
    // The kind only, never what was written.
    expect(JSON.stringify(stream.messages)).not.toContain('reservkraft')
    expect(change.data).toBe('log')

    controller.abort()
    await stream.pump
    expect(stream.ended()).toBe(true)
    expect(eventHubFor(handle).subscriberCount()).toBe(before - 1)
  })

  it('is not found for a user who may not read the event, and sends the signed-out to sign in', async () => {
    const outsider = await callRoute(loader, getRequest(`/handelser/${eventId}/strom`, outsiderCookie), { id: eventId })
    expect(outsider.status).toBe(404)
    const anonymous = await callRoute(loader, getRequest(`/handelser/${eventId}/strom`), { id: eventId })
    expect(anonymous.location).toMatch(/^\/logga-in\?redirectTo=/)
  })

  it('ends the stream at a recheck once the session no longer opens or the user may no longer read', async () => {
    const db = handle.db
    const policy = sessionPolicy()
    const [before] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(readerToken)))
    expect(
      await streamMayContinue(
        db,
        { token: readerToken, eventId, policy },
        new Date(before!.lastSeenAt.getTime() + 5 * 60_000),
      ),
    ).toBe(true)
    // Asking is not activity: the idle timeout still runs.
    const [after] = await db.select().from(sessions).where(eq(sessions.id, before!.id))
    expect(after!.lastSeenAt).toEqual(before!.lastSeenAt)
    expect(
      await streamMayContinue(
        db,
        { token: readerToken, eventId, policy },
        new Date(before!.lastSeenAt.getTime() + policy.idleMs),
      ),
    ).toBe(false)

    const other = await makeUser(db, { role: 'viewer', organisationId })
    const { token } = await signedIn(db, other.id)
    let allowed = () => streamMayContinue(db, { token, eventId, policy })
    expect(await allowed()).toBe(true)
    await db.delete(memberships).where(eq(memberships.userId, other.id))
    expect(await allowed()).toBe(false)
    allowed = () => streamMayContinue(db, { token: 'a'.repeat(32), eventId, policy })
    expect(await allowed()).toBe(false)

    let verdict = true
    const response = eventStreamResponse({
      hub: eventHubFor(handle),
      eventId,
      dataAgeMs: 0,
      signal: new AbortController().signal,
      stillAllowed: async () => verdict,
      timing: { recheckMs: 50, heartbeatMs: 30 },
    })
    const stream = streamReader(response)
    await stream.waitFor((m) => m.type === 'ping')
    expect(stream.ended()).toBe(false)
    verdict = false
    await stream.pump
    expect(stream.ended()).toBe(true)
  })
})
