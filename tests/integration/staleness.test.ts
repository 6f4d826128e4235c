import { and, eq, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { outbox } from '../../app/db/schema/mail'
import { organisations } from '../../app/db/schema/organisations'
import { listOutbox } from '../../app/modules/mail/mailer.server'
import { createMailer } from '../../app/modules/mail/mailer.server'
import { sendReminders } from '../../app/modules/staleness/reminders.server'
import { staleBefore } from '../../app/modules/staleness/staleness'
import { getStalenessPage, listStaleOrganisations } from '../../app/modules/staleness/staleness.server'
import * as dashboard from '../../app/routes/admin+/aktualitet'
import { getRequest, makeContactCheck, makeContactRoute, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>
const context = { clientIp: '10.0.4.1', cspNonce: '', requestId: 'staleness' }

/** Calls a loader or action as Remix would; a thrown Response is returned. */
async function call(handler: Handler, request: Request): Promise<{ status: number; body: never }> {
  let result: unknown
  try {
    result = await handler({ request, params: {}, context })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response) return { status: result.status, body: null as never }
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } }
  if (wrapped?.type === 'DataWithResponseInit') return { status: wrapped.init?.status ?? 200, body: wrapped.data as never }
  return { status: 200, body: result as never }
}

/** The reminder form: one `organisationId` per ticked box. */
function reminderRequest(ids: string[], cookie: string): Request {
  const body = new URLSearchParams(ids.map((id) => ['organisationId', id]))
  return new Request('http://localhost/admin/aktualitet', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', Cookie: cookie },
  })
}

const now = new Date()
const monthsAgo = (months: number) => {
  const date = new Date(now)
  date.setMonth(date.getMonth() - months)
  return date
}
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

