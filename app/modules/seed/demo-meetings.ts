import { and, eq } from 'drizzle-orm'
import type { Transaction } from '~/db/client.server'
import { actionItems, meetingInvitees, meetingOrganisations, meetings } from '~/db/schema/meetings'
import { networks, networkMembers } from '~/db/schema/registry'
import { users } from '~/db/schema/users'
import { inviteesOf } from '~/modules/meetings/meetings.server'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'

// The demo's meetings, dated from the day the demo is loaded: the source
// document's last theme day (a large-scale power cut with disrupted drinking
// water) six weeks ago, with its minutes, evaluation and action items, and the
// next network meeting three weeks ahead. No invitation mail was sent for
// them; the meeting page offers to send it. And Sjuhärad's theme day five
// weeks ahead, invited and half answered: Borås and Herrljunga have said who
// comes, the municipalities reached only through their crisis mailbox have not.

const DAY_MS = 86_400_000

function stockholmDay(now: Date, days: number): string {
  const day = new Date(now.getTime() + days * DAY_MS)
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(day)
}

const minutes = `## Närvarande
Se närvarolistan.

## 1. Inledning
Säkerhetssamordnaren gick igenom scenariot: **elavbrott i hela kommunen i 72 timmar i januari**, med störd dricksvattenförsörjning från timme 6.

## 2. Scenariot timme för timme
- Avloppsreningen går på reservkraft i 12 timmar och klarar sig därefter 4 timmar.
- Fjärrvärmeverket har reservkraft för pumparna men inte för styrsystemet.
- Hemtjänsten behöver bränsle till bilarna efter ett dygn.

## 3. Behov och åtgärder
1. Vårgårda Bostäder inventerar reservkraft för värmepumparna i flerbostadshusen.
2. Solör Bioenergi övar manuell drift av fjärrvärmeverket.
3. Kommunen uppdaterar listan över prioriterade elanvändare (Styrel).`

export async function insertDemoMeetings(tx: Transaction, organisationIds: Map<string, string>, now = new Date()) {
  const [network] = await tx
    .select({ id: networks.id })
    .from(networks)
    .where(eq(networks.name, 'Geografiskt områdesansvar Vårgårda'))
  if (!network) return
  const members = (
    await tx.select({ id: networkMembers.organisationId }).from(networkMembers).where(eq(networkMembers.networkId, network.id))
  ).map((row) => row.id)
  const organiser = organisationIds.get('vargarda')!
  const at = (days: number, time: string) => stockholmToInstant(stockholmDay(now, days), time)!

  const [themeDay] = await tx
    .insert(meetings)
    .values({
      kind: 'theme_day',
      title: 'Temadag: storskaligt elavbrott med dricksvattenstörning',
      theme: 'Storskaligt elavbrott med dricksvattenstörning',
      description: 'Vilka samhällsviktiga verksamheter slutar fungera, efter hur många timmar, och var?',
      agenda: ['Inledning', 'Scenariot timme för timme', 'Behov och åtgärder', 'Utvärdering'],
      startsAt: at(-45, '09:00'),
      endsAt: at(-45, '15:00'),
      place: 'Kommunhuset, Vårgårda, sessionssalen',
      organiserOrganisationId: organiser,
      networkId: network.id,
      uid: `${crypto.randomUUID()}@omradesansvarsportalen`,
      minutes,
      evaluationWorked: 'Scenariot timme för timme gjorde beroendena konkreta; alla organisationer deltog aktivt.',
      evaluationImprove: 'Bjud in vattenförsörjningen och fler livsmedelsaktörer; skicka scenariot en vecka före.',
      evaluationSharedAt: at(-40, '10:00'),
    })
    .returning()
  const [networkMeeting] = await tx
    .insert(meetings)
    .values({
      kind: 'network_meeting',
      title: 'Nätverksmöte: geografiskt områdesansvar',
      theme: 'Uppföljning av temadagens åtgärder',
      agenda: ['Åtgärder sedan temadagen', 'Risk- och sårbarhetsanalysen', 'Övningar under året'],
      startsAt: at(21, '13:00'),
      endsAt: at(21, '15:30'),
      place: 'Kommunhuset, Vårgårda',
      videoLink: 'https://mote.example.org/omradesansvar',
      organiserOrganisationId: organiser,
      networkId: network.id,
      uid: `${crypto.randomUUID()}@omradesansvarsportalen`,
    })
    .returning()

  for (const meeting of [themeDay!, networkMeeting!]) {
    await tx.insert(meetingOrganisations).values(members.map((organisationId) => ({ meetingId: meeting.id, organisationId })))
    const people = await inviteesOf(tx, members)
    if (people.length > 0) await tx.insert(meetingInvitees).values(people.map((person) => ({ meetingId: meeting.id, ...person })))
  }

  const answer = async (meetingId: string, key: string, value: 'attending' | 'not_attending', attendees: string) =>
    tx
      .update(meetingOrganisations)
      .set({ answer: value, attendees, answeredAt: new Date(now.getTime() - 50 * DAY_MS) })
      .where(
        and(eq(meetingOrganisations.meetingId, meetingId), eq(meetingOrganisations.organisationId, organisationIds.get(key)!)),
      )
  await answer(themeDay!.id, 'bostader', 'attending', 'Per Holm, fastighetschef')
  await answer(themeDay!.id, 'solor', 'attending', 'Lena Berg, driftchef')
  await answer(themeDay!.id, 'police', 'attending', 'Kommunpolisen')
  await answer(themeDay!.id, 'lansstyrelsen', 'not_attending', '')
  await answer(networkMeeting!.id, 'bostader', 'attending', 'Per Holm')

  await insertSjuharadThemeDay(tx, organisationIds, now)

  const dueIn = (days: number) => stockholmDay(now, days)
  await tx.insert(actionItems).values([
    {
      meetingId: themeDay!.id,
      title: 'Inventera reservkraft för värmepumparna i flerbostadshusen',
      ownerOrganisationId: organisationIds.get('bostader')!,
      dueDate: dueIn(30),
      state: 'open',
    },
    {
      meetingId: themeDay!.id,
      title: 'Öva manuell drift av fjärrvärmeverket vid elavbrott',
      ownerOrganisationId: organisationIds.get('solor')!,
      dueDate: dueIn(-10),
      state: 'in_progress',
    },
    {
      meetingId: themeDay!.id,
      title: 'Uppdatera listan över prioriterade elanvändare (Styrel)',
      ownerOrganisationId: organiser,
      dueDate: dueIn(-20),
      state: 'done',
    },
  ])
}

