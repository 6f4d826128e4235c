import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import { auditLog } from '../../app/db/schema/audit'
import { eventCalls, eventLogEntries, eventOrganisations, events } from '../../app/db/schema/events'
import { outbox } from '../../app/db/schema/mail'
import * as callout from '../../app/routes/handelser+/$id.utlarmning'
import * as reportByLink from '../../app/routes/lagesrapport.$token'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeContactRoute, makeOrganisation, makeService, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

// The call-out mails each taking-part organisation's ISK and 24/7 addresses
// and its editors a status link that works; the call list shows the phone
// routes in call order, restricted ones only to those who may read them, and
// records each call with the server's time.

type CallListPage = {
  organisations: {
    name: string
    calledOutAt: string | null
    routes: { id: string; function: string; value: string; restricted: boolean; lastCall: { outcome: string } | null }[]
  }[]
}

describe('the call-out and the call list', () => {
  let handle: DatabaseHandle
  let db: Database
  const ids = { municipality: '', solor: '', silent: '', isk: '', switchboard: '', personal: '' }
  const cookies = { coordinator: '', duty: '', editor: '' }

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    ids.municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    ids.solor = (await makeOrganisation(db, { name: 'Solör Bioenergi', kind: 'energy' })).id
    ids.silent = (await makeOrganisation(db, { name: 'Ödslig förening' })).id
    await makeService(db, { organisationId: ids.solor, name: 'Fjärrvärme Solör' })
    const route = (fields: Parameters<typeof makeContactRoute>[1]) => makeContactRoute(db, fields)
    await route({ organisationId: ids.solor, function: 'isk', channel: 'email', value: 'isk@solor.example.org' })
    await route({
      organisationId: ids.solor,
      function: 'duty_officer',
      channel: 'email',
      value: 'Jour@Solor.example.org',
    })
    await route({
      organisationId: ids.solor,
      function: 'communications',
      channel: 'email',
      value: 'press@solor.example.org',
    })
    ids.switchboard = (
      await route({
        organisationId: ids.solor,
        function: 'switchboard',
        channel: 'phone',
        value: '031-390 06 10',
        callOrder: 3,
      })
    ).id
    ids.isk = (
      await route({
        organisationId: ids.solor,
        function: 'isk',
        channel: 'mobile',
        value: '070-174 06 10',
        callOrder: 1,
      })
    ).id
    ids.personal = (
      await route({
        organisationId: ids.solor,
        function: 'duty_officer',
        channel: 'mobile',
        value: '070-174 06 11',
        callOrder: 2,
        visibility: 'restricted',
      })
    ).id
    const person = async (
      role: 'coordinator' | 'duty_officer' | 'partner_editor',
      organisationId: string,
      email?: string,
    ) => (await signedIn(db, (await makeUser(db, { role, organisationId, email })).id)).cookie
    cookies.coordinator = await person('coordinator', ids.municipality)
    cookies.duty = await person('duty_officer', ids.municipality)
    cookies.editor = await person('partner_editor', ids.solor, 'redaktor@solor.example.org')
    // Someone who left: no mail.
    await makeUser(db, {
      role: 'partner_editor',
      organisationId: ids.solor,
      email: 'slutat@solor.example.org',
      active: false,
    })
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  const post = (eventId: string, fields: Record<string, string>, cookie: string) =>
    callRoute<{
      callout: { organisations: number; sent: number; withoutEmail: string[] } | null
      calledAt: string | null
      errors: Record<string, string>
    }>(callout.action, postForm(`/handelser/${eventId}/utlarmning`, fields, cookie), { id: eventId })
  const page = (eventId: string, cookie: string) =>
    callRoute<CallListPage>(callout.loader, getRequest(`/handelser/${eventId}/utlarmning`, cookie), { id: eventId })

  it('mails one personal link per recipient, marked ÖVNING, and the link works', async () => {
    const event = await makeEvent(db, { title: 'Elavbrott Vårgårda', organisationIds: [ids.solor, ids.silent] })
    expect((await post(event.id, { intent: 'callout' }, cookies.editor)).status).toBe(403)

    const result = await post(event.id, { intent: 'callout' }, cookies.coordinator)
    expect(result.body?.callout).toMatchObject({ organisations: 2, sent: 3, withoutEmail: ['Ödslig förening'] })
    const mails = await db.select().from(outbox).orderBy(asc(outbox.to))
    expect(mails.map((mail) => mail.to)).toEqual([
      'isk@solor.example.org',
      'jour@solor.example.org',
      'redaktor@solor.example.org',
    ])
    for (const mail of mails) expect(mail.subject).toBe('ÖVNING – Utlarmning: Elavbrott Vårgårda')
    const token = /\/lagesrapport\/([a-z2-7]+)/.exec(mails[0]!.text)![1]!
    expect(mails.every((mail) => mail.text.includes(`/lagesrapport/${token}`))).toBe(true)
    const opened = await callRoute<{ found: { organisationName: string } | null }>(
      reportByLink.loader,
      getRequest(`/lagesrapport/${token}`),
      { token },
    )
    expect(opened.body?.found?.organisationName).toBe('Solör Bioenergi')

    const printed = await renderRoute(callout.default, { loaderData: (await page(event.id, cookies.coordinator)).body })
    expect(printed).toContain('<p class="call-list-page__exercise">ÖVNING</p>')
    expect(printed).toContain('Utlarmad ')

    const taking = await db.select().from(eventOrganisations).where(eq(eventOrganisations.eventId, event.id))
    expect(taking.every((row) => row.calledOutAt !== null)).toBe(true)
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, event.id), eq(auditLog.action, 'callout')))
    expect(audit?.changes).toMatchObject({ recipients: { after: mails.map((mail) => mail.to) } })
    const [entry] = await db.select().from(eventLogEntries).where(eq(eventLogEntries.kind, 'callout'))
    expect(entry?.text).toMatch(/^Utlarmning till 2 organisationer, e-post till 3 mottagare\./)

    await db.update(events).set({ endedAt: new Date() }).where(eq(events.id, event.id))
    expect((await post(event.id, { intent: 'callout' }, cookies.coordinator)).status).toBe(409)
    expect(await db.select().from(outbox)).toHaveLength(3)
  })

  it('lists the phone routes in call order, restricted ones only for who may read them, and records calls', async () => {
    const event = await makeEvent(db, { kind: 'real', organisationIds: [ids.solor] })
    const solorRoutes = async (cookie: string) =>
      (await page(event.id, cookie)).body!.organisations.find((row) => row.name === 'Solör Bioenergi')!.routes
    expect((await solorRoutes(cookies.coordinator)).map((route) => route.id)).toEqual([
      ids.isk,
      ids.personal,
      ids.switchboard,
    ])
    // A duty officer of the municipality leads the event but may not read Solör's personal numbers.
    expect((await solorRoutes(cookies.duty)).map((route) => route.id)).toEqual([ids.isk, ids.switchboard])
    expect((await page(event.id, cookies.editor)).status).toBe(403)

    // Printed or offline, the list dials: a tel: link per number, the offline notice there to be shown.
    const html = await renderRoute(callout.default, { loaderData: (await page(event.id, cookies.duty)).body })
    expect(html).toContain('href="tel:+46701740610"')
    expect(html).toContain('data-offline-notice="" hidden=""')
    expect(html).not.toContain('ÖVNING')

    const recorded = await post(
      event.id,
      { intent: 'call', contactRouteId: ids.isk, outcome: 'not_reached', note: 'Provar växeln' },
      cookies.duty,
    )
    expect(recorded.status).toBe(200)
    expect(Math.abs(Date.parse(recorded.body!.calledAt!) - Date.now())).toBeLessThan(60_000)
    await post(event.id, { intent: 'call', contactRouteId: ids.isk, outcome: 'reached', note: '' }, cookies.duty)
    expect((await solorRoutes(cookies.duty)).find((route) => route.id === ids.isk)?.lastCall?.outcome).toBe('reached')
    expect(await db.select().from(eventCalls).where(eq(eventCalls.eventId, event.id))).toHaveLength(2)
    const entries = await db.select().from(eventLogEntries).where(eq(eventLogEntries.eventId, event.id))
    expect(entries.map((entry) => entry.text)).toContain(
      'Samtal till Solör Bioenergi (ISK, mobiltelefon): Inte nådd. Provar växeln',
    )
    expect(entries.every((entry) => !entry.text.includes('070'))).toBe(true)

    // Not for a route the reader may not see, nor a bad outcome.
    const hidden = await post(
      event.id,
      { intent: 'call', contactRouteId: ids.personal, outcome: 'reached' },
      cookies.duty,
    )
    expect([hidden.status, hidden.body?.errors._form]).toEqual([400, 'eventReport.error.unknownRoute'])
    const invalid = await post(event.id, { intent: 'call', contactRouteId: ids.isk, outcome: 'maybe' }, cookies.duty)
    expect([invalid.status, invalid.body?.errors.outcome]).toEqual([400, 'validation.choose'])
    expect(await db.select().from(eventCalls).where(eq(eventCalls.eventId, event.id))).toHaveLength(2)
  })
})
