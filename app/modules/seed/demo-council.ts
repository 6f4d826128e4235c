import { and, eq, inArray } from 'drizzle-orm'
import type { Transaction } from '~/db/client.server'
import type { defaultReportCategories } from '~/db/enums'
import { councilAreas, councilMeasures, councilReports, councils, safetySurveyResults } from '~/db/schema/council'
import { networkMembers, networks } from '~/db/schema/registry'
import { memberships, users } from '~/db/schema/users'
import { insertCouncilGrant } from '~/modules/council/council-members.server'
import { insertDefaultCategories } from '~/modules/council/councils.server'
import { areaOf, boundingBox, type AreaShape, type Corner } from '~/modules/council/geometry'

// The demo's crime-prevention council: Lokalt BRÅ Vårgårda (the municipality,
// the police and Vårgårda Bostäder), its member Maria Sund and its informant
// Johan Nyström (the council members and informants of those organisations,
// granted the council), three named areas of the town and eight
// weeks of informant reports from the housing company's caretaker, dated from
// the day the demo is loaded. Places and situations only, never people.

const DAY_MS = 86_400_000

const demoAreas: { name: string; polygon: Corner[] }[] = [
  {
    name: 'Centrum',
    polygon: [
      [58.0372, 12.8015],
      [58.0372, 12.8135],
      [58.0318, 12.8135],
      [58.0318, 12.8015],
    ],
  },
  {
    name: 'Stationsområdet',
    polygon: [
      [58.0335, 12.8035],
      [58.0335, 12.8095],
      [58.0312, 12.8095],
      [58.0312, 12.8035],
    ],
  },
  {
    name: 'Kullen',
    polygon: [
      [58.0435, 12.7985],
      [58.0435, 12.8125],
      [58.0385, 12.8125],
      [58.0385, 12.7985],
    ],
  },
]

const descriptions: Partial<Record<(typeof defaultReportCategories)[number], string[]>> = {
  Skadegörelse: ['Krossad ruta i cykelrummet.', 'Sönderslagen bänk vid lekplatsen.'],
  Klotter: ['Klotter på fasaden mot gångvägen.', 'Nytt klotter i gångtunneln.'],
  Nedskräpning: ['Mycket skräp och flaskor vid grillplatsen efter helgen.'],
  'Brand eller anlagd brand': ['Brand i papperskorg vid busshållplatsen, släckt av förbipasserande.'],
  'Samlingar som skapar otrygghet': ['Större grupp samlas sent på kvällen vid entrén, boende upplever otrygghet.'],
  'Trasig belysning': ['Två gatlampor ur funktion längs gångvägen.', 'Belysningen i trapphuset fungerar inte.'],
  'Plats som känns otrygg': ['Buskage skymmer sikten längs gångvägen, känns otryggt när det är mörkt.'],
}

