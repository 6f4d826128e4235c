import { count, max, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'
import { auditLog } from '../../app/db/schema/audit'
import { councilCategories, councilReports } from '../../app/db/schema/council'
import { outbox } from '../../app/db/schema/mail'
import { organisations } from '../../app/db/schema/organisations'
import { contactRoutes } from '../../app/db/schema/registry'
import { isMessageKey } from '../../app/i18n/i18n'
import { instantToStockholm } from '../../app/modules/meetings/stockholm-time'
import * as meetingLayout from '../../app/routes/moten+/$id'
import * as meetingPage from '../../app/routes/moten+/$id._index'
import * as newMeeting from '../../app/routes/moten+/ny'
import * as organisationLayout from '../../app/routes/organisationer+/$id'
import * as organisationPage from '../../app/routes/organisationer+/$id._index'
import * as newContactRoute from '../../app/routes/organisationer+/$id.kontaktvagar.ny'
import * as editOrganisation from '../../app/routes/organisationer+/$id.redigera'
import * as reportPage from '../../app/routes/trygghet+/$id.rapporter.$reportId'
import * as fileReport from '../../app/routes/trygghet+/$id.rapportera'
import type { Who } from './route-access.test'
import {
  fieldNamesOf,
  importRoute,
  intentsOf,
  makeActionTargets,
  routeFiles,
  routeSource,
  type ActionTarget,
  type TargetWorld,
} from '../support/action-targets'
import { getRequest, grantCouncil, makeCouncil, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase, useTestDatabase } from '../support/test-db'

/**
 * Every route action, posted generated hostile bodies by a coordinator and a partner editor: it
 * answers (never throws anything but a Response, never 5xx), a refusal speaks Swedish (i18n keys
 * or Swedish text, not zod's English defaults), and a refusal writes nothing.
 */
// Fixed, so a failure reproduces; HOSTILE_SEED and HOSTILE_RUNS explore further.
const SEED = Number(process.env.HOSTILE_SEED ?? 20261127)
const RUNS = Number(process.env.HOSTILE_RUNS ?? 20)

const sqlFragments = [
  "' OR 1=1 --",
  "'; drop table users; --",
  '" OR ""="',
  '1; select pg_sleep(5)',
  "' UNION SELECT null, version() --",
  '\\',
  "''",
]
const htmlFragments = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</textarea><svg onload=alert(1)>',
  '{{7*7}}',
  '${7*7}',
]
const unicodeFragments = [
  '\uD800', // a lone high surrogate
  'a\uDC00b', // a lone low surrogate
  '\u202Eevil\u202C', // right-to-left override
  '\u200F\u200E', // RTL and LTR marks
  'a\u200Bb\u200C\u200D', // zero-width space, non-joiner, joiner
  '\u0000', // NUL
  'x\u0000y',
  'e\u0301\u0308\u0323', // combining marks
  'Z\u0364\u0351\u0313\u0324\u0354', // stacked combining marks
  '👩‍👩‍👧‍👦🇸🇪', // emoji with joiners and flags
  '\uFEFF', // byte order mark
  '\r\n\t\v\f',
  '   ',
  'Å\u030A', // decomposed Å
]
const wrongTypes = [
  '',
  '-1',
  '0',
  '-0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '9007199254740993',
  '99999999999999999999',
  '[]',
  '{}',
  'null',
  'undefined',
  'true',
  'false',
  'on',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00',
  '2026-W99',
  '25:61',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-00000000000g',
  '١٢٣',
  '１２',
  ' 12 ',
  '58,03.4',
  'a@b',
]
const fragments = [...sqlFragments, ...htmlFragments, ...unicodeFragments]

function hostileValue(ids: string[]): fc.Arbitrary<string> {
  const huge = fc
    .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom(...fragments, 'å', 'x'))
    .map(([length, piece]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length))
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fragments) },
    { weight: 3, arbitrary: fc.constantFrom(...wrongTypes) },
    { weight: 2, arbitrary: fc.constantFrom(...ids) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...ids, 'Namn', '1'), fc.constantFrom(...fragments)).map(([a, b]) => a + b),
    },
    { weight: 1, arbitrary: huge },
  )
}

