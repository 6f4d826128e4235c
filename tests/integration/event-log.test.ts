import { and, asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { DatabaseHandle } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { eventKeyMessages, eventLogEntries, events } from '../../app/db/schema/events'
import { appendLogEntry } from '../../app/modules/events/event-log-append.server'
import * as budskap from '../../app/routes/handelser+/$id.budskap'
import * as logg from '../../app/routes/handelser+/$id.logg'
import * as loggCsv from '../../app/routes/handelser+/$id.logg[.csv]'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeOrganisation, makeSite, makeUser, signedIn } from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { renderRoute } from '../support/render-route'
import { createTestDatabase } from '../support/test-db'

type LogData = Awaited<ReturnType<typeof logg.loader>>
type MessagesData = Awaited<ReturnType<typeof budskap.loader>>
type Person = { id: string; name: string; cookie: string }

describe('the event log and the key messages', () => {
  let handle: DatabaseHandle
  const db = () => handle.db
  let municipality: string
  let solor: string
  let bostader: string
  let outsider: string
  let coordinator: Person
  let dutyOfficer: Person
  let solorEditor: Person
  let solorViewer: Person
  let bostaderEditor: Person
  let outsiderEditor: Person
  let countyViewer: Person

  const person = async (role: Role, organisationId: string, name: string): Promise<Person> => {
    const user = await makeUser(db(), { role, organisationId, name })
    return { id: user.id, name, cookie: (await signedIn(db(), user.id)).cookie }
  }
  const newEvent = async (fields: Parameters<typeof makeEvent>[1] = {}) =>
    makeEvent(db(), { organisationIds: [municipality, solor, bostader], ...fields })

  const logUrl = (eventId: string) => `/handelser/${eventId}/logg`
  const readLog = async (eventId: string, who: Person, query = '') =>
    callRoute<LogData>(logg.loader, getRequest(`${logUrl(eventId)}${query}`, who.cookie), { id: eventId })
  const postLog = (eventId: string, who: Person, fields: Record<string, string>) =>
    callRoute<{ form: string; errors: Record<string, string>; values: Record<string, string>; notice?: string }>(
      logg.action,
      postForm(logUrl(eventId), fields, who.cookie),
      { id: eventId },
    )
  const entriesOf = (eventId: string) =>
    db().select().from(eventLogEntries).where(eq(eventLogEntries.eventId, eventId)).orderBy(asc(eventLogEntries.seq))

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    municipality = (await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })).id
    solor = (await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })).id
    bostader = (await makeOrganisation(db(), { name: 'Vårgårda Bostäder', kind: 'municipal_company' })).id
    outsider = (await makeOrganisation(db(), { name: 'Deltar inte AB' })).id
    const county = (
      await makeOrganisation(db(), { name: 'Länsstyrelsen i Västra Götalands län', kind: 'county_board' })
    ).id
    coordinator = await person('coordinator', municipality, 'Karin Samordnare')
    dutyOfficer = await person('duty_officer', municipality, 'Tove TiB')
    solorEditor = await person('partner_editor', solor, 'Sara Solör')
    solorViewer = await person('viewer', solor, 'Vera Läsare')
    bostaderEditor = await person('partner_editor', bostader, 'Bo Bostäder')
    outsiderEditor = await person('partner_editor', outsider, 'Otto Utanför')
    countyViewer = await person('viewer', county, 'Lena Länsstyrelsen')
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  describe('writing and reading the log', () => {
    it('an editor writes for their own organisation; the server stamps the time and audits it', async () => {
      const event = await newEvent()
      const before = Date.now()
      const written = await postLog(event.id, solorEditor, {
        intent: 'write',
        kind: 'observation',
        text: 'Fjärrvärmen går på reservkraft',
        createdAt: '2000-01-01T00:00:00Z',
      })
      const [entry] = await entriesOf(event.id)
      expect(written.status).toBe(302)
      expect(written.location).toBe(`${logUrl(event.id)}#post-${entry!.id}`)
      expect(entry).toMatchObject({
        kind: 'observation',
        organisationId: solor,
        authorId: solorEditor.id,
        authorName: 'Sara Solör',
      })
      expect(entry!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
      const audits = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'event_log_entry'), eq(auditLog.entityId, event.id)))
      expect(audits).toHaveLength(1)
      expect(audits[0]).toMatchObject({ action: 'create', userId: solorEditor.id, organisationId: solor })
    })

    it('refuses a decision without who decided and the mandate, in Swedish next to the fields, keeping the input', async () => {
      const event = await newEvent()
      const refused = await postLog(event.id, coordinator, {
        intent: 'write',
        kind: 'decision',
        text: 'Öppna trygghetspunkt',
      })
      expect(refused.status).toBe(400)
      expect(refused.body).toMatchObject({
        form: 'write',
        errors: { decidedBy: 'validation.required', mandate: 'validation.required' },
        values: { text: 'Öppna trygghetspunkt' },
      })
      expect(await entriesOf(event.id)).toHaveLength(0)
    })

    it('a correction is a new entry of the same kind; the corrected entry says by which, the correction which it corrects', async () => {
      const event = await newEvent()
      await postLog(event.id, coordinator, {
        intent: 'write',
        kind: 'decision',
        text: 'Öppna trygghetspunkt i kommunhuset',
        decidedBy: 'Krisledningsnämndens ordförande',
        mandate: 'Krisledningsnämnden, reglemente § 3',
      })
      const [decision] = await entriesOf(event.id)
      const corrected = await postLog(event.id, dutyOfficer, {
        intent: 'correct',
        entryId: decision!.id,
        kind: 'observation',
        text: 'Öppna trygghetspunkt i kommunhuset',
        decidedBy: 'Krisledningsnämndens ordförande',
        mandate: 'Krisledningsnämnden, reglemente § 4',
      })
      expect(corrected.status).toBe(302)
      const [original, correction] = await entriesOf(event.id)
      expect(original).toEqual(decision)
      expect(correction).toMatchObject({
        kind: 'decision',
        correctsId: decision!.id,
        mandate: 'Krisledningsnämnden, reglemente § 4',
        organisationId: municipality,
      })

      const { body } = await readLog(event.id, solorViewer)
      const [newest, oldest] = body!.log.entries
      expect(oldest).toMatchObject({ number: 1, correctedBy: [{ id: correction!.id, number: 2 }], corrects: null })
      expect(newest).toMatchObject({ number: 2, corrects: { id: decision!.id, number: 1 }, correctedBy: [] })
      expect(body!.writing).toBeNull()

      const html = (await renderRoute(logg.default, { loaderData: body })).replace(
        /<!-- -->| data-discover="true"/g,
        '',
      )
      expect(html).toContain(
        `<strong>Rättad</strong> – se <span><a href="/?sida=1#post-${correction!.id}">post #2</a></span>`,
      )
      expect(html).toContain(`Rättar <a href="/?sida=1#post-${decision!.id}">post #1</a>`)
      expect(html).toContain('<dt>Mandat</dt><dd>Krisledningsnämnden, reglemente § 3</dd>')
      expect(html).not.toContain('name="intent"')
    })

    it('corrects what the portal wrote as an observation, and refuses an entry of another event', async () => {
      const event = await newEvent()
      const other = await newEvent()
      const automatic = await db().transaction((tx) =>
        appendLogEntry(tx, {
          eventId: event.id,
          kind: 'status_report',
          text: 'Solör: På reserv',
          organisationId: null,
          authorId: null,
          authorName: '',
        }),
      )
      const foreign = await db().transaction((tx) =>
        appendLogEntry(tx, {
          eventId: other.id,
          kind: 'observation',
          text: 'x',
          organisationId: null,
          authorId: null,
          authorName: '',
        }),
      )
      expect(
        (
          await postLog(event.id, solorEditor, {
            intent: 'correct',
            entryId: automatic.id,
            text: 'Reserven räcker 10 h, inte 6',
          })
        ).status,
      ).toBe(302)
      const [, correction] = await entriesOf(event.id)
      expect(correction).toMatchObject({ kind: 'observation', correctsId: automatic.id })
      expect((await postLog(event.id, solorEditor, { intent: 'correct', entryId: foreign.id, text: 'x' })).status).toBe(
        404,
      )
      expect(await entriesOf(other.id)).toHaveLength(1)
    })

    it('a task has an owner taking part and a due time; a state change is a new entry and the task shows it', async () => {
      const event = await newEvent()
      const outside = await postLog(event.id, coordinator, {
        intent: 'write',
        kind: 'task',
        text: 'x',
        taskOrganisationId: outsider,
      })
      expect(outside.status).toBe(400)
      expect(outside.body?.errors).toEqual({ taskOrganisationId: 'eventLog.error.ownerNotTakingPart' })
      await postLog(event.id, coordinator, {
        intent: 'write',
        kind: 'task',
        text: 'Evakuera Hagens äldreboende',
        taskOrganisationId: bostader,
        due: '2026-11-27T16:00',
      })
      const [task] = await entriesOf(event.id)
      expect(task).toMatchObject({ taskOrganisationId: bostader, taskState: 'open' })
      expect(task!.taskDueAt?.toISOString()).toBe('2026-11-27T15:00:00.000Z')
      const changed = await postLog(event.id, bostaderEditor, {
        intent: 'taskState',
        taskId: task!.id,
        state: 'in_progress',
        text: 'Bussar beställda',
      })
      expect(changed.status).toBe(302)
      const [, change] = await entriesOf(event.id)
      expect(change).toMatchObject({
        kind: 'task',
        refersToId: task!.id,
        taskState: 'in_progress',
        text: 'Status: Pågår. Bussar beställda',
      })

      const { body } = await readLog(event.id, bostaderEditor)
      const shownTask = body!.log.entries.find((entry) => entry.id === task!.id)
      expect(shownTask?.task).toMatchObject({ organisationName: 'Vårgårda Bostäder', state: 'in_progress' })
      expect(body!.log.entries[0]).toMatchObject({
        refersTo: { id: task!.id, number: 1 },
        setsState: 'in_progress',
        task: null,
      })
      expect(body!.writing?.owners.map((owner) => owner.name)).toEqual([
        'Solör Bioenergi',
        'Vårgårda Bostäder',
        'Vårgårda kommun',
      ])

      // The writer's page: a new entry with every kind's fields (before JavaScript), the task's state, and a correction opened.
      const correcting = (await readLog(event.id, bostaderEditor, `?ratta=${task!.id}`)).body!
      expect(correcting.correction).toMatchObject({
        entryId: task!.id,
        values: { kind: 'task', taskOrganisationId: bostader, due: '2026-11-27T16:00' },
      })
      const html = await renderRoute(logg.default, { loaderData: correcting })
      expect(html).toContain('<legend>För ett beslut</legend>')
      expect(html).toContain('<legend>För en uppgift</legend>')
      expect(html).toContain('Rätta post 1</h5>')
      expect(html).toMatch(/name="due"[^>]*value="2026-11-27T16:00"/)
      expect(html).toContain('value="taskState"')
    })

    it('pages the log a hundred at a time, newest first, numbering across pages', async () => {
      const event = await newEvent()
      await db()
        .insert(eventLogEntries)
        .values(
          Array.from({ length: 105 }, (_, index) => ({
            eventId: event.id,
            kind: 'observation' as const,
            text: `Post ${index + 1}`,
          })),
        )
      const first = (await readLog(event.id, solorViewer)).body!.log
      expect(first).toMatchObject({ page: 1, pageCount: 2, total: 105 })
      expect(first.entries).toHaveLength(100)
      expect(first.entries[0]).toMatchObject({ number: 105, text: 'Post 105' })
      const second = (await readLog(event.id, solorViewer, '?sida=2')).body!.log
      expect(second.entries.map((entry) => entry.number)).toEqual([5, 4, 3, 2, 1])
      const whole = (await readLog(event.id, solorViewer, '?visa=utskrift')).body!
      expect(whole.print).toBe(true)
      expect(whole.log.entries).toHaveLength(105)
      expect(whole.log.entries[0]!.number).toBe(1)
    })
  })

  describe('who may read and write', () => {
    it('an organisation not taking part gets 404; Länsstyrelsen reads but does not write; a viewer does not write', async () => {
      const event = await newEvent()
      expect((await readLog(event.id, outsiderEditor)).status).toBe(404)
      expect(
        (await postLog(event.id, outsiderEditor, { intent: 'write', kind: 'observation', text: 'x' })).status,
      ).toBe(404)
      expect((await readLog(event.id, countyViewer)).status).toBe(200)
      expect((await postLog(event.id, countyViewer, { intent: 'write', kind: 'observation', text: 'x' })).status).toBe(
        403,
      )
      expect((await postLog(event.id, solorViewer, { intent: 'write', kind: 'observation', text: 'x' })).status).toBe(
        403,
      )
      // An editor cannot write as another organisation.
      expect(
        (
          await postLog(event.id, solorEditor, {
            intent: 'write',
            kind: 'observation',
            text: 'x',
            organisationId: bostader,
          })
        ).status,
      ).toBe(403)
      expect(await entriesOf(event.id)).toHaveLength(0)
    })

    it('the coordinator writes for the municipality even where it does not take part', async () => {
      const event = await makeEvent(db(), { organisationIds: [solor] })
      expect(
        (await postLog(event.id, coordinator, { intent: 'write', kind: 'observation', text: 'Läget lugnt' })).status,
      ).toBe(302)
      expect((await entriesOf(event.id))[0]).toMatchObject({ organisationId: municipality })
    })

    it('an ended event keeps its log readable and frozen: no form, and a write is refused with 409', async () => {
      const event = await newEvent({ endedAt: new Date() })
      const { body } = await readLog(event.id, coordinator)
      expect(body).toMatchObject({ event: { frozen: true }, writing: null })
      const refused = await postLog(event.id, coordinator, { intent: 'write', kind: 'observation', text: 'För sent' })
      expect(refused.status).toBe(409)
      expect(refused.body?.notice).toBe('eventLog.frozen')
      expect(await entriesOf(event.id)).toHaveLength(0)
    })
  })

  describe('entries are never edited or deleted', () => {
    it('refuses a forged edit or delete with 400 and leaves the entry as it was', async () => {
      const event = await newEvent()
      await postLog(event.id, coordinator, { intent: 'write', kind: 'observation', text: 'Originalet' })
      const [before] = await entriesOf(event.id)
      for (const intent of ['edit', 'delete', 'update', 'constructor', '']) {
        const forged = await postLog(event.id, coordinator, {
          intent,
          entryId: before!.id,
          id: before!.id,
          kind: 'observation',
          text: 'Ändrat',
        })
        expect(forged.status).toBe(400)
      }
      expect(await entriesOf(event.id)).toEqual([before])
    })

    it('the database refuses an UPDATE or DELETE of an entry, whatever path it takes', async () => {
      const event = await newEvent()
      await postLog(event.id, coordinator, { intent: 'write', kind: 'observation', text: 'Originalet' })
      const [entry] = await entriesOf(event.id)
      // The trigger's own refusal, carried as the cause of drizzle's error.
      const refusal = async (query: Promise<unknown>) => {
        const error = await query.then(
          () => null,
          (thrown: unknown) => thrown as { cause?: { message?: string } },
        )
        return error?.cause?.message ?? null
      }
      const refused = /event_log_entries rows are never changed or removed/
      expect(
        await refusal(db().update(eventLogEntries).set({ text: 'Ändrat' }).where(eq(eventLogEntries.id, entry!.id))),
      ).toMatch(refused)
      expect(await refusal(db().delete(eventLogEntries).where(eq(eventLogEntries.id, entry!.id)))).toMatch(refused)
      expect(await refusal(db().execute(sql`delete from event_log_entries where event_id = ${event.id}`))).toMatch(
        refused,
      )
      expect(await entriesOf(event.id)).toEqual([entry])
    })
  })

  describe('the CSV file', () => {
    it('names the event, says ÖVNING for an exercise, and holds every entry in Stockholm time', async () => {
      const event = await newEvent({ title: 'Elavbrott Vårgårda' })
      await db()
        .insert(eventLogEntries)
        .values({
          eventId: event.id,
          kind: 'observation',
          text: 'Strömmen borta i Hol',
          authorName: 'Karin',
          createdAt: new Date('2026-11-27T13:05:00Z'),
        })
      const { response } = await callRoute(loggCsv.loader, getRequest(`${logUrl(event.id)}.csv`, countyViewer.cookie), {
        id: event.id,
      })
      expect(response?.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
      expect(response?.headers.get('Content-Disposition')).toMatch(
        /^attachment; filename="handelselogg-ovning-\d{4}-\d{2}-\d{2}\.csv"$/,
      )
      const text = await response!.text()
      const lines = text.replace('\uFEFF', '').split('\r\n')
      expect(lines[0]).toMatch(/^"ÖVNING"/)
      expect(lines[1]).toBe('"Händelse";"Elavbrott Vårgårda"')
      expect(text).toContain('1;"2026-11-27 14:05";"Iakttagelse";"Karin";"";"Strömmen borta i Hol"')

      const real = await newEvent({ kind: 'real' })
      const realCsv = await callRoute(loggCsv.loader, getRequest(`${logUrl(real.id)}.csv`, solorViewer.cookie), {
        id: real.id,
      })
      expect(await realCsv.response!.text()).not.toContain('ÖVNING')
      expect(
        (
          await callRoute(loggCsv.loader, getRequest(`${logUrl(event.id)}.csv`, outsiderEditor.cookie), {
            id: event.id,
          })
        ).status,
      ).toBe(404)
    })
  })

  describe('key messages to the public', () => {
    const url = (eventId: string) => `/handelser/${eventId}/budskap`
    const post = (eventId: string, who: Person, fields: Record<string, string | string[]>) =>
      callRoute<{
        form: string
        errors: Record<string, string>
        values: Record<string, string>
        notice?: string
        current?: { text: string; version: number }
      }>(budskap.action, postForm(url(eventId), fields, who.cookie), { id: eventId })
    const read = async (eventId: string, who: Person) =>
      (await callRoute<MessagesData>(budskap.loader, getRequest(url(eventId), who.cookie), { id: eventId })).body!
    const versions = (eventId: string) =>
      db()
        .select()
        .from(eventKeyMessages)
        .where(eq(eventKeyMessages.eventId, eventId))
        .orderBy(asc(eventKeyMessages.messageVersion))

    it('publishes version 1, changes to the next version, and a stale version is a conflict that overwrites nothing', async () => {
      const event = await newEvent()
      const point = await makeSite(db(), {
        organisationId: municipality,
        name: 'Kulturhuset',
        address: 'Kungsgatan 3',
        safetyPoint: true,
      })
      const places = (await read(event.id, solorEditor)).places
      const line = places.find((place) => place.id === point.id)!.line
      expect(line).toBe('Trygghetspunkt: Kulturhuset, Kungsgatan 3')

      const published = await post(event.id, solorEditor, {
        intent: 'publish',
        text: 'Spara på varmvattnet',
        places: [point.id],
        whereToTurn: 'Ring 0980-31 92 00',
      })
      expect(published.status).toBe(302)
      const [first] = await versions(event.id)
      expect(first).toMatchObject({
        messageVersion: 1,
        organisationId: solor,
        whereToTurn: `${line}\nRing 0980-31 92 00`,
        withdrawn: false,
      })
      expect(published.location).toBe(`${url(event.id)}#budskap-${first!.messageId}`)
      const logged = await entriesOf(event.id)
      expect(logged).toMatchObject([
        {
          kind: 'message_out',
          text: 'Budskap publicerat: Spara på varmvattnet',
          counterpart: 'Allmänheten',
          organisationId: solor,
        },
      ])

      const ref = { messageId: first!.messageId, version: '1' }
      expect(
        (await post(event.id, solorEditor, { intent: 'change', ...ref, text: 'Spara på varmvattnet till i kväll' }))
          .status,
      ).toBe(302)
      const stale = await post(event.id, solorEditor, { intent: 'change', ...ref, text: 'Min äldre ändring' })
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({
        notice: 'eventMessages.conflict',
        values: { text: 'Min äldre ändring', version: '2' },
        current: { text: 'Spara på varmvattnet till i kväll', version: 2 },
      })
      expect((await versions(event.id)).map((row) => row.text)).toEqual([
        'Spara på varmvattnet',
        'Spara på varmvattnet till i kväll',
      ])
      const conflictPage = await renderRoute(budskap.default, {
        loaderData: await read(event.id, solorEditor),
        actionData: stale.body,
      })
      expect(conflictPage).toContain('Någon annan har sparat en ny version')
      expect(conflictPage).toContain('Spara på varmvattnet till i kväll')
      expect(conflictPage).toContain('>Min äldre ändring</textarea>')
      expect(conflictPage).toMatch(/name="version" value="2"/)

      // Another organisation's editor cannot change it; the duty officer may withdraw anyone's.
      expect(
        (
          await post(event.id, bostaderEditor, {
            intent: 'change',
            messageId: first!.messageId,
            version: '2',
            text: 'x',
          })
        ).status,
      ).toBe(403)
      expect(
        (await post(event.id, bostaderEditor, { intent: 'withdraw', messageId: first!.messageId, version: '2' }))
          .status,
      ).toBe(403)
      expect(
        (await post(event.id, dutyOfficer, { intent: 'withdraw', messageId: first!.messageId, version: '2' })).status,
      ).toBe(302)
      const rows = await versions(event.id)
      expect(rows.map((row) => [row.messageVersion, row.withdrawn])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ])

      const page = await read(event.id, countyViewer)
      expect(page.writing).toBeNull()
      expect(page.messages).toHaveLength(1)
      expect(page.messages[0]).toMatchObject({
        organisationName: 'Solör Bioenergi',
        current: { version: 3, withdrawn: true },
        mayWithdraw: false,
      })
      expect(page.messages[0]!.history.map((version) => version.version)).toEqual([2, 1])
      const audits = await db()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'event_key_message'), eq(auditLog.entityId, event.id)))
        .orderBy(asc(auditLog.at))
      expect(audits.map((row) => row.action)).toEqual(['create', 'update', 'withdraw'])
      expect((await entriesOf(event.id)).map((entry) => entry.organisationId)).toEqual([solor, solor, municipality])
    })

    it('the unique index refuses a second row of one version, so a race cannot overwrite', async () => {
      const event = await newEvent()
      await post(event.id, solorEditor, { intent: 'publish', text: 'Koka vattnet' })
      const [first] = await versions(event.id)
      const { id: _id, ...copy } = first!
      await expect(
        db()
          .insert(eventKeyMessages)
          .values({ ...copy, text: 'Dubblett' }),
      ).rejects.toThrow()
    })

    it('refuses an unknown intent, a viewer, and any change after the end', async () => {
      const event = await newEvent()
      expect((await post(event.id, solorEditor, { intent: 'delete', text: 'x' })).status).toBe(400)
      expect((await post(event.id, solorViewer, { intent: 'publish', text: 'x' })).status).toBe(403)
      expect(
        (await callRoute(budskap.loader, getRequest(url(event.id), outsiderEditor.cookie), { id: event.id })).status,
      ).toBe(404)
      await db().update(events).set({ endedAt: new Date() }).where(eq(events.id, event.id))
      const frozen = await post(event.id, solorEditor, { intent: 'publish', text: 'För sent' })
      expect(frozen.status).toBe(409)
      expect(frozen.body?.notice).toBe('eventMessages.frozen')
      expect(await versions(event.id)).toHaveLength(0)
    })
  })
})
