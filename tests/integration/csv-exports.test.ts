import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import { councilCategories } from '../../app/db/schema/council'
import { createScenario } from '../../app/modules/scenarios/scenarios.server'
import * as importTemplate from '../../app/routes/admin+/import_.mall'
import * as directoryCsv from '../../app/routes/katalog+/export[.csv]'
import * as eventLogCsv from '../../app/routes/handelser+/$id.logg[.csv]'
import { appendLogEntry } from '../../app/modules/events/event-log-append.server'
import { makeEvent } from '../support/event-factories'
import * as scenarioCsv from '../../app/routes/scenarier+/$id_.export[.csv]'
import * as councilTemplate from '../../app/routes/trygghet+/$id.kallor_.mall'
import * as grantCsv from '../../app/routes/mandatperiod+/$id.ersattning.$year[.csv]'
import { grantEntries } from '../../app/db/schema/mandate'
import { meetingOrganisations } from '../../app/db/schema/meetings'
import { createPeriod } from '../../app/modules/mandate/periods.server'
import { routeFiles, routeSource } from '../support/action-targets'
import {
  getRequest,
  grantCouncil,
  makeContactRoute,
  makeCouncil,
  makeCouncilArea,
  makeDependency,
  makeMeeting,
  makeOrganisation,
  makeService,
  makeUser,
  signedIn,
} from '../support/factories'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

/**
 * Every CSV the portal serves, fetched with hostile names stored in the data
 * it exports: no cell may reach a spreadsheet as a formula (issue 14, item 8).
 * A route file that serves CSV without a case here fails the test.
 */
const HOSTILE = '=HYPERLINK("http://x","y")'
// Behind leading whitespace, which spreadsheets skip before they look for a formula.
const HOSTILE_INDENTED = " \u00a0-2+3+cmd|' /C calc'!A0"
const HOSTILE_AT = '@SUM(1+1)*cmd|x'

interface CsvCase {
  /** The URL fetched, the route's params and the cookie of someone who may read it; made fresh for each test. */
  setup: (db: Database) => Promise<{ url: string; params: Record<string, string>; cookie: string }>
  /** The hostile values the file must hold, guarded; empty for a file without stored data. */
  planted: string[]
}