type Pair = [string, string]

/** A body: maybe one the access matrix posts, with fields dropped, replaced, repeated and added, and maybe an intent. */
function hostileBody(target: ActionTarget, ids: string[]): fc.Arbitrary<Pair[]> {
  const source = routeSource(target.route)
  const intents = intentsOf(source)
  const names = [...new Set([...fieldNamesOf(source), ...target.bodies.flatMap((body) => Object.keys(body))])]
  const value = hostileValue(ids)
  const name =
    names.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, fc.string({ maxLength: 12 }))
      : fc.string({ maxLength: 12 })
  return fc
    .record({
      base: fc.option(fc.constantFrom(...target.bodies), { freq: 2 }),
      drop: fc.array(fc.constantFrom(...names, 'intent'), { maxLength: 3 }),
      fields: fc.array(fc.tuple(name, value, fc.boolean()), { maxLength: 6 }),
      intent: fc.option(
        intents.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...intents) }, value) : value,
      ),
    })
    .map(({ base, drop, fields, intent }) => {
      const pairs: Pair[] = Object.entries(base ?? {}).filter(([key]) => !drop.includes(key))
      for (const [key, text, repeat] of fields) {
        const at = pairs.findIndex(([existing]) => existing === key)
        if (at >= 0 && !repeat) pairs[at] = [key, text]
        else pairs.push([key, text])
      }
      if (intent !== null) pairs.unshift(['intent', intent])
      return pairs
    })
}

function post(url: string, pairs: Pair[], cookie: string): Request {
  const body = new URLSearchParams()
  for (const [key, value] of pairs) body.append(key, value)
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', Cookie: cookie },
  })
}

/** Cheap: every write is audited; organisations, mail and contact routes are counted besides. */
async function fingerprint(db: Database) {
  const [audit] = await db.select({ rows: count() }).from(auditLog)
  const [organisation] = await db.select({ rows: count(), updated: max(organisations.updatedAt) }).from(organisations)
  const [mail] = await db.select({ rows: count() }).from(outbox)
  const [routes] = await db.select({ rows: count(), updated: max(contactRoutes.updatedAt) }).from(contactRoutes)
  return {
    audit: audit!.rows,
    organisations: organisation!.rows,
    organisationsUpdated: organisation!.updated?.toISOString() ?? null,
    outbox: mail!.rows,
    contactRoutes: routes!.rows,
    contactRoutesUpdated: routes!.updated?.toISOString() ?? null,
  }
}

const englishZod =
  /^(Required|Invalid input|Invalid|Expected\b|String must|Number must|Array must|Invalid enum value|Invalid uuid|Invalid date|Invalid email|Invalid url|Unrecognized key|Too small|Too big|Must be|should be)/i
const keyLike = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/

/** Every message a 4xx answer shows: the values under `errors`, each Conform reply's `error`, and `message`/`error` texts or keys. */
function messagesOf(body: unknown): string[] {
  const found: string[] = []
  const strings = (value: unknown) => {
    if (typeof value === 'string') found.push(value)
    else if (Array.isArray(value)) value.forEach(strings)
    else if (value && typeof value === 'object') Object.values(value).forEach(strings)
  }
  if (!body || typeof body !== 'object') return found
  const record = body as Record<string, unknown>
  strings(record.errors)
  // A Conform reply (decision 031), under any name: its messages by field.
  for (const value of Object.values(record)) {
    if (value && typeof value === 'object' && 'initialValue' in value) strings((value as { error?: unknown }).error)
  }
  for (const key of ['message', 'error']) {
    const value = record[key]
    if (typeof value === 'string') found.push(value)
    else if (value && typeof value === 'object' && typeof (value as { key?: unknown }).key === 'string')
      found.push((value as { key: string }).key)
  }
  return found
}

