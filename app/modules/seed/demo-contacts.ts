import { eq } from 'drizzle-orm'
import type { Transaction } from '~/db/client.server'
import type { Availability, ContactChannel, ContactFunction, Visibility } from '~/db/enums'
import { contactChecks, contactRoutes } from '~/db/schema/registry'
import { users } from '~/db/schema/users'
import { demoUsers } from './demo-network'

// The demo network's contact routes. Every number is from the ranges PTS
// reserves for fiction (mobile 070-174 06 05–99; fixed 031-390 06 00–99,
// 040-628 04 00–99, 08-465 004 00–99, 0980-31 92 00–99) and every address is
// at example.org, so nobody real is ever called from a demo. Real public
// numbers such as the police's 114 14 are deliberately not used.

export interface DemoContactRoute {
  function: ContactFunction
  channel: ContactChannel
  value: string
  label: string
  availability: Availability
  visibility?: Visibility
  /** A test call recorded by the coordinator this many days ago. */
  check?: { daysAgo: number; reached: boolean; note: string }
}

const sjuharadMunicipalities: [key: string, name: string, digits: string][] = [
  ['bollebygd', 'Bollebygd', '10'],
  ['boras', 'Borås', '12'],
  ['herrljunga', 'Herrljunga', '14'],
  ['mark', 'Mark', '16'],
  ['svenljunga', 'Svenljunga', '18'],
  ['tranemo', 'Tranemo', '20'],
  ['ulricehamn', 'Ulricehamn', '22'],
]

/** The security coordinators of the two Sjuhärad municipalities with a demo partner editor (demo-network.ts). */
const sjuharadCoordinators: Record<string, DemoContactRoute> = {
  boras: {
    function: 'security_coordinator',
    channel: 'mobile',
    value: '070-174 06 72',
    label: 'Anna Lind, beredskapssamordnare',
    availability: 'office_hours',
  },
  herrljunga: {
    function: 'security_coordinator',
    channel: 'mobile',
    value: '070-174 06 74',
    label: 'Sofia Wall, säkerhetssamordnare',
    availability: 'office_hours',
  },
}

