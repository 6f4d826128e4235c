import { inArray } from 'drizzle-orm'
import type { Transaction } from '~/db/client.server'
import { eventEvaluationFindings, eventEvaluationResponses, eventEvaluations } from '~/db/schema/events'
import { users } from '~/db/schema/users'

// The demo exercise's evaluation, as the coordinator left it: opened two days
// after the exercise, answered by the district heating company and the
// housing company, with findings, summed up and shared a week later. The demo
// has no RSA analysis, so no finding has been made a measure. Written directly
// with the past's times, like the rest of the demo (the app stamps now()).

const DAY_MS = 86_400_000

export async function insertDemoEvaluation(
  tx: Transaction,
  input: { eventId: string; endedAt: Date; organisationIds: Map<string, string> },
) {
  const { eventId, endedAt } = input
  const org = (key: string) => input.organisationIds.get(key)!
  const after = (days: number) => new Date(endedAt.getTime() + days * DAY_MS)
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['karin.ek@example.org', 'per.holm@example.org', 'lena.berg@example.org']))
  const person = (email: string) => people.find((row) => row.email === email)!.id
  const coordinator = person('karin.ek@example.org')

  await tx.insert(eventEvaluations).values({
    eventId,
    worked:
      'Uppstarten gick fort: TiB larmade inom en kvart och alla tre aktörer lämnade läge i portalen inom en timme. Beslutet om prioriterad diesel till fjärrvärmen fattades tidigt.',
    improve:
      'Drivmedel till reservkraft måste vara avtalat i förväg. De boende i de drabbade fastigheterna behöver nås tidigare och på fler sätt.',
    sharedAt: after(9),
    openedBy: coordinator,
    createdAt: after(2),
    updatedAt: after(9),
    version: 3,
  })
  await tx.insert(eventEvaluationResponses).values([
    {
      eventId,
      organisationId: org('solor'),
      ratings: { alerting: 5, picture: 4, coordination: 4, information: 3, roles: 5 },
      worked: 'Larmet nådde vår jour direkt och lägesrapporteringen i portalen var enkel.',
      didNotWork: 'Dieseln till reservkraften räckte bara till eftermiddagen; leveransen var inte förberedd.',
      change: 'Teckna avtal om prioriterad leverans av drivmedel vid elavbrott.',
      answeredBy: person('lena.berg@example.org'),
      createdAt: after(4),
      updatedAt: after(4),
    },
    {
      eventId,
      organisationId: org('bostader'),
      ratings: { alerting: 4, picture: 3, coordination: 4, information: 2, roles: 3 },
      worked: 'Samordningen med kommunen kring undercentralerna fungerade.',
      didNotWork: 'Hyresgästerna fick besked sent; anslagen i trapphusen kom först efter lunch.',
      change: 'Förbered meddelanden till hyresgäster och en lista över boende som behöver extra stöd.',
      answeredBy: person('per.holm@example.org'),
      createdAt: after(5),
      updatedAt: after(5),
    },
  ])
  await tx.insert(eventEvaluationFindings).values([
    {
      eventId,
      organisationId: org('solor'),
      text: 'Drivmedel till reservkraften var inte avtalat i förväg; fjärrvärmen hade reserv i drygt sex timmar.',
      createdBy: coordinator,
      createdAt: after(8),
      updatedAt: after(8),
    },
    {
      eventId,
      organisationId: org('bostader'),
      text: 'Boende som behöver extra stöd nåddes sent; det saknades en förberedd lista.',
      createdBy: coordinator,
      createdAt: after(8),
      updatedAt: after(8),
    },
  ])
}