describe('the staleness dashboard', () => {
  const db = useTestDatabase()
  const ids: Record<string, string> = {}
  let coordinator: { id: string; cookie: string }
  let partner: { id: string; cookie: string }

  /** An organisation with an ISK that answers around the clock, confirmed a month ago: nothing wrong. */
  async function organisation(name: string, options: { confirmedAt?: Date | null; isk?: boolean; always?: boolean } = {}) {
    const created = await makeOrganisation(db(), { name })
    const confirmedAt = options.confirmedAt === undefined ? monthsAgo(1) : options.confirmedAt
    await db().update(organisations).set({ confirmedAt }).where(eq(organisations.id, created.id))
    if (options.isk !== false) await makeContactRoute(db(), { organisationId: created.id, function: 'isk', availability: options.always === false ? 'office_hours' : 'always' })
    else if (options.always !== false) await makeContactRoute(db(), { organisationId: created.id, function: 'duty_officer', availability: 'always' })
    ids[name] = created.id
    return created
  }

  beforeEach(async () => {
    await organisation('Aktuell AB')
    await organisation('Aldrig bekräftad AB', { confirmedAt: null })
    await organisation('Gammal bekräftelse AB', { confirmedAt: monthsAgo(7) })
    await organisation('Utan ISK AB', { isk: false })
    await organisation('Utan dygnet runt AB', { always: false })
    await organisation('Inga kontaktvägar AB', { isk: false, always: false })
    const failing = await organisation('Provsamtal misslyckat AB')
    const route = await makeContactRoute(db(), { organisationId: failing.id, function: 'switchboard', value: '031-390 06 40' })
    await makeContactCheck(db(), { routeId: route.id, reached: true, checkedAt: daysAgo(30) })
    await makeContactCheck(db(), { routeId: route.id, reached: false, checkedAt: daysAgo(2) })
    // Failed once, reached since: current.
    const recovered = await organisation('Nådd igen AB')
    const recoveredRoute = await makeContactRoute(db(), { organisationId: recovered.id, value: '031-390 06 41' })
    await makeContactCheck(db(), { routeId: recoveredRoute.id, reached: false, checkedAt: daysAgo(9) })
    await makeContactCheck(db(), { routeId: recoveredRoute.id, reached: true, checkedAt: daysAgo(1) })

    const council = await makeOrganisation(db(), { name: 'Kommunen' })
    const user = await makeUser(db(), { role: 'coordinator', organisationId: council.id, name: 'Karin Samordnare' })
    coordinator = { id: user.id, cookie: (await signedIn(db(), user.id)).cookie }
    const editor = await makeUser(db(), { role: 'partner_editor', organisationId: ids['Aldrig bekräftad AB'], name: 'Anna Redaktör', email: 'anna@example.org' })
    partner = { id: editor.id, cookie: (await signedIn(db(), editor.id)).cookie }
    await makeUser(db(), { role: 'partner_editor', organisationId: ids['Aldrig bekräftad AB'], name: 'Bo Redaktör', email: 'bo@example.org' })
    await makeUser(db(), { role: 'partner_editor', organisationId: ids['Aldrig bekräftad AB'], name: 'Cilla Avstängd', email: 'cilla@example.org', active: false })
    await makeUser(db(), { role: 'viewer', organisationId: ids['Aldrig bekräftad AB'], name: 'Dan Läsare', email: 'dan@example.org' })
    await makeUser(db(), { role: 'partner_editor', organisationId: ids['Utan ISK AB'], name: 'Eva Redaktör', email: 'eva@example.org' })
    await makeUser(db(), { role: 'partner_editor', organisationId: ids['Aktuell AB'], name: 'Fia Redaktör', email: 'fia@example.org' })
  })

  it('finds each kind of staleness, with every reason, and leaves the current ones out', async () => {
    const stale = await listStaleOrganisations(db(), { staleBefore: staleBefore(now, 6) })
    const byName = Object.fromEntries(stale.map((organisation) => [organisation.name, organisation.reasons]))
    expect(byName).toEqual({
      'Aldrig bekräftad AB': ['neverConfirmed'],
      'Gammal bekräftelse AB': ['confirmationOld'],
      'Utan ISK AB': ['noIsk'],
      'Utan dygnet runt AB': ['noAlwaysRoute'],
      'Inga kontaktvägar AB': ['noIsk', 'noAlwaysRoute'],
      'Provsamtal misslyckat AB': ['failedCheck'],
      // The coordinator's own organisation has no routes and was never confirmed.
      Kommunen: ['neverConfirmed', 'noIsk', 'noAlwaysRoute'],
    })
    const failing = stale.find((organisation) => organisation.name === 'Provsamtal misslyckat AB')!
    expect(failing.failedRoutes).toEqual([
      { id: expect.any(String), function: 'switchboard', channel: 'phone', value: '031-390 06 40', checkedAt: expect.any(Date) },
    ])
    expect(failing.failedRoutes[0]!.checkedAt.getTime()).toBeCloseTo(daysAgo(2).getTime(), -4)
    const never = stale.find((organisation) => organisation.name === 'Aldrig bekräftad AB')!
    expect(never.editors.map((editor) => editor.email)).toEqual(['anna@example.org', 'bo@example.org'])
    expect(never.confirmedAt).toBeNull()
    expect(stale.find((organisation) => organisation.name === 'Gammal bekräftelse AB')!.confirmedAt).toBeInstanceOf(Date)
  })

  it('pages through the organisations in name order, counting all of them', async () => {
    const all = await listStaleOrganisations(db(), { staleBefore: staleBefore(now, 6) })
    const first = await getStalenessPage(db(), { staleBefore: staleBefore(now, 6), page: 1, pageSize: 3 })
    const last = await getStalenessPage(db(), { staleBefore: staleBefore(now, 6), page: 3, pageSize: 3 })
    expect([first.total, first.pageCount, last.page]).toEqual([7, 3, 3])
    expect([...first.organisations, ...last.organisations].map((organisation) => organisation.name)).toEqual(
      [...all.slice(0, 3), ...all.slice(6)].map((organisation) => organisation.name),
    )
  })

  it('follows the configured period', async () => {
    const stale = await listStaleOrganisations(db(), { staleBefore: staleBefore(now, 8) })
    expect(stale.map((organisation) => organisation.name)).not.toContain('Gammal bekräftelse AB')
  })

  it('shows the coordinator the dashboard and refuses a partner editor, reading and sending', async () => {
    const page = await call(dashboard.loader as Handler, getRequest('/admin/aktualitet', coordinator.cookie))
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ months: 6, total: 7, page: 1, pageCount: 1 })
    expect((page.body as { organisations: { name: string }[] }).organisations).toHaveLength(7)

    expect((await call(dashboard.loader as Handler, getRequest('/admin/aktualitet', partner.cookie))).status).toBe(403)
    const refused = await call(dashboard.action as Handler, reminderRequest([ids['Aldrig bekräftad AB']!], partner.cookie))
    expect(refused.status).toBe(403)
    expect(await db().select().from(outbox)).toEqual([])
  })

  it('reminds exactly the active editors of the ticked organisations, audited, and says who had nobody', async () => {
    const ticked = [ids['Aldrig bekräftad AB']!, ids['Utan ISK AB']!, ids['Gammal bekräftelse AB']!, ids['Aktuell AB']!]
    const result = await call(dashboard.action as Handler, reminderRequest(ticked, coordinator.cookie))
    expect(result.status).toBe(200)
    const { result: outcome } = result.body as { result: Awaited<ReturnType<typeof sendReminders>> & { outbox: boolean } }
    expect(outcome.messagesSent).toBe(3)
    expect(outcome.reminded.map((organisation) => [organisation.name, organisation.recipients])).toEqual([
      ['Aldrig bekräftad AB', 2],
      ['Utan ISK AB', 1],
    ])
    expect(outcome.noEditors.map((organisation) => organisation.name)).toEqual(['Gammal bekräftelse AB'])
    expect(outcome.notStale.map((organisation) => organisation.name)).toEqual(['Aktuell AB'])
    expect(outcome.outbox).toBe(true)

    const messages = await listOutbox(db())
    expect(messages.map((message) => message.to).sort()).toEqual(['anna@example.org', 'bo@example.org', 'eva@example.org'])
    const anna = messages.find((message) => message.to === 'anna@example.org')!
    expect(anna.subject).toBe('Påminnelse: se över uppgifterna för Aldrig bekräftad AB')
    expect(anna.text).toContain('Uppgifterna har aldrig bekräftats.')
    expect(anna.text).toContain(`http://localhost:3000/organisationer/${ids['Aldrig bekräftad AB']}`)
    expect(messages.find((message) => message.to === 'eva@example.org')!.text).toContain('ingen ISK')

    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'reminder'))
    expect(audits.map((entry) => [entry.organisationId, entry.userId, entry.entity]).sort()).toEqual(
      [
        [ids['Aldrig bekräftad AB'], coordinator.id, 'organisation'],
        [ids['Utan ISK AB'], coordinator.id, 'organisation'],
      ].sort(),
    )
    const annaAudit = audits.find((entry) => entry.organisationId === ids['Aldrig bekräftad AB'])!
    expect(annaAudit.changes).toEqual({
      reasons: { before: null, after: ['neverConfirmed'] },
      recipients: { before: null, after: ['anna@example.org', 'bo@example.org'] },
    })

    // The dashboard shows when each was reminded.
    const page = await call(dashboard.loader as Handler, getRequest('/admin/aktualitet', coordinator.cookie))
    const rows = (page.body as { organisations: { id: string; lastReminderAt: Date | null }[] }).organisations
    expect(rows.find((row) => row.id === ids['Aldrig bekräftad AB'])!.lastReminderAt).toBeInstanceOf(Date)
    expect(rows.find((row) => row.id === ids['Gammal bekräftelse AB'])!.lastReminderAt).toBeNull()
  })

  it('does not send twice on a double submit, and sends again after ten minutes', async () => {
    const ticked = [ids['Aldrig bekräftad AB']!, ids['Utan ISK AB']!]
    await call(dashboard.action as Handler, reminderRequest(ticked, coordinator.cookie))
    const second = await call(dashboard.action as Handler, reminderRequest(ticked, coordinator.cookie))
    const outcome = (second.body as { result: Awaited<ReturnType<typeof sendReminders>> }).result
    expect(outcome.messagesSent).toBe(0)
    expect(outcome.recentlyReminded.map((organisation) => organisation.name)).toEqual(['Aldrig bekräftad AB', 'Utan ISK AB'])
    expect(await db().select().from(outbox)).toHaveLength(3)
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'reminder'))).toHaveLength(2)

    await db()
      .update(auditLog)
      .set({ at: sql`${auditLog.at} - interval '11 minutes'` })
      .where(eq(auditLog.action, 'reminder'))
    const later = await call(dashboard.action as Handler, reminderRequest(ticked, coordinator.cookie))
    expect((later.body as { result: { messagesSent: number } }).result.messagesSent).toBe(3)
    expect(await db().select().from(outbox)).toHaveLength(6)
  })

  it('sends once when two submits arrive at the same moment', async () => {
    const mailer = createMailer({ from: 'test@example.org' })
    const input = {
      actorId: coordinator.id,
      organisationIds: [ids['Aldrig bekräftad AB']!],
      origin: 'http://localhost',
      staleBefore: staleBefore(now, 6),
      months: 6,
    }
    const results = await Promise.all([sendReminders(db(), mailer, input), sendReminders(db(), mailer, input)])
    expect(results.map((result) => result.messagesSent).sort()).toEqual([0, 2])
    expect(results.flatMap((result) => result.recentlyReminded.map((organisation) => organisation.name))).toEqual(['Aldrig bekräftad AB'])
    expect(await db().select().from(outbox)).toHaveLength(2)
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reminder'), eq(auditLog.organisationId, ids['Aldrig bekräftad AB']!)))
    expect(audits).toHaveLength(1)
  })

  it('asks for at least one organisation', async () => {
    const result = await call(dashboard.action as Handler, reminderRequest([], coordinator.cookie))
    expect(result.status).toBe(400)
    expect((result.body as { error: string }).error).toBe('staleness.noneSelected')
  })
})
