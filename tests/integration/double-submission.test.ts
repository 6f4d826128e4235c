import { count, eq, sql, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  councilAreas,
  councilCategories,
  councilMeasureFollowUps,
  councilMeasures,
  councils,
  situationPictures,
} from '../../app/db/schema/council'
import { formSubmissions } from '../../app/db/schema/forms'
import { actionItems, meetingAttendance, meetingDocuments, meetings } from '../../app/db/schema/meetings'
import { organisations } from '../../app/db/schema/organisations'
import { contactChecks, contactRoutes, criticalServices, networks, sites } from '../../app/db/schema/registry'
import { rsaAnalyses, rsaMeasures } from '../../app/db/schema/rsa'
import { createAnalysis } from '../../app/modules/rsa/analyses.server'
import { scenarios } from '../../app/db/schema/scenarios'
import { SUBMISSION_KEY_FIELD } from '../../app/modules/forms/submission-key'
import { purgeFormSubmissions } from '../../app/modules/forms/submit-once.server'
import * as actionItemsPage from '../../app/routes/moten+/$id.atgarder'
import * as documentsPage from '../../app/routes/moten+/$id.dokument'
import * as minutesPage from '../../app/routes/moten+/$id.protokoll'
import * as newMeeting from '../../app/routes/moten+/ny'
import * as networksPage from '../../app/routes/natverk+/_index'
import * as contactCheckPage from '../../app/routes/organisationer+/$id.kontaktvagar.$routeId_.provsamtal'
import * as newContactRoute from '../../app/routes/organisationer+/$id.kontaktvagar.ny'
import * as newSite from '../../app/routes/organisationer+/$id.platser.ny'
import * as newService from '../../app/routes/organisationer+/$id.verksamheter.ny'
import * as newOrganisation from '../../app/routes/organisationer+/ny'
import * as planPage from '../../app/routes/rsa+/$id.atgarder'
import * as newAnalysis from '../../app/routes/rsa+/ny'
import * as newScenario from '../../app/routes/scenarier+/ny'
import * as measuresPage from '../../app/routes/trygghet+/$id.insatser'
import * as measurePage from '../../app/routes/trygghet+/$id.insatser_.$measureId'
import * as categoriesPage from '../../app/routes/trygghet+/$id.kategorier'
import * as areasPage from '../../app/routes/trygghet+/$id.omraden'
import * as picturesPage from '../../app/routes/trygghet+/$id.lagesbilder'
import * as councilsPage from '../../app/routes/trygghet+/_index'
import {
  getRequest,
  makeContactRoute,
  makeCouncil,
  makeMeeting,
  makeOrganisation,
  makeUser,
  signedIn,
} from '../support/factories'
import { samples } from '../support/meeting-files'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

/** A multipart upload as a browser sends it. */
function multipart(
  url: string,
  fields: Record<string, string | string[]>,
  file: { name: string; bytes: Uint8Array },
  cookie: string,
): Request {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item)
  body.append('file', new File([Buffer.from(file.bytes)], file.name, { type: 'application/pdf' }))
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost', Cookie: cookie },
  })
}

interface CreateForm {
  name: string
  route: { loader: unknown; action: unknown }
  url: string
  params: Record<string, string>
  cookie: string
  fields: Record<string, string | string[]>
  /** Counts the records this form creates. */
  table: PgTable
  where: SQL
  /** A meeting's first answer also tells how many invitations went out; a repeat only that the meeting is saved. */
  samePage?: boolean
  /** Sent as multipart/form-data, with this file. */
  file?: { name: string; bytes: Uint8Array }
  /** A second record with the same fields is refused anyway (a unique name). */
  unique?: boolean
}

