import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { makeEvent } from '../support/event-factories'
import { startPortal, type PortalServer } from '../support/portal-server'
import { Browser, demoUsers, isRedirect, openPortal, organisationByName, signIn, type Portal } from './harness'

// The proof of live updates behind a load balancer: two app processes
// on one PostgreSQL; a page open on one hears a log entry posted to the other.
// Then the same across a database outage (postgres.js listens again by
// itself), and a stop of the process with streams open.

const DEMO_PASSWORD = 'reliability-demo-lösenord-2026'
const ARRIVAL_LIMIT_MS = 2_000

interface StreamMessage {
  type: string
  data: string
  at: number
}

/** An open event stream, read as a browser's EventSource would. */
async function openStream(baseUrl: string, path: string, cookie: string) {
  const controller = new AbortController()
  const response = await fetch(new URL(path, baseUrl), {
    headers: { cookie, accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' },
    signal: controller.signal,
    redirect: 'manual',
  })
  const messages: StreamMessage[] = []
  let ended = false
  const pump = (async () => {
    if (!response.ok || !response.body) return
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const type = /^event: (.*)$/m.exec(block)?.[1]
          const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n')
          if (type) messages.push({ type, data, at: performance.now() })
        }
      }
    } catch {
      // Aborted by the test, or the server went away: `ended` says which matters.
    }
    ended = true
  })()
  return {
    response,
    messages,
    ended: () => ended,
    pump,
    close: () => controller.abort(),
    async next(test: (message: StreamMessage) => boolean, after: number, ms: number): Promise<StreamMessage> {
      const deadline = performance.now() + ms
      while (performance.now() < deadline) {
        const found = messages.find((message) => message.at >= after && test(message))
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      throw new Error(`No such message within ${ms} ms; the stream said ${JSON.stringify(messages)}`)
    },
  }
}

describe('live updates across two app processes on one PostgreSQL', () => {
  let portal: Portal
  let second: PortalServer
  let admin: postgres.Sql
  let eventId: string
  let writer: Browser
  let readerCookie: string

  beforeAll(async () => {
    portal = await openPortal('rel_live')
    // After the first has seeded the database: the second finds it full and leaves it.
    second = await startPortal({
      dir: inject('portalDir'),
      databaseUrl: portal.database.url,
      demoPassword: DEMO_PASSWORD,
    })
    admin = postgres(inject('adminUrl'), { max: 1, onnotice: () => {} })
    const solor = await organisationByName(portal.db, 'Solör Bioenergi i Vårgårda AB')
    eventId = (await makeEvent(portal.db, { title: 'Elavbrott Vårgårda', organisationIds: [solor.id] })).id
    writer = new Browser(portal.server.baseUrl, await signIn(portal.db, demoUsers.coordinator))
    readerCookie = await signIn(portal.db, demoUsers.otherPartnerEditor)
  })

  afterAll(async () => {
    await admin?.unsafe(`alter database "${portal.database.name}" with allow_connections true`).catch(() => {})
    await admin?.end({ timeout: 1 })
    await second?.stop()
    await portal?.close()
  })

  /** A log entry posted to the first process, as its log form posts it. */
  const postEntry = (text: string) =>
    writer.post(`/handelser/${eventId}/logg`, {
      intent: 'write',
      kind: 'observation',
      text,
      submissionKey: crypto.randomUUID(),
    })

  it('delivers a log entry posted to one process to a stream open on the other, and only its kind', async () => {
    const stream = await openStream(second.baseUrl, `/handelser/${eventId}/strom?alder=0`, readerCookie)
    try {
      expect(stream.response.status).toBe(200)
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/)
      // Compressed, the messages would wait in the compressor's buffer.
      expect(stream.response.headers.get('content-encoding')).toBeNull()
      await stream.next((m) => m.type === 'ready', 0, 5_000)
      // The hub of a process starts listening with its first stream; then it vouches and stays quiet.
      await new Promise((resolve) => setTimeout(resolve, 500))

      const posted = performance.now()
      const answer = await postEntry('Fjärrvärmen i Vårgårda går på reservkraft')
      expect(isRedirect(answer.status), `${answer.status} ${answer.body.slice(0, 300)}`).toBe(true)
      const change = await stream.next((m) => m.type === 'change' && m.data === 'log', posted, ARRIVAL_LIMIT_MS)
      expect(change.at - posted).toBeLessThan(ARRIVAL_LIMIT_MS)
      expect(stream.messages.map((m) => m.data).join(' ')).not.toContain('reservkraft')
    } finally {
      stream.close()
    }
  })

  it('is not found for a user whose organisation does not take part', async () => {
    const outsider = await signIn(portal.db, demoUsers.partnerEditor)
    const answer = await fetch(`${second.baseUrl}/handelser/${eventId}/strom`, { headers: { cookie: outsider } })
    expect(answer.status).toBe(404)
    expect(answer.headers.get('content-type')).not.toMatch(/event-stream/)
  })

  it('keeps an open stream across a database outage, says to catch up, and delivers again after it', async () => {
    const stream = await openStream(second.baseUrl, `/handelser/${eventId}/strom?alder=0`, readerCookie)
    try {
      await stream.next((m) => m.type === 'ready', 0, 5_000)
      const name = portal.database.name
      const outage = performance.now()
      await admin.unsafe(`alter database "${name}" with allow_connections false`)
      await admin.unsafe(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      )
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      await admin.unsafe(`alter database "${name}" with allow_connections true`)

      // Listening again, the process tells its open pages that they may have missed something.
      await stream.next((m) => m.type === 'change' && m.data === 'resync', outage, 15_000)
      expect(stream.ended()).toBe(false)

      // The first process's pool finds its way back too; then a new entry arrives as before.
      let answer = await postEntry('Efter avbrottet').catch(() => null)
      for (let tries = 0; !(answer && isRedirect(answer.status)) && tries < 30; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        answer = await postEntry('Efter avbrottet').catch(() => null)
      }
      expect(answer && isRedirect(answer.status)).toBe(true)
      const posted = performance.now()
      // The redirect came after the commit: the notice is out by now or within the limit.
      await stream.next((m) => m.type === 'change' && m.data === 'log', posted - 2_000, ARRIVAL_LIMIT_MS)
    } finally {
      stream.close()
    }
    expect(second.errorLines()).toEqual([])
  })

  it('ends open streams when the process stops, without holding up its shutdown', async () => {
    const streams = await Promise.all(
      [1, 2, 3].map(() => openStream(second.baseUrl, `/handelser/${eventId}/strom?alder=0`, readerCookie)),
    )
    for (const stream of streams) await stream.next((m) => m.type === 'ready', 0, 5_000)
    const stopping = performance.now()
    await second.stop()
    const took = performance.now() - stopping
    await Promise.all(streams.map((stream) => stream.pump))
    expect(streams.every((stream) => stream.ended())).toBe(true)
    // SIGKILL comes after 15 s, the server's own forced exit after 10 s.
    expect(took).toBeLessThan(5_000)
    expect(second.alive()).toBe(false)
  })
})