function notSwedish(message: string): boolean {
  if (isMessageKey(message)) return false
  return keyLike.test(message) || englishZod.test(message.trim())
}

const summary = (pairs: Pair[]) =>
  JSON.stringify(
    pairs.map(([key, value]) => [
      key.slice(0, 40),
      value.length > 80 ? `${value.slice(0, 40)}… (${value.length} chars)` : value,
    ]),
  )

const actionRoutes = (
  await Promise.all(routeFiles().map(async (route) => ((await importRoute(route)).action ? route : null)))
).filter((route): route is string => route !== null)

describe('hostile input to every route action', () => {
  let handle: DatabaseHandle
  let world: TargetWorld
  const roles: Who[] = ['coordinator', 'partner_editor']

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    world = await makeActionTargets(handle.db)
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle?.close()
  })

  it('has a target for every route action', () => {
    const targeted = new Set(world.targets.map((target) => target.route))
    expect(actionRoutes.filter((route) => !targeted.has(route))).toEqual([])
  })

  for (const route of actionRoutes) {
    for (const who of roles) {
      it(`${route} as ${who}`, async () => {
        const target = world.targets.find((candidate) => candidate.route === route)
        expect(target, `no target for ${route}`).toBeDefined()
        const { action } = await importRoute(route)
        const db = handle.db
        const userId = world.userIds.get(who)!
        let run = 0
        await fc.assert(
          fc.asyncProperty(hostileBody(target!, [...world.ids, world.own]), async (pairs) => {
            run++
            const cookie = target!.ownSession ? (await signedIn(db, userId)).cookie : world.cookies.get(who)!
            const before = await fingerprint(db)
            const context = { clientIp: `10.1.${roles.indexOf(who)}.${run % 250}`, cspNonce: '', requestId: 'hostile' }
            let result: unknown
            try {
              result = await action!({ request: post(target!.url, pairs, cookie), params: target!.params, context })
            } catch (thrown) {
              if (!(thrown instanceof Response)) {
                throw new Error(
                  `${route} threw ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)} for ${summary(pairs)}`,
                )
              }
              result = thrown
            }
            let status = 200
            let messages: string[] = []
            if (result instanceof Response) {
              status = result.status
              if (status >= 400) messages = [await result.text()]
            } else {
              const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } | null }
              const body = wrapped?.type === 'DataWithResponseInit' ? wrapped.data : result
              status = wrapped?.type === 'DataWithResponseInit' ? (wrapped.init?.status ?? 200) : 200
              if (status >= 400) messages = messagesOf(body)
            }
            expect(status, `${route} answered ${status} for ${summary(pairs)}`).toBeLessThan(500)
            if (status >= 400) {
              expect(
                messages.filter(notSwedish),
                `${route} answered ${status} in English for ${summary(pairs)}`,
              ).toEqual([])
              expect(await fingerprint(db), `${route} refused (${status}) but wrote for ${summary(pairs)}`).toEqual(
                before,
              )
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        )
      }, 120_000)
    }
  }
})