/** A small deterministic generator, so every demo load gives the same picture. */
function generator(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

export async function insertDemoCouncil(tx: Transaction, organisationIds: Map<string, string>, now = new Date()) {
  const [network] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.name, 'Lokalt BRÅ Vårgårda'))
  if (!network) return
  const [council] = await tx.insert(councils).values({ name: 'Lokalt BRÅ Vårgårda', networkId: network.id }).returning()
  const categories = await insertDefaultCategories(tx, council!.id)
  const people = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .innerJoin(networkMembers, eq(networkMembers.organisationId, memberships.organisationId))
    .where(and(eq(networkMembers.networkId, network.id), inArray(memberships.role, ['council_member', 'informant'])))
  for (const person of people) {
    await insertCouncilGrant(tx, {
      actorId: null,
      councilId: council!.id,
      userId: person.userId,
      role: person.role === 'council_member' ? 'member' : 'informant',
      now,
    })
  }
  const shapes: AreaShape[] = []
  for (const area of demoAreas) {
    const box = boundingBox(area.polygon)
    const [row] = await tx
      .insert(councilAreas)
      .values({ councilId: council!.id, name: area.name, polygon: area.polygon, ...box })
      .returning({ id: councilAreas.id })
    shapes.push({ id: row!.id, polygon: area.polygon, ...box })
  }

  const bostader = organisationIds.get('bostader')!
  const [informant] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.organisationId, bostader), eq(memberships.role, 'informant')))
  const random = generator(2026)
  const withText = categories.filter((category) => descriptions[category.name as keyof typeof descriptions])
  const rows = []
  for (let index = 0; index < 60; index++) {
    const category = withText[Math.floor(random() * withText.length)]!
    const texts = descriptions[category.name as keyof typeof descriptions]!
    const lat = 58.031 + random() * 0.013
    const lng = 12.798 + random() * 0.016
    const daysAgo = Math.floor(random() * 56)
    const observedAt = new Date(now.getTime() - daysAgo * DAY_MS - Math.floor(random() * 12) * 3_600_000)
    const reviewed = daysAgo > 3
    rows.push({
      councilId: council!.id,
      reporterId: informant?.id ?? null,
      organisationId: bostader,
      categoryId: category.id,
      locationKind: 'pin' as const,
      lat,
      lng,
      areaId: areaOf({ lat, lng }, shapes),
      observedAt,
      description: texts[index % texts.length]!,
      state: reviewed ? ('accepted' as const) : ('new' as const),
      feedback:
        reviewed && index % 3 === 0
          ? 'Tack! Platsen är anmäld till fastighetsägaren och tas upp på nästa EST-möte.'
          : '',
      feedbackAt: reviewed && index % 3 === 0 ? observedAt : null,
      reviewedAt: reviewed ? new Date(observedAt.getTime() + 2 * DAY_MS) : null,
      createdAt: observedAt,
      updatedAt: observedAt,
    })
  }
  await tx.insert(councilReports).values(rows)

  // Three years of the safety survey, and the measure decided at the last EST meeting.
  const areaIds = new Map(demoAreas.map((area, index) => [area.name, shapes[index]!.id]))
  const year = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(now))
  const survey = [
    {
      area: null,
      shares: [
        [24.0, 22.5, 21.0],
        [31.0, 30.5, 29.0],
        [18.0, 19.5, 17.0],
      ],
    },
    {
      area: 'Centrum',
      shares: [
        [29.0, 31.5, 27.0],
        [35.0, 36.0, 33.5],
        [26.0, 28.0, 24.5],
      ],
    },
    {
      area: 'Kullen',
      shares: [
        [33.5, 30.0, 28.5],
        [38.0, 36.5, 35.0],
        [30.5, 27.0, 25.0],
      ],
    },
  ] as const
  const questions = ['feel_unsafe', 'worry_crime', 'problems_seen'] as const
  await tx.insert(safetySurveyResults).values(
    survey.flatMap(({ area, shares }) =>
      questions.flatMap((question, q) =>
        shares[q]!.map((share, y) => ({
          councilId: council!.id,
          year: year - 3 + y,
          areaId: area ? areaIds.get(area)! : null,
          question,
          share: share.toFixed(1),
        })),
      ),
    ),
  )
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)
  const inSixWeeks = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(now.getTime() + 42 * DAY_MS),
  )
  await tx.insert(councilMeasures).values({
    councilId: council!.id,
    title: 'Bättre belysning längs gångvägen vid stationen',
    kind: 'situational',
    measureType: 'lighting',
    description: 'Byta trasiga armaturer och sätta upp två nya stolpar längs gångvägen mellan stationen och Centrum.',
    areaId: areaIds.get('Stationsområdet')!,
    responsibleOrganisationId: organisationIds.get('vargarda')!,
    startDate: today,
    expectedEffect: 'Färre rapporter om platser som känns otrygga och om skadegörelse efter mörkrets inbrott.',
    followUpDate: inSixWeeks,
    state: 'ongoing',
  })
}