describe('a create form posted twice creates one record', () => {
  const db = useTestDatabase()
  let forms: CreateForm[]
  let coordinator: { id: string; cookie: string }

  beforeEach(async () => {
    const municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    const made = await makeUser(db(), { role: 'coordinator', organisationId: municipality.id })
    coordinator = { id: made.id, cookie: (await signedIn(db(), made.id)).cookie }
    const member = await makeUser(db(), { role: 'council_member', organisationId: municipality.id })
    const memberCookie = (await signedIn(db(), member.id)).cookie
    const council = await makeCouncil(db(), {
      organisationIds: [municipality.id, housing.id],
      members: [{ userId: member.id, role: 'member' }],
    })
    const [freeNetwork] = await db().insert(networks).values({ name: 'Posom Vårgårda' }).returning()
    const meeting = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [municipality.id, housing.id],
    })
    const org = `/organisationer/${housing.id}`
    const analysis = await createAnalysis(db(), {
      actorId: coordinator.id,
      organisationId: municipality.id,
      title: 'RSA som redan finns',
      periodStart: 2027,
      periodEnd: 2030,
      organisationIds: [housing.id],
      networkId: null,
    })
    const route = await makeContactRoute(db(), { organisationId: housing.id })
    const [measure] = await db()
      .insert(councilMeasures)
      .values({
        councilId: council.id,
        title: 'Trygghetsvandring',
        kind: 'social',
        measureType: 'other',
        place: 'Centrum',
        responsibleOrganisationId: municipality.id,
        startDate: '2026-03-01',
        followUpDate: '2026-09-01',
      })
      .returning()
    const cookie = coordinator.cookie
    forms = [
      {
        name: 'organisation',
        route: newOrganisation,
        url: '/organisationer/ny',
        params: {},
        cookie,
        fields: { name: 'Vårgårda Vatten AB', kind: 'water', description: '' },
        table: organisations,
        where: eq(organisations.name, 'Vårgårda Vatten AB'),
      },
      {
        name: 'site',
        route: newSite,
        url: `${org}/platser/ny`,
        params: { id: housing.id },
        cookie,
        fields: { name: 'Fjärrvärmeverket', kind: 'plant', coordinateSystem: 'wgs84', lat: '58,0288', lng: '12,7948' },
        table: sites,
        where: eq(sites.name, 'Fjärrvärmeverket'),
      },
      {
        name: 'service',
        route: newService,
        url: `${org}/verksamheter/ny`,
        params: { id: housing.id },
        cookie,
        fields: { name: 'Fjärrvärmeproduktion', sector: 'energy', acceptableOutageHours: '12', styrelClass: '2' },
        table: criticalServices,
        where: eq(criticalServices.name, 'Fjärrvärmeproduktion'),
      },
      {
        name: 'contact route',
        route: newContactRoute,
        url: `${org}/kontaktvagar/ny`,
        params: { id: housing.id },
        cookie,
        fields: {
          function: 'isk',
          channel: 'mobile',
          value: '070-174 06 77',
          label: 'Jourhavande chef',
          availability: 'always',
          callOrder: '1',
          visibility: 'network',
        },
        table: contactRoutes,
        where: eq(contactRoutes.label, 'Jourhavande chef'),
      },
      {
        name: 'network',
        route: networksPage,
        url: '/natverk',
        params: {},
        cookie,
        fields: { name: 'Krisstöd Vårgårda', description: '' },
        table: networks,
        where: eq(networks.name, 'Krisstöd Vårgårda'),
      },
      {
        name: 'meeting',
        route: newMeeting,
        url: '/moten/ny',
        params: {},
        cookie,
        fields: {
          kind: 'network_meeting',
          title: 'Nätverksmöte i januari',
          date: '2027-01-14',
          startTime: '09:00',
          endDate: '',
          endTime: '12:00',
          place: 'Kommunhuset',
          networkId: '',
          organisations: [housing.id],
        },
        table: meetings,
        where: eq(meetings.title, 'Nätverksmöte i januari'),
        samePage: true,
      },
      {
        name: 'action item',
        route: actionItemsPage,
        url: `/moten/${meeting.id}/atgarder`,
        params: { id: meeting.id },
        cookie,
        fields: { intent: 'create', title: 'Uppdatera reservkraftsplanen', ownerOrganisationId: housing.id },
        table: actionItems,
        where: eq(actionItems.title, 'Uppdatera reservkraftsplanen'),
      },
      {
        name: 'scenario',
        route: newScenario,
        url: '/scenarier/ny',
        params: {},
        cookie,
        fields: {
          name: 'Elavbrott i hela kommunen',
          horizon: '72',
          restart: '0',
          rows: '1',
          'f0.target': 'resource:electricity',
          'f0.scope': 'everywhere',
          'f0.start': '0',
          'f0.duration': '',
        },
        table: scenarios,
        where: eq(scenarios.name, 'Elavbrott i hela kommunen'),
      },
      {
        name: 'risk and vulnerability analysis',
        route: newAnalysis,
        url: '/rsa/ny',
        params: {},
        cookie,
        fields: { title: 'RSA 2027–2030', periodStart: '2027', periodEnd: '2030', organisationIds: [housing.id] },
        table: rsaAnalyses,
        where: eq(rsaAnalyses.title, 'RSA 2027–2030'),
      },
      {
        name: 'council',
        route: councilsPage,
        url: '/trygghet',
        params: {},
        cookie,
        fields: { name: 'Lokalt BRÅ Posom', networkId: freeNetwork!.id },
        table: councils,
        where: eq(councils.name, 'Lokalt BRÅ Posom'),
        unique: true,
      },
      {
        name: 'contact check',
        route: contactCheckPage,
        url: `${org}/kontaktvagar/${route.id}/provsamtal`,
        params: { id: housing.id, routeId: route.id },
        cookie,
        fields: { reached: 'no', note: 'Ingen svarade i växeln' },
        table: contactChecks,
        where: eq(contactChecks.note, 'Ingen svarade i växeln'),
      },
      {
        name: 'attendance',
        route: minutesPage,
        url: `/moten/${meeting.id}/protokoll`,
        params: { id: meeting.id },
        cookie,
        fields: { intent: 'addAttendance', name: 'Per Holm', organisationId: housing.id },
        table: meetingAttendance,
        where: eq(meetingAttendance.name, 'Per Holm'),
      },
      {
        name: 'meeting document',
        route: documentsPage,
        url: `/moten/${meeting.id}/dokument`,
        params: { id: meeting.id },
        cookie,
        fields: { intent: 'upload' },
        file: { name: 'protokoll.pdf', bytes: samples.pdf },
        table: meetingDocuments,
        where: eq(meetingDocuments.filename, 'protokoll.pdf'),
      },
      {
        name: 'council category',
        route: categoriesPage,
        url: `/trygghet/${council.id}/kategorier`,
        params: { id: council.id },
        cookie: memberCookie,
        fields: { intent: 'add', name: 'Klotter vid stationen' },
        table: councilCategories,
        where: eq(councilCategories.name, 'Klotter vid stationen'),
        unique: true,
      },
      {
        name: 'council area',
        route: areasPage,
        url: `/trygghet/${council.id}/omraden`,
        params: { id: council.id },
        cookie: memberCookie,
        fields: { intent: 'create', name: 'Tätorten', corners: '58.00 12.70\n58.10 12.70\n58.10 12.90\n58.00 12.90' },
        table: councilAreas,
        where: eq(councilAreas.name, 'Tätorten'),
        unique: true,
      },
      {
        name: 'RSA measure',
        route: planPage,
        url: `/rsa/${analysis.id}/atgarder`,
        params: { id: analysis.id },
        cookie,
        fields: {
          intent: 'measure',
          title: 'Reservkraft till trygghetsboendet',
          ownerOrganisationId: housing.id,
          dueDate: '2028-06-30',
          state: 'planned',
        },
        table: rsaMeasures,
        where: eq(rsaMeasures.title, 'Reservkraft till trygghetsboendet'),
      },
      {
        name: 'measure follow-up',
        route: measurePage,
        url: `/trygghet/${council.id}/insatser/${measure!.id}`,
        params: { id: council.id, measureId: measure!.id },
        cookie: memberCookie,
        fields: { intent: 'followUp', followedUpOn: '2026-11-01', assessment: 'partly', note: 'Fler vandrare behövs' },
        table: councilMeasureFollowUps,
        where: eq(councilMeasureFollowUps.note, 'Fler vandrare behövs'),
      },
      {
        name: 'council measure',
        route: measuresPage,
        url: `/trygghet/${council.id}/insatser`,
        params: { id: council.id },
        cookie: memberCookie,
        fields: {
          title: 'Bättre belysning vid gångtunneln',
          kind: 'situational',
          measureType: 'lighting',
          description: '',
          place: 'Gångtunneln under järnvägen',
          responsibleOrganisationId: municipality.id,
          startDate: '2026-04-01',
          followUpDate: '2026-10-01',
        },
        table: councilMeasures,
        where: eq(councilMeasures.title, 'Bättre belysning vid gångtunneln'),
      },
      {
        name: 'situation picture',
        route: picturesPage,
        url: `/trygghet/${council.id}/lagesbilder`,
        params: { id: council.id },
        cookie: memberCookie,
        fields: { title: 'Lägesbild hösten 2026', periodFrom: '2026-10-01', periodTo: '2026-11-30' },
        table: situationPictures,
        where: eq(situationPictures.title, 'Lägesbild hösten 2026'),
      },
    ]
  })

  /** Loads the form as the browser would, and returns the key it was rendered with. */
  async function renderedKey(form: CreateForm): Promise<string> {
    const loaded = await callRoute<{ submissionKey: string }>(
      form.route.loader,
      getRequest(form.url, form.cookie),
      form.params,
    )
    expect(loaded.status, form.name).toBe(200)
    return loaded.body!.submissionKey
  }

  const post = (form: CreateForm, key: string | null) => {
    const fields = key ? { ...form.fields, [SUBMISSION_KEY_FIELD]: key } : form.fields
    return callRoute<{ errors?: unknown }>(
      form.route.action,
      form.file ? multipart(form.url, fields, form.file, form.cookie) : postForm(form.url, fields, form.cookie),
      form.params,
    )
  }

  async function records(form: CreateForm): Promise<number> {
    const [row] = await db().select({ n: count() }).from(form.table).where(form.where)
    return row!.n
  }

  function expectSameAnswer(form: CreateForm, first: Awaited<ReturnType<typeof post>>, second: typeof first) {
    expect([first.status, second.status], `${form.name}: ${JSON.stringify(first.body ?? second.body)}`).toEqual([
      302, 302,
    ])
    if (form.samePage) {
      expect(new URL(second.location!, 'http://x').pathname, form.name).toBe(
        new URL(first.location!, 'http://x').pathname,
      )
      // Whichever post came second answers that the meeting is saved; the other how many were invited.
      expect([first.notice?.message, second.notice?.message].sort(), form.name).toEqual([
        'meeting.saved',
        'meeting.savedNoSend',
      ])
    } else {
      expect(second.location, form.name).toBe(first.location)
      expect(second.notice, form.name).toEqual(first.notice)
    }
  }

  it('one after the other: the second post answers with the first one’s redirect', async () => {
    for (const form of forms) {
      const key = await renderedKey(form)
      const first = await post(form, key)
      const second = await post(form, key)
      expectSameAnswer(form, first, second)
      expect(await records(form), form.name).toBe(1)
    }
  })

  it('at the same time: exactly one creates, both answer with the same redirect', async () => {
    for (const form of forms) {
      const key = await renderedKey(form)
      const [first, second] = await Promise.all([post(form, key), post(form, key)])
      expectSameAnswer(form, first, second)
      expect(await records(form), form.name).toBe(1)
      if (form.unique) continue
      // The form loaded anew gets a new key and creates again.
      const again = await post(form, await renderedKey(form))
      expect(again.status, form.name).toBe(302)
      expect(await records(form), form.name).toBe(2)
    }
  })

  it('a refused form stores no key, so the corrected form can be sent with it', async () => {
    const [form] = forms
    const key = await renderedKey(form!)
    const refused = await callRoute(
      form!.route.action,
      postForm(form!.url, { ...form!.fields, name: '', [SUBMISSION_KEY_FIELD]: key }, form!.cookie),
    )
    expect(refused.status).toBe(400)
    expect(await db().select().from(formSubmissions)).toEqual([])
    expect((await post(form!, key)).status).toBe(302)
    expect(await records(form!)).toBe(1)
  })

  it('a form without a key still creates (each post anew), and another user cannot use a key', async () => {
    const [form] = forms
    expect((await post(form!, null)).status).toBe(302)
    expect((await post(form!, null)).status).toBe(302)
    expect(await records(form!)).toBe(2)

    const key = await renderedKey(form!)
    expect((await post(form!, key)).status).toBe(302)
    const other = await makeUser(db(), { role: 'coordinator' })
    const stolen = await callRoute(
      form!.route.action,
      postForm(form!.url, { ...form!.fields, [SUBMISSION_KEY_FIELD]: key }, (await signedIn(db(), other.id)).cookie),
    )
    expect(stolen.status).toBe(409)
    expect(await records(form!)).toBe(3)
  })

  it('keys older than a day are purged', async () => {
    const [form] = forms
    await post(form!, await renderedKey(form!))
    await post(form!, await renderedKey(form!))
    await db()
      .update(formSubmissions)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(formSubmissions.key, (await db().select().from(formSubmissions))[0]!.key))
    expect(await purgeFormSubmissions(db())).toBe(1)
    expect(await db().select().from(formSubmissions)).toHaveLength(1)
  })
})
