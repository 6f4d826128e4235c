import http from 'node:http'
import { asc } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { eventOrganisations, events, eventStatusReports } from '../app/db/schema/events'
import { criticalServices } from '../app/db/schema/registry'
import { memberships, users } from '../app/db/schema/users'
import { sessionPolicy } from '../app/modules/auth/session-cookie.server'
import { createSession } from '../app/modules/auth/sessions.server'
import { appendLogEntry } from '../app/modules/events/event-log-append.server'
import { notifyEventChanged } from '../app/modules/events/event-notify.server'
import { startServer } from './browser'
import { round, type Figure } from './measure'

const STREAMS = 200
const ROUNDS = 40
const PAUSE_MS = 150

interface OpenStream {
  /** performance.now() of each `change` message. */
  changes: number[]
  close(): void
}

/** One page's event stream, read as its bytes arrive. */
function openStream(baseUrl: string, path: string, cookie: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      new URL(path, baseUrl),
      { headers: { cookie, accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`))
        const changes: number[] = []
        let buffer = ''
        let ready = false
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          const at = performance.now()
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (block.includes('event: change')) changes.push(at)
            if (!ready && block.includes('event: ready')) {
              ready = true
              resolve({ changes, close: () => request.destroy() })
            }
          }
        })
        response.on('error', () => {})
      },
    )
    request.on('error', reject)
  })
}

/** A status report as a service's organisation files it: the report, its log entry and the notice, in one transaction. */
async function report(db: Database, input: { eventId: string; organisationId: string; serviceId: string; n: number }) {
  await db.transaction(async (tx) => {
    await tx.insert(eventStatusReports).values({
      eventId: input.eventId,
      organisationId: input.organisationId,
      serviceId: input.serviceId,
      status: 'backup',
      backupHoursLeft: 10,
      via: 'portal',
    })
    await appendLogEntry(tx, {
      eventId: input.eventId,
      kind: 'status_report',
      text: `Lägesrapport ${input.n}: på reserv, 10 h kvar`,
      organisationId: input.organisationId,
      authorId: null,
      authorName: 'Bench',
    })
    await notifyEventChanged(tx, input.eventId, 'status')
  })
}

/**
 * event_update_latency_ms: from the start of a status report's transaction
 * to its notice arriving on each of 200 event pages' open streams, served by
 * one production server (p95 over every stream and report).
 */
export async function eventLiveBenchmarks(db: Database, databaseUrl: string): Promise<Figure[]> {
  const [service] = await db
    .select({ id: criticalServices.id, organisationId: criticalServices.organisationId })
    .from(criticalServices)
    .orderBy(asc(criticalServices.id))
    .limit(1)
  if (!service) throw new Error('No critical service to report on: the county is generated first')
  const [event] = await db
    .insert(events)
    .values({ title: 'Bench: elavbrott', kind: 'exercise', level: 'staff', startedAt: new Date() })
    .returning({ id: events.id })
  await db.insert(eventOrganisations).values({ eventId: event!.id, organisationId: service.organisationId })
  const [reader] = await db
    .insert(users)
    .values({ email: 'bench-live@example.org', name: 'Bench Läsare' })
    .returning({ id: users.id })
  await db.insert(memberships).values({ userId: reader!.id, organisationId: service.organisationId, role: 'viewer' })
  const policy = { ...sessionPolicy(), idleMs: 6 * 3_600_000 }
  const { token } = await createSession(db, reader!.id, policy, new Date(), { twoFactorVerified: true })

  const { baseUrl, child } = await startServer(databaseUrl)
  const streams: OpenStream[] = []
  try {
    for (let i = 0; i < STREAMS; i += 20) {
      const batch = Array.from({ length: Math.min(20, STREAMS - i) }, () =>
        openStream(baseUrl, `/handelser/${event!.id}/strom?alder=0`, `session=${token}`),
      )
      streams.push(...(await Promise.all(batch)))
    }
    // The first stream started the process's LISTEN: let any `resync` it sent pass.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const latencies: number[] = []
    for (let n = 0; n < ROUNDS; n++) {
      const seen = streams.map((stream) => stream.changes.length)
      const started = performance.now()
      await report(db, { eventId: event!.id, organisationId: service.organisationId, serviceId: service.id, n })
      const deadline = performance.now() + 5_000
      while (streams.some((stream, i) => stream.changes.length === seen[i]) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
      for (const [i, stream] of streams.entries()) {
        const arrival = stream.changes[seen[i]!]
        // A stream that heard nothing counts as the whole wait.
        latencies.push((arrival ?? performance.now()) - started)
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
    }
    latencies.sort((a, b) => a - b)
    const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1]!
    return [{ name: 'event_update_latency_ms', value: round(p95), unit: 'ms' }]
  } finally {
    for (const stream of streams) stream.close()
    child.kill('SIGTERM')
  }
}
