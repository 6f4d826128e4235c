import type { OrganisationKind } from '~/db/enums'
import type { Role } from '~/db/enums'

// The demo network of the source document (Vårgårda's steering document for
// crisis preparedness 2019–2022). Contact details are fictional: e-mail at
// example.org only.

export interface DemoOrganisation {
  key: string
  name: string
  kind: OrganisationKind
  description: string
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'vargarda',
    name: 'Vårgårda kommun',
    kind: 'municipality',
    description:
      'Kommunen har geografiskt områdesansvar. Krisledningsnämnden leder vid extraordinära händelser; tjänsteperson i beredskap (TiB) är ingången dygnet runt och aktiverar krisledningen och vid behov Posoms ledningsgrupp. Säkerhetssamordnaren samordnar nätverket, RSA-arbetet och det lokala BRÅ.',
  },
  {
    key: 'police',
    name: 'Polisen – lokalpolisområdet, kommunpolisen i Vårgårda',
    kind: 'police',
    description:
      'Kommunpolisen ingår i Posoms ledningsgrupp, är länken in till krisledningsgruppen, deltar i kommunens övningar och i det lokala brottsförebyggande rådet.',
  },
  {
    key: 'avrf',
    name: 'Alingsås och Vårgårda räddningstjänstförbund (AVRF)',
    kind: 'rescue_services',
    description:
      'Räddningstjänstförbundet för Alingsås och Vårgårda. Övar tillsammans med kommunens krisledningsgrupp; samverkan kring krisberedskap bereds med ägarkommunerna.',
  },
  {
    key: 'bostader',
    name: 'Vårgårda Bostäder AB',
    kind: 'municipal_company',
    description:
      'Kommunens bostadsbolag. Gör risk- och sårbarhetsanalys med säkerhetssamordnaren och deltar i det lokala BRÅ; fastighetsskötarna är inrapportörer.',
  },
  {
    key: 'solor',
    name: 'Solör Bioenergi i Vårgårda AB',
    kind: 'energy',
    description: 'Fjärrvärmeleverantör i Vårgårda. Gör risk- och sårbarhetsanalys tillsammans med kommunens säkerhetssamordnare.',
  },
  {
    key: 'coi',
    name: 'Center of Innovation',
    kind: 'company',
    description: 'Samverkansperson mellan kommunen och näringslivet; ingång till nätverk och ledningsgrupper för de största företagen i kommunen.',
  },
  {
    key: 'autoliv',
    name: 'Autoliv Sverige AB, Vårgårda',
    kind: 'company',
    description: 'En av kommunens största arbetsgivare. Demouppgifter: kontaktuppgifterna är påhittade.',
  },
  {
    key: 'livs',
    name: 'Vårgårda Livs och Logistik AB',
    kind: 'company',
    description: 'Stor lokal arbetsgivare inom livsmedelsdistribution. Fiktivt demoföretag.',
  },
  {
    key: 'lansstyrelsen',
    name: 'Länsstyrelsen Västra Götaland',
    kind: 'county_board',
    description: 'Geografiskt områdesansvar på regional nivå. Tar emot kommunens lägesrapporter och risk- och sårbarhetsanalys; leder kvartalsvisa övningar.',
  },
  {
    key: 'sjuharad',
    name: 'Krissamverkan Sjuhärad',
    kind: 'network',
    description:
      'Delregionalt nätverk för krissamverkan som träffas årligen. Erbjuder temadagar och studiebesök; det senaste temat var storskaligt elavbrott med dricksvattenstörning.',
  },
  ...[
    ['bollebygd', 'Bollebygds kommun'],
    ['boras', 'Borås stad'],
    ['herrljunga', 'Herrljunga kommun'],
    ['mark', 'Marks kommun'],
    ['svenljunga', 'Svenljunga kommun'],
    ['tranemo', 'Tranemo kommun'],
    ['ulricehamn', 'Ulricehamns kommun'],
  ].map(([key, name]) => ({
    key: key!,
    name: name!,
    kind: 'municipality' as const,
    description: 'Medlem i nätverket Krissamverkan Sjuhärad.',
  })),
]

export interface DemoUser {
  email: string
  name: string
  organisation: string
  role: Role
}

/**
 * One demo user per role, and partner editors in two of Sjuhärad's
 * municipalities, so an invitation to that network reaches people who answer
 * and not only crisis mailboxes; all share the password printed at first start.
 */
export const demoUsers: DemoUser[] = [
  { email: 'karin.ek@example.org', name: 'Karin Ek', organisation: 'vargarda', role: 'coordinator' },
  { email: 'tomas.falk@example.org', name: 'Tomas Falk', organisation: 'vargarda', role: 'duty_officer' },
  { email: 'per.holm@example.org', name: 'Per Holm', organisation: 'bostader', role: 'partner_editor' },
  { email: 'lena.berg@example.org', name: 'Lena Berg', organisation: 'solor', role: 'partner_editor' },
  { email: 'maria.sund@example.org', name: 'Maria Sund', organisation: 'vargarda', role: 'council_member' },
  { email: 'johan.nystrom@example.org', name: 'Johan Nyström', organisation: 'bostader', role: 'informant' },
  { email: 'erik.dahl@example.org', name: 'Erik Dahl', organisation: 'lansstyrelsen', role: 'viewer' },
  { email: 'anna.lind@example.org', name: 'Anna Lind', organisation: 'boras', role: 'partner_editor' },
  { email: 'sofia.wall@example.org', name: 'Sofia Wall', organisation: 'herrljunga', role: 'partner_editor' },
]