/** Sjuhärad's next theme day, organised by Vårgårda for the network: sent, with the answers of the two partner editors. */
async function insertSjuharadThemeDay(tx: Transaction, organisationIds: Map<string, string>, now: Date) {
  const [network] = await tx
    .select({ id: networks.id })
    .from(networks)
    .where(eq(networks.name, 'Krissamverkan Sjuhärad'))
  if (!network) return
  const organiser = organisationIds.get('vargarda')!
  const invited = (
    await tx.select({ id: networkMembers.organisationId }).from(networkMembers).where(eq(networkMembers.networkId, network.id))
  )
    .map((row) => row.id)
    .filter((id) => id !== organiser)
  const at = (days: number, time: string) => stockholmToInstant(stockholmDay(now, days), time)!
  const [themeDay] = await tx
    .insert(meetings)
    .values({
      kind: 'theme_day',
      title: 'Temadag: dricksvatten vid långvarigt elavbrott',
      theme: 'Nödvatten och reservkraft för vattenverken',
      description: 'Hur länge klarar vattenverken sig på reservkraft, och hur delar vi ut nödvatten över kommungränserna?',
      agenda: ['Inledning', 'Vattenverken och reservkraften', 'Nödvatten över kommungränserna', 'Nästa steg'],
      startsAt: at(35, '09:00'),
      endsAt: at(35, '15:00'),
      place: 'Stadshuset, Borås',
      organiserOrganisationId: organiser,
      networkId: network.id,
      uid: `${crypto.randomUUID()}@omradesansvarsportalen`,
    })
    .returning()
  await tx.insert(meetingOrganisations).values(invited.map((organisationId) => ({ meetingId: themeDay!.id, organisationId })))
  const people = await inviteesOf(tx, invited)
  // The invitation went out before the demo was loaded (sequence 0); nothing waits in the outbox.
  if (people.length > 0) {
    await tx.insert(meetingInvitees).values(people.map((person) => ({ meetingId: themeDay!.id, ...person, sentSequence: 0 })))
  }
  const answered = [
    { key: 'boras', email: 'anna.lind@example.org', attendees: 'Anna Lind, beredskapssamordnare', daysAgo: 3 },
    { key: 'herrljunga', email: 'sofia.wall@example.org', attendees: 'Sofia Wall, säkerhetssamordnare', daysAgo: 1 },
  ]
  for (const answer of answered) {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, answer.email))
    await tx
      .update(meetingOrganisations)
      .set({
        answer: 'attending',
        attendees: answer.attendees,
        answeredBy: person?.id ?? null,
        answeredAt: new Date(now.getTime() - answer.daysAgo * DAY_MS),
      })
      .where(
        and(
          eq(meetingOrganisations.meetingId, themeDay!.id),
          eq(meetingOrganisations.organisationId, organisationIds.get(answer.key)!),
        ),
      )
  }
}