describe('stored markup is shown as text', () => {
  const db = useTestDatabase()
  const script = '<script>alert(1)</script>'
  const image = '"><img src=x onerror=alert(1)>'

  function expectEscaped(html: string) {
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x onerror')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  }

  it('in an organisation name and description, and a contact route label', async () => {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda Energi' })
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: organisation.id })
    const { cookie } = await signedIn(db(), coordinator.id)
    const params = { id: organisation.id }
    const edited = await callRoute(
      editOrganisation.action,
      postForm(
        `/organisationer/${organisation.id}/redigera`,
        { name: script, kind: 'company', description: image, version: '1' },
        cookie,
      ),
      params,
    )
    expect(edited.status).toBe(302)
    const created = await callRoute(
      newContactRoute.action,
      postForm(
        `/organisationer/${organisation.id}/kontaktvagar/ny`,
        {
          function: 'isk',
          channel: 'mobile',
          value: '070-174 06 77',
          label: `${script}${image}`,
          availability: 'always',
          callOrder: '1',
          visibility: 'network',
        },
        cookie,
      ),
      params,
    )
    expect(created.status).toBe(302)
    const [route] = await db().select().from(contactRoutes)
    expect(route!.label).toBe(`${script}${image}`)
    const page = await callRoute(
      organisationPage.loader,
      getRequest(`/organisationer/${organisation.id}`, cookie),
      params,
    )
    expect(page.status).toBe(200)
    // The name is the heading, which the organisation's layout draws.
    const header = await callRoute(
      organisationLayout.loader,
      getRequest(`/organisationer/${organisation.id}`, cookie),
      params,
    )
    expect(header.status).toBe(200)
    const html = await renderRoute(organisationPage.default, {
      loaderData: page.body,
      handle: organisationPage.handle,
      layout: { Layout: organisationLayout.default, loaderData: header.body },
    })
    expectEscaped(html)
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>')
  })

  it('in a meeting title and description', async () => {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: organisation.id })
    const { cookie } = await signedIn(db(), coordinator.id)
    const convened = await callRoute(
      newMeeting.action,
      postForm(
        '/moten/ny',
        {
          kind: 'network_meeting',
          title: script,
          theme: '',
          description: image,
          agenda: '',
          date: '2027-01-14',
          startTime: '09:00',
          endDate: '',
          endTime: '12:00',
          place: 'Kommunhuset',
          videoLink: '',
          networkId: '',
          organisations: [organisation.id],
          people: [],
          scenarioId: '',
        },
        cookie,
      ),
    )
    expect(convened.status, JSON.stringify(convened.body)).toBe(302)
    const id = /^\/moten\/([0-9a-f-]{36})/.exec(convened.location!)![1]!
    const page = await callRoute(meetingPage.loader, getRequest(`/moten/${id}`, cookie), { id })
    expect(page.status).toBe(200)
    // The title is the heading, which the meeting's layout draws.
    const header = await callRoute(meetingLayout.loader, getRequest(`/moten/${id}`, cookie), { id })
    expect(header.status).toBe(200)
    expectEscaped(
      await renderRoute(meetingPage.default, {
        loaderData: page.body,
        handle: meetingPage.handle,
        layout: { Layout: meetingLayout.default, loaderData: header.body },
      }),
    )
  })

  it('in a council report description', async () => {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const council = await makeCouncil(db(), { organisationIds: [organisation.id] })
    const member = await makeUser(db(), { role: 'council_member', organisationId: organisation.id })
    await grantCouncil(db(), { councilId: council.id, userId: member.id })
    const { cookie } = await signedIn(db(), member.id)
    const [category] = await db()
      .select()
      .from(councilCategories)
      .where(sql`${councilCategories.councilId} = ${council.id}`)
    const { date, time } = instantToStockholm(new Date(Date.now() - 3_600_000))
    const params = { id: council.id }
    const filed = await callRoute(
      fileReport.action,
      postForm(
        `/trygghet/${council.id}/rapportera`,
        {
          organisationId: organisation.id,
          categoryId: category!.id,
          locationKind: 'pin',
          lat: '58,0345',
          lng: '12.8070',
          areaId: '',
          observedDate: date,
          observedTime: time,
          description: `${script} ${image}`,
          clientKey: '',
        },
        cookie,
      ),
      params,
    )
    expect(filed.status, JSON.stringify(filed.body)).toBe(302)
    const [report] = await db().select().from(councilReports)
    const reportParams = { id: council.id, reportId: report!.id }
    const page = await callRoute(
      reportPage.loader,
      getRequest(`/trygghet/${council.id}/rapporter/${report!.id}`, cookie),
      reportParams,
    )
    expect(page.status).toBe(200)
    expectEscaped(await renderRoute(reportPage.default, { loaderData: page.body }))
  })
})
