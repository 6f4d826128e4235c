import ICAL from 'ical.js'
import { and, asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { outbox } from '../../app/db/schema/mail'
import { meetingOrganisations, meetings } from '../../app/db/schema/meetings'
import { memberships, users } from '../../app/db/schema/users'
import { setUserActive } from '../../app/modules/accounts/users.server'
import * as calendarFeed from '../../app/routes/kalender.$token'
import * as meetingList from '../../app/routes/moten+/_index'
import * as editMeeting from '../../app/routes/moten+/$id.redigera'
import * as newMeeting from '../../app/routes/moten+/ny'
import * as answerByLink from '../../app/routes/moten+/svar.$token'
import { getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// The answer link of an invitation and the calendar feed carry a secret
// instead of a session. Both are checked against today's access each time
// they are used: a deactivated user, a membership that ended or an
// organisation no longer invited closes them, and an answer link closes when
// the meeting has ended.

const DAY = 86_400_000

/** A date a month ahead, as the meeting form takes it. */
const aMonthAhead = () => new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10)

describe('secret meeting links end with the access they stand for', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let energy: { id: string }
  let housing: { id: string }
  let coordinator: { id: string; cookie: string }
  let energyEditor: { id: string; cookie: string }

  const person = async (role: 'coordinator' | 'partner_editor' | 'viewer', organisationId: string, email: string) => {
    const made = await makeUser(db(), { role, organisationId, email })
    return { id: made.id, cookie: (await signedIn(db(), made.id)).cookie }
  }

  const meetingForm = (organisationIds: string[], title = 'Nätverksmöte om reservkraft') => ({
    kind: 'network_meeting',
    title,
    theme: '',
    description: '',
    agenda: '',
    date: aMonthAhead(),
    startTime: '09:00',
    endDate: '',
    endTime: '12:00',
    place: 'Kommunhuset',
    videoLink: '',
    networkId: '',
    organisations: organisationIds,
    people: [],
    scenarioId: '',
  })

  const convene = async (organisationIds: string[], title?: string) => {
    const result = await callRoute(
      newMeeting.action,
      postForm('/moten/ny', meetingForm(organisationIds, title), coordinator.cookie),
    )
    expect(result.status).toBe(302)
    return /^\/moten\/([0-9a-f-]{36})$/.exec(result.location!)![1]!
  }

  const answerLinkOf = async (email: string) => {
    const [mail] = await db().select().from(outbox).where(eq(outbox.to, email)).orderBy(asc(outbox.createdAt))
    // Whatever origin the portal mails (PUBLIC_URL), the secret is the last segment.
    return /\/moten\/svar\/([a-z2-7]+)/.exec(mail!.text)![1]!
  }

  const open = (token: string) =>
    callRoute<{ found: unknown }>(answerByLink.loader, getRequest(`/moten/svar/${token}`), { token })
  const answer = (token: string) =>
    callRoute<{ saved: boolean }>(
      answerByLink.action,
      postForm(`/moten/svar/${token}`, { answer: 'attending', attendees: 'Per Holm' }),
      { token },
    )
  const answerOf = async (meetingId: string, organisationId: string) =>
    (
      await db()
        .select({ answer: meetingOrganisations.answer })
        .from(meetingOrganisations)
        .where(
          and(eq(meetingOrganisations.meetingId, meetingId), eq(meetingOrganisations.organisationId, organisationId)),
        )
    )[0]?.answer

  /** The link is closed: the calm page with no meeting, a 404 for an answer, and nothing changed. */
  const expectClosed = async (token: string, meetingId: string, organisationId: string) => {
    const shown = await open(token)
    expect(shown.status).toBe(404)
    expect(shown.body).toEqual({ found: null })
    expect((await answer(token)).status).toBe(404)
    expect(await answerOf(meetingId, organisationId)).toBe('pending')
  }

  const feedOf = async (cookie: string) => {
    const created = await callRoute<{ feedUrl: string }>(
      meetingList.action,
      postForm('/moten', { intent: 'calendarFeed' }, cookie),
    )
    return created.body!.feedUrl.split('/kalender/')[1]!
  }
  const feed = (token: string) => callRoute(calendarFeed.loader, getRequest(`/kalender/${token}`), { token })
  const feedTitles = async (token: string) => {
    const result = await feed(token)
    expect(result.status).toBe(200)
    const calendar = new ICAL.Component(ICAL.parse(await result.response!.text()))
    return calendar
      .getAllSubcomponents('vevent')
      .map((event) => event.getFirstPropertyValue('summary'))
      .sort()
  }

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    energy = await makeOrganisation(db(), { name: 'Vårgårda Energi', kind: 'energy' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder', kind: 'municipal_company' })
    coordinator = await person('coordinator', municipality.id, 'karin@vargarda.example')
    energyEditor = await person('partner_editor', energy.id, 'per@energi.example')
    await person('partner_editor', housing.id, 'lena@bostader.example')
  })

  describe('the answer link', () => {
    it('works for the invited person until the meeting has ended', async () => {
      const id = await convene([energy.id])
      const token = await answerLinkOf('per@energi.example')
      expect((await open(token)).status).toBe(200)
      // The meeting has begun and not yet ended: a late answer still counts.
      await db()
        .update(meetings)
        .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
        .where(eq(meetings.id, id))
      expect((await answer(token)).body).toEqual({ saved: true, error: null })
      expect(await answerOf(id, energy.id)).toBe('attending')
    })

    it('closes when the meeting has ended', async () => {
      const id = await convene([energy.id])
      const token = await answerLinkOf('per@energi.example')
      await db()
        .update(meetings)
        .set({ startsAt: new Date(Date.now() - 3 * 3_600_000), endsAt: new Date(Date.now() - 60_000) })
        .where(eq(meetings.id, id))
      await expectClosed(token, id, energy.id)
    })

    it('closes when the person it was sent to is deactivated', async () => {
      const id = await convene([energy.id])
      const token = await answerLinkOf('per@energi.example')
      const [row] = await db().select().from(users).where(eq(users.id, energyEditor.id))
      expect(
        await setUserActive(db(), {
          actorId: coordinator.id,
          userId: energyEditor.id,
          active: false,
          version: row!.version,
        }),
      ).toEqual({ ok: true })
      await expectClosed(token, id, energy.id)
    })

    it("closes when the person's membership of the invited organisation has ended, by whatever path", async () => {
      const id = await convene([energy.id])
      const token = await answerLinkOf('per@energi.example')
      await db().delete(memberships).where(eq(memberships.userId, energyEditor.id))
      // Still a user, now of an organisation that is not invited.
      await db()
        .insert(memberships)
        .values({ userId: energyEditor.id, organisationId: housing.id, role: 'partner_editor' })
      await expectClosed(token, id, energy.id)
    })

    it('closes when the person is now only an informant of the organisation, who is never invited', async () => {
      const id = await convene([energy.id])
      const token = await answerLinkOf('per@energi.example')
      await db().update(memberships).set({ role: 'informant' }).where(eq(memberships.userId, energyEditor.id))
      await expectClosed(token, id, energy.id)
    })

    it('closes when the organisation is no longer invited', async () => {
      const id = await convene([energy.id, housing.id])
      const token = await answerLinkOf('per@energi.example')
      const edited = await callRoute(
        editMeeting.action,
        postForm(
          `/moten/${id}/redigera`,
          { intent: 'save', version: '1', ...meetingForm([housing.id]) },
          coordinator.cookie,
        ),
        { id },
      )
      expect(edited.status).toBe(302)
      const shown = await open(token)
      expect(shown.status).toBe(404)
      expect((await answer(token)).status).toBe(404)
      // The organisation still invited answers as before.
      expect((await answer(await answerLinkOf('lena@bostader.example'))).body).toEqual({ saved: true, error: null })
    })
  })

  describe('the calendar feed', () => {
    it('ends (404) when its user is deactivated', async () => {
      await convene([energy.id])
      const token = await feedOf(energyEditor.cookie)
      expect(await feedTitles(token)).toEqual(['Nätverksmöte om reservkraft'])
      const [row] = await db().select().from(users).where(eq(users.id, energyEditor.id))
      await setUserActive(db(), {
        actorId: coordinator.id,
        userId: energyEditor.id,
        active: false,
        version: row!.version,
      })
      expect((await feed(token)).status).toBe(404)
    })

    it('ends (404) when its user has no membership left that reads meetings', async () => {
      await convene([energy.id])
      const token = await feedOf(energyEditor.cookie)
      expect((await feed(token)).status).toBe(200)
      await db().update(memberships).set({ role: 'informant' }).where(eq(memberships.userId, energyEditor.id))
      expect((await feed(token)).status).toBe(404)
      await db().delete(memberships).where(eq(memberships.userId, energyEditor.id))
      expect((await feed(token)).status).toBe(404)
    })

    it('drops the meetings of a membership that ended, keeping those of the one left', async () => {
      await convene([energy.id], 'Energimöte')
      await convene([housing.id], 'Bostadsmöte')
      await db().insert(memberships).values({ userId: energyEditor.id, organisationId: housing.id, role: 'viewer' })
      const token = await feedOf(energyEditor.cookie)
      expect(await feedTitles(token)).toEqual(['Bostadsmöte', 'Energimöte'])
      await db()
        .delete(memberships)
        .where(and(eq(memberships.userId, energyEditor.id), eq(memberships.organisationId, energy.id)))
      expect(await feedTitles(token)).toEqual(['Bostadsmöte'])
    })
  })
})