const cases: Record<string, { loader: unknown; variants: CsvCase[] }> = {
  'admin.import_.mall': {
    loader: importTemplate.loader,
    // The organisations' import template is fixed text: no stored data reaches it.
    variants: [
      {
        planted: [],
        setup: async (db) => {
          const coordinator = await makeUser(db, { role: 'coordinator' })
          return { url: '/admin/import/mall', params: {}, cookie: (await signedIn(db, coordinator.id)).cookie }
        },
      },
    ],
  },
  'katalog.export[.csv]': {
    loader: directoryCsv.loader,
    variants: [
      {
        planted: [HOSTILE, HOSTILE_INDENTED, HOSTILE_AT],
        setup: async (db) => {
          const organisation = await makeOrganisation(db, { name: HOSTILE })
          await makeContactRoute(db, { organisationId: organisation.id, value: HOSTILE_AT, label: HOSTILE_INDENTED })
          const reader = await makeUser(db, { role: 'viewer', organisationId: organisation.id })
          return { url: '/katalog/export.csv', params: {}, cookie: (await signedIn(db, reader.id)).cookie }
        },
      },
    ],
  },
  'handelser.$id.logg[.csv]': {
    loader: eventLogCsv.loader,
    variants: [
      {
        planted: [HOSTILE, HOSTILE_INDENTED, HOSTILE_AT],
        setup: async (db) => {
          const organisation = await makeOrganisation(db, { name: HOSTILE_AT })
          const event = await makeEvent(db, { title: HOSTILE_INDENTED, organisationIds: [organisation.id] })
          const editor = await makeUser(db, { role: 'partner_editor', organisationId: organisation.id })
          await db.transaction((tx) =>
            appendLogEntry(tx, {
              eventId: event.id,
              kind: 'observation',
              text: HOSTILE,
              organisationId: organisation.id,
              authorId: editor.id,
              authorName: HOSTILE_AT,
            }),
          )
          return {
            url: `/handelser/${event.id}/logg.csv`,
            params: { id: event.id },
            cookie: (await signedIn(db, editor.id)).cookie,
          }
        },
      },
    ],
  },
  'scenarier.$id_.export[.csv]': {
    loader: scenarioCsv.loader,
    variants: [
      {
        planted: [HOSTILE, HOSTILE_INDENTED],
        setup: async (db) => {
          const organisation = await makeOrganisation(db, { name: HOSTILE_INDENTED })
          const service = await makeService(db, { organisationId: organisation.id, name: HOSTILE, peopleServed: 12 })
          await makeDependency(db, { serviceId: service.id, copesHours: 0 })
          const editor = await makeUser(db, { role: 'partner_editor', organisationId: organisation.id })
          const scenario = await createScenario(db, {
            actorId: editor.id,
            organisationId: organisation.id,
            name: HOSTILE,
            description: HOSTILE,
            state: 'draft',
            definition: {
              failures: [
                {
                  target: { resource: 'electricity' },
                  scope: { kind: 'everywhere' },
                  startHour: 0,
                  durationHours: null,
                },
              ],
              horizonHours: 24,
              restartHours: 0,
            },
          })
          return {
            url: `/scenarier/${scenario.id}/export.csv`,
            params: { id: scenario.id },
            cookie: (await signedIn(db, editor.id)).cookie,
          }
        },
      },
    ],
  },
  'mandatperiod.$id.ersattning.$year[.csv]': {
    loader: grantCsv.loader,
    variants: [
      {
        planted: [HOSTILE, HOSTILE_INDENTED, HOSTILE_AT],
        setup: async (db) => {
          const municipality = await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })
          const partner = await makeOrganisation(db, { name: HOSTILE_INDENTED })
          const coordinator = await makeUser(db, { role: 'coordinator', organisationId: municipality.id })
          const created = await createPeriod(db, {
            title: 'Mandatperiod 2027–2030',
            startYear: 2027,
            endYear: 2030,
            organisationId: municipality.id,
            actorId: coordinator.id,
            actorOrganisationId: municipality.id,
          })
          if (!created.ok) throw new Error('no period')
          const startsAt = new Date('2027-03-15T08:00:00Z')
          const themeDay = await makeMeeting(db, {
            organiserOrganisationId: municipality.id,
            invitedOrganisationIds: [partner.id],
            kind: 'theme_day',
            // Listed as "Temadag: …", so it does not start the cell; the partner's name in "deltagare" does.
            title: HOSTILE,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 6 * 3_600_000),
          })
          await db
            .update(meetingOrganisations)
            .set({ answer: 'attending' })
            .where(eq(meetingOrganisations.meetingId, themeDay.id))
          await db.insert(grantEntries).values(
            [HOSTILE, HOSTILE_AT].map((title) => ({
              periodId: created.period.id,
              year: 2027,
              category: 'training' as const,
              title,
              hours: '2.5',
              cost: 12_500,
            })),
          )
          return {
            url: `/mandatperiod/${created.period.id}/ersattning/2027.csv`,
            params: { id: created.period.id, year: '2027' },
            cookie: (await signedIn(db, coordinator.id)).cookie,
          }
        },
      },
    ],
  },
  'trygghet.$id.kallor_.mall': {
    loader: councilTemplate.loader,
    variants: ['', '?fil=trygghetsmatning'].map((query) => ({
      planted: query ? [HOSTILE_INDENTED] : [HOSTILE, HOSTILE_AT, HOSTILE_INDENTED],
      setup: async (db: Database) => {
        const organisation = await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })
        const council = await makeCouncil(db, { organisationIds: [organisation.id] })
        const categories = await db
          .select({ id: councilCategories.id })
          .from(councilCategories)
          .where(eq(councilCategories.councilId, council.id))
          .orderBy(councilCategories.position)
        await db.update(councilCategories).set({ name: HOSTILE }).where(eq(councilCategories.id, categories[0]!.id))
        await db.update(councilCategories).set({ name: HOSTILE_AT }).where(eq(councilCategories.id, categories[1]!.id))
        await makeCouncilArea(db, { councilId: council.id, name: HOSTILE_INDENTED })
        const member = await makeUser(db, { role: 'council_member', organisationId: organisation.id })
        await grantCouncil(db, { councilId: council.id, userId: member.id })
        return {
          url: `/trygghet/${council.id}/kallor/mall${query}`,
          params: { id: council.id },
          cookie: (await signedIn(db, member.id)).cookie,
        }
      },
    })),
  },
}

/** A route serves CSV when its file name says so or it answers with a text/csv Content-Type. */
function csvRoutes(): string[] {
  return routeFiles().filter((route) => /\.csv\]|mall$/.test(route) || /text\/csv/.test(routeSource(route)))
}

/** The cells as a spreadsheet gets them, each marked whether it was written as a bare (unquoted) number. */
function cellsOf(text: string): { value: string; bareNumber: boolean }[] {
  const rows = parse(text, {
    delimiter: ';',
    bom: true,
    relax_quotes: false,
    // The event log's file starts with a few lines naming the event (and ÖVNING) before its table.
    relax_column_count: true,
    cast: (value, context) => ({ value, bareNumber: !context.quoting && /^-?\d+(?:[.,]\d+)?$/.test(value) }),
  }) as unknown as { value: string; bareNumber: boolean }[][]
  return rows.flat()
}

const FORMULA_START = /^[\s\p{Cc}\p{Cf}]*[=+\-@]/u

describe('every CSV the portal writes', () => {
  const db = useTestDatabase()

  it('has a case here for every route that serves CSV', () => {
    const found = csvRoutes()
    expect(found.length).toBeGreaterThanOrEqual(4)
    expect(found.filter((route) => !(route in cases))).toEqual([])
    expect(Object.keys(cases).filter((route) => !found.includes(route))).toEqual([])
  })

  for (const [route, { loader, variants }] of Object.entries(cases)) {
    variants.forEach((variant, index) => {
      it(`guards every cell of ${route} (${index + 1}) against formulas`, async () => {
        const { url, params, cookie } = await variant.setup(db())
        const result = await callRoute(loader, getRequest(url, cookie), params)
        expect(result.status).toBe(200)
        expect(result.response!.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
        const text = await result.response!.text()
        const cells = cellsOf(text)
        const dangerous = cells.filter(
          (cell) => !cell.bareNumber && (FORMULA_START.test(cell.value) || /^[\t\r]/.test(cell.value)),
        )
        expect(dangerous.map((cell) => cell.value)).toEqual([])
        for (const value of variant.planted) expect(cells.map((cell) => cell.value)).toContain(`'${value}`)
      })
    })
  }
})