/** Keyed by the organisation keys of demo-network.ts; order within each list is the call order. */
export const demoContactRoutes: Record<string, DemoContactRoute[]> = {
  vargarda: [
    {
      function: 'isk',
      channel: 'mobile',
      value: '070-174 06 05',
      label: 'TiB är kommunens ISK och aktiverar krisledningen',
      availability: 'always',
      check: { daysAgo: 12, reached: true, note: 'Svar inom en minut.' },
    },
    {
      function: 'duty_officer',
      channel: 'phone',
      value: '031-390 06 00',
      label: 'TiB – tjänsteperson i beredskap, larmnummer',
      availability: 'always',
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '031-390 06 10',
      label: 'Kommunens växel, vardagar 8–16',
      availability: 'office_hours',
    },
    {
      function: 'crisis_management',
      channel: 'email',
      value: 'krisledning.vargarda@example.org',
      label: 'Krisledningsgruppens funktionsbrevlåda',
      availability: 'on_activation',
    },
    {
      function: 'crisis_management',
      channel: 'rakel',
      value: 'VGR Vårgårda Kris 1',
      label: 'Kommunens krisledning i Rakel',
      availability: 'on_activation',
    },
    {
      function: 'crisis_management',
      channel: 'meeting_point',
      value: 'Vårgårda kommunhus, Kungsgatan 41',
      label: 'Samlingsplats för krisledningen när telefoni och nät ligger nere',
      availability: 'on_activation',
    },
    {
      function: 'security_coordinator',
      channel: 'mobile',
      value: '070-174 06 06',
      label: 'Säkerhetssamordnare Karin Ek, personlig mobil',
      availability: 'on_activation',
      visibility: 'restricted',
    },
    {
      function: 'communications',
      channel: 'email',
      value: 'kommunikation.vargarda@example.org',
      label: 'Kommunikationsenheten',
      availability: 'office_hours',
    },
  ],
  police: [
    {
      function: 'isk',
      channel: 'phone',
      value: '08-465 004 00',
      label: 'Polisens regionledningscentral, ISK för kommunerna',
      availability: 'always',
      check: { daysAgo: 20, reached: true, note: '' },
    },
    {
      function: 'other',
      channel: 'phone',
      value: '08-465 004 01',
      label: 'Kommunpolisen i Vårgårda, vardagar',
      availability: 'office_hours',
    },
    {
      function: 'crisis_management',
      channel: 'rakel',
      value: 'VGR Polis Samverkan 1',
      label: 'Samverkanstalgrupp med kommunen',
      availability: 'on_activation',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'kommunpolis.vargarda@example.org',
      label: 'Kommunpolisen',
      availability: 'office_hours',
    },
  ],
  avrf: [
    {
      function: 'isk',
      channel: 'phone',
      value: '031-390 06 20',
      label: 'Räddningschef i beredskap (RCB)',
      availability: 'always',
      check: { daysAgo: 9, reached: true, note: '' },
    },
    {
      function: 'duty_officer',
      channel: 'mobile',
      value: '070-174 06 10',
      label: 'Inre befäl',
      availability: 'always',
    },
    {
      function: 'crisis_management',
      channel: 'rakel',
      value: 'VGR AVRF Samverkan 1',
      label: 'Räddningstjänstens samverkanstalgrupp',
      availability: 'always',
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '031-390 06 21',
      label: 'Förbundets växel',
      availability: 'office_hours',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'info.avrf@example.org',
      label: 'Förbundets brevlåda',
      availability: 'office_hours',
    },
  ],
  bostader: [
    {
      function: 'isk',
      channel: 'mobile',
      value: '070-174 06 20',
      label: 'VD eller utsedd ersättare',
      availability: 'on_activation',
    },
    {
      function: 'duty_officer',
      channel: 'phone',
      value: '031-390 06 30',
      label: 'Fastighetsjouren',
      availability: 'always',
      check: { daysAgo: 30, reached: true, note: 'Jourhavande svarade.' },
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '031-390 06 31',
      label: 'Kundtjänst, vardagar 8–16',
      availability: 'office_hours',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'kundtjanst.bostader@example.org',
      label: 'Kundtjänst',
      availability: 'office_hours',
    },
  ],
  solor: [
    {
      function: 'isk',
      channel: 'mobile',
      value: '070-174 06 30',
      label: 'Driftchef',
      availability: 'on_activation',
      check: { daysAgo: 6, reached: false, note: 'Inget svar, röstbrevlåda. Ny kontroll bokad.' },
    },
    {
      function: 'duty_officer',
      channel: 'phone',
      value: '040-628 04 00',
      label: 'Driftjour fjärrvärme',
      availability: 'always',
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '040-628 04 01',
      label: 'Växel, vardagar',
      availability: 'office_hours',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'drift.solor@example.org',
      label: 'Driftavdelningen',
      availability: 'office_hours',
    },
  ],
  coi: [
    {
      function: 'isk',
      channel: 'mobile',
      value: '070-174 06 40',
      label: 'Samverkansperson för näringslivet',
      availability: 'office_hours',
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '040-628 04 10',
      label: 'Växel',
      availability: 'office_hours',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'kontakt.coi@example.org',
      label: 'Allmän brevlåda',
      availability: 'office_hours',
    },
  ],
  autoliv: [
    {
      function: 'isk',
      channel: 'phone',
      value: '040-628 04 20',
      label: 'Säkerhetschef, leder företagets krisledning',
      availability: 'on_activation',
    },
    {
      function: 'duty_officer',
      channel: 'phone',
      value: '040-628 04 21',
      label: 'Vakt och larmcentral',
      availability: 'always',
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '040-628 04 22',
      label: 'Växel',
      availability: 'office_hours',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'sakerhet.autoliv@example.org',
      label: 'Säkerhetsavdelningen',
      availability: 'office_hours',
    },
  ],
  livs: [
    {
      function: 'isk',
      channel: 'mobile',
      value: '070-174 06 50',
      label: 'Logistikchef',
      availability: 'on_activation',
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '040-628 04 30',
      label: 'Växel',
      availability: 'office_hours',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'order.livs@example.org',
      label: 'Orderkontoret',
      availability: 'office_hours',
    },
  ],
  lansstyrelsen: [
    {
      function: 'isk',
      channel: 'phone',
      value: '08-465 004 10',
      label: 'Länsstyrelsens TiB',
      availability: 'always',
      check: { daysAgo: 40, reached: true, note: '' },
    },
    {
      function: 'switchboard',
      channel: 'phone',
      value: '08-465 004 11',
      label: 'Växel',
      availability: 'office_hours',
    },
    {
      function: 'crisis_management',
      channel: 'email',
      value: 'krisberedskap.lansstyrelsen@example.org',
      label: 'Enheten för krisberedskap',
      availability: 'office_hours',
    },
  ],
  sjuharad: [
    {
      function: 'isk',
      channel: 'mobile',
      value: '070-174 06 60',
      label: 'Nätverkets samordnare',
      availability: 'office_hours',
    },
    {
      function: 'other',
      channel: 'email',
      value: 'krissamverkan.sjuharad@example.org',
      label: 'Nätverkets brevlåda',
      availability: 'office_hours',
    },
  ],
  ...Object.fromEntries(
    sjuharadMunicipalities.map(([key, name, digits]): [string, DemoContactRoute[]] => [
      key,
      [
        {
          function: 'isk',
          channel: 'phone',
          value: `0980-31 92 ${digits}`,
          label: `TiB i ${name} är kommunens ISK`,
          availability: 'always',
        },
        {
          function: 'switchboard',
          channel: 'phone',
          value: `0980-31 92 ${Number(digits) + 1}`,
          label: 'Växel',
          availability: 'office_hours',
        },
        {
          function: 'crisis_management',
          channel: 'rakel',
          value: `VGR ${name} Kris 1`,
          label: 'Kommunens krisledning i Rakel',
          availability: 'on_activation',
        },
        {
          function: 'crisis_management',
          channel: 'email',
          value: `krisledning.${key}@example.org`,
          label: 'Krisledningens funktionsbrevlåda',
          availability: 'on_activation',
        },
        ...(sjuharadCoordinators[key] ? [sjuharadCoordinators[key]] : []),
      ],
    ]),
  ),
}

/** Writes the demo contact routes and their test calls; part of the seed's transaction. */
export async function insertDemoContacts(tx: Transaction, organisationIds: Map<string, string>, now = new Date()) {
  const coordinatorEmail = demoUsers.find((user) => user.role === 'coordinator')!.email
  const [coordinator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, coordinatorEmail))
  let routes = 0
  for (const [key, demoRoutes] of Object.entries(demoContactRoutes)) {
    const organisationId = organisationIds.get(key)
    if (!organisationId) continue
    for (const [index, demo] of demoRoutes.entries()) {
      const [route] = await tx
        .insert(contactRoutes)
        .values({
          organisationId,
          function: demo.function,
          channel: demo.channel,
          value: demo.value,
          label: demo.label,
          availability: demo.availability,
          callOrder: index + 1,
          visibility: demo.visibility ?? 'network',
        })
        .returning({ id: contactRoutes.id })
      routes++
      if (demo.check) {
        await tx.insert(contactChecks).values({
          routeId: route!.id,
          checkedBy: coordinator?.id ?? null,
          reached: demo.check.reached,
          note: demo.check.note,
          checkedAt: new Date(now.getTime() - demo.check.daysAgo * 24 * 3_600_000),
        })
      }
    }
  }
  return { routes }
}
