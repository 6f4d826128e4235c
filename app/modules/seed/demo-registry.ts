import type { Transaction } from '~/db/client.server'
import type { Resource, Sector, SiteKind } from '~/db/enums'
import { criticalServices, dependencies, serviceSites, sites } from '~/db/schema/registry'

// The demo network's sites, critical services and dependencies. Fictional:
// names of places are generic, positions are made up within a few kilometres
// of Vårgårda centre (about 58.034 N, 12.808 E).

interface DemoSite {
  key: string
  organisation: string
  name: string
  kind: SiteKind
  address: string
  lat: number
  lng: number
  backupPowerHours?: number
  backupFuel?: string
  styrelClass?: number
  safetyPoint?: boolean
  emergencyWaterPoint?: boolean
}

interface DemoDependency {
  on: Resource | { service: string }
  copesHours: number
  backup?: string
  backupHours?: number
}

interface DemoService {
  key: string
  organisation: string
  name: string
  description: string
  sector: Sector
  acceptableOutageHours: number
  styrelClass?: number
  peopleServed?: number
  /** Absent: no continuity plan; null: a plan not yet exercised. */
  continuityExercisedOn?: string | null
  sites: string[]
  dependencies: DemoDependency[]
}

export const demoSites: DemoSite[] = [
  {
    key: 'kommunhuset',
    organisation: 'vargarda',
    name: 'Kommunhuset',
    kind: 'office',
    address: 'Kungsgatan 1, Vårgårda',
    lat: 58.0336,
    lng: 12.8083,
    backupPowerHours: 72,
    backupFuel: 'Diesel',
    styrelClass: 2,
    safetyPoint: true,
  },
  {
    key: 'vattenverket',
    organisation: 'vargarda',
    name: 'Vårgårda vattenverk',
    kind: 'plant',
    address: 'Vattenverksvägen 2, Vårgårda',
    lat: 58.0452,
    lng: 12.7896,
    backupPowerHours: 48,
    backupFuel: 'Diesel',
    styrelClass: 1,
  },
  {
    key: 'vattentornet',
    organisation: 'vargarda',
    name: 'Vattentornet',
    kind: 'reservoir',
    address: 'Tornvägen, Vårgårda',
    lat: 58.0391,
    lng: 12.8148,
    styrelClass: 1,
    emergencyWaterPoint: true,
  },
  {
    key: 'avloppsverket',
    organisation: 'vargarda',
    name: 'Avloppsreningsverket',
    kind: 'plant',
    address: 'Reningsverksvägen 5, Vårgårda',
    lat: 58.0262,
    lng: 12.8311,
    backupPowerHours: 12,
    backupFuel: 'Diesel (mobilt verk)',
    styrelClass: 3,
  },
  {
    key: 'hemtjansten',
    organisation: 'vargarda',
    name: 'Hemtjänstens lokaler',
    kind: 'office',
    address: 'Centrumgatan 8, Vårgårda',
    lat: 58.0321,
    lng: 12.8012,
  },
  {
    key: 'skolan',
    organisation: 'vargarda',
    name: 'Centrumskolan',
    kind: 'school',
    address: 'Skolgatan 3, Vårgårda',
    lat: 58.0366,
    lng: 12.8019,
    styrelClass: 4,
    safetyPoint: true,
  },
  {
    key: 'aldreboendet',
    organisation: 'vargarda',
    name: 'Vård- och omsorgsboendet Solgården',
    kind: 'care_home',
    address: 'Solgårdsvägen 4, Vårgårda',
    lat: 58.0298,
    lng: 12.8124,
    backupPowerHours: 24,
    backupFuel: 'Diesel',
    styrelClass: 1,
  },
  {
    key: 'fjarrvarmeverket',
    organisation: 'solor',
    name: 'Fjärrvärmeverket i Vårgårda',
    kind: 'plant',
    address: 'Industrivägen 12, Vårgårda',
    lat: 58.0288,
    lng: 12.7948,
    backupPowerHours: 36,
    backupFuel: 'Diesel',
    styrelClass: 2,
  },
  {
    key: 'undercentral-norr',
    organisation: 'bostader',
    name: 'Undercentral, bostadsområdet norr',
    kind: 'plant',
    address: 'Norrgatan 10, Vårgårda',
    lat: 58.0412,
    lng: 12.8031,
  },
  {
    key: 'undercentral-oster',
    organisation: 'bostader',
    name: 'Undercentral, bostadsområdet öster',
    kind: 'plant',
    address: 'Östra vägen 22, Vårgårda',
    lat: 58.0315,
    lng: 12.8205,
  },
  {
    key: 'raddningsstationen',
    organisation: 'avrf',
    name: 'Räddningsstationen i Vårgårda',
    kind: 'station',
    address: 'Brandstationsvägen 1, Vårgårda',
    lat: 58.0357,
    lng: 12.8198,
    backupPowerHours: 96,
    backupFuel: 'Diesel',
    styrelClass: 1,
  },
  {
    key: 'polisen',
    organisation: 'police',
    name: 'Polisens kontor i Vårgårda',
    kind: 'office',
    address: 'Torget 2, Vårgårda',
    lat: 58.0342,
    lng: 12.8058,
    backupPowerHours: 24,
    backupFuel: 'Diesel',
    styrelClass: 2,
  },
]

export const demoServices: DemoService[] = [
  {
    key: 'dricksvatten',
    organisation: 'vargarda',
    name: 'Dricksvattenförsörjning',
    description: 'Produktion och distribution av dricksvatten till tätorten och anslutna områden.',
    sector: 'municipal_technical',
    acceptableOutageHours: 12,
    styrelClass: 1,
    peopleServed: 9000,
    continuityExercisedOn: '2025-10-08',
    sites: ['vattenverket', 'vattentornet'],
    dependencies: [
      {
        on: 'electricity',
        copesHours: 2,
        backup: 'Reservkraftverk på vattenverket, startar automatiskt',
        backupHours: 48,
      },
      { on: 'fuel', copesHours: 48, backup: 'Avtal med bränsleleverantör om prioriterad leverans', backupHours: 72 },
      {
        on: 'special_staff',
        copesHours: 72,
        backup: 'Drifttekniker i beredskap genom avtal med grannkommun',
        backupHours: 168,
      },
      { on: 'telecom_it', copesHours: 24, backup: 'Lokal manuell styrning på plats' },
    ],
  },
  {
    key: 'avlopp',
    organisation: 'vargarda',
    name: 'Avloppsrening',
    description: 'Rening av avloppsvatten från tätorten.',
    sector: 'municipal_technical',
    acceptableOutageHours: 24,
    styrelClass: 3,
    peopleServed: 9000,
    continuityExercisedOn: null,
    sites: ['avloppsverket'],
    // The mobile generator is shared with the water works and lasts shorter than the acceptable outage time.
    dependencies: [
      { on: 'electricity', copesHours: 4, backup: 'Mobilt reservkraftverk, delas med vattenverket', backupHours: 12 },
    ],
  },
  {
    key: 'hemtjanst',
    organisation: 'vargarda',
    name: 'Hemtjänst',
    description: 'Vård och omsorg i hemmet, bland annat läkemedel, måltider och tillsyn.',
    sector: 'health_care',
    acceptableOutageHours: 4,
    styrelClass: 2,
    peopleServed: 320,
    continuityExercisedOn: '2024-11-20',
    sites: ['hemtjansten'],
    dependencies: [
      { on: 'fuel', copesHours: 24, backup: 'Egen tankstation vid kommunförrådet', backupHours: 72 },
      { on: 'telecom_it', copesHours: 2, backup: 'Rakelterminaler för gruppledarna', backupHours: 48 },
      { on: 'special_staff', copesHours: 8 },
    ],
  },
  {
    key: 'skola',
    organisation: 'vargarda',
    name: 'Centrumskolan – undervisning och omsorg',
    description: 'Skola och fritidshem; omsorg för barn till personal i samhällsviktig verksamhet vid en kris.',
    sector: 'public_administration',
    acceptableOutageHours: 24,
    styrelClass: 4,
    peopleServed: 450,
    sites: ['skolan'],
    dependencies: [
      { on: { service: 'fjarrvarme' }, copesHours: 12 },
      { on: 'electricity', copesHours: 0 },
    ],
  },
  {
    key: 'aldreboende',
    organisation: 'vargarda',
    name: 'Vård- och omsorgsboende Solgården',
    description: 'Särskilt boende med dygnet-runt-omsorg.',
    sector: 'health_care',
    acceptableOutageHours: 2,
    styrelClass: 1,
    peopleServed: 60,
    continuityExercisedOn: '2025-05-14',
    sites: ['aldreboendet'],
    dependencies: [
      {
        on: { service: 'fjarrvarme' },
        copesHours: 8,
        backup: 'Anslutning för mobil oljepanna, avtal med leverantör',
        backupHours: 72,
      },
      { on: 'electricity', copesHours: 0, backup: 'Reservkraftverk med automatisk start', backupHours: 24 },
      { on: 'drinking_water', copesHours: 6, backup: 'Nödvatten i dunkar för ett dygn', backupHours: 24 },
    ],
  },
  {
    key: 'krisledning',
    organisation: 'vargarda',
    name: 'Kommunens krisledning',
    description: 'Krisledningsnämnd, krisledningsgrupp och tjänsteperson i beredskap (TiB).',
    sector: 'public_administration',
    acceptableOutageHours: 1,
    styrelClass: 2,
    continuityExercisedOn: '2025-09-17',
    sites: ['kommunhuset'],
    dependencies: [
      { on: 'electricity', copesHours: 0, backup: 'Reservkraft i kommunhuset', backupHours: 72 },
      { on: 'telecom_it', copesHours: 1, backup: 'Rakel och satellittelefon', backupHours: 72 },
    ],
  },
  {
    key: 'fjarrvarme',
    organisation: 'solor',
    name: 'Fjärrvärmeproduktion',
    description: 'Värme till flerbostadshus, skolor, vårdboenden och kommunens lokaler i tätorten.',
    sector: 'energy',
    acceptableOutageHours: 12,
    styrelClass: 2,
    peopleServed: 4000,
    continuityExercisedOn: '2025-02-10',
    sites: ['fjarrvarmeverket'],
    dependencies: [
      { on: 'electricity', copesHours: 0, backup: 'Reservkraftverk för pumpar och styrning', backupHours: 36 },
      { on: 'fuel', copesHours: 96, backup: 'Flisupplag på området', backupHours: 240 },
      { on: 'special_staff', copesHours: 24 },
    ],
  },
  {
    key: 'bostadsvarme',
    organisation: 'bostader',
    name: 'Värme och varmvatten i hyresbostäderna',
    description: 'Undercentralerna fördelar fjärrvärmen till bostadsområdena.',
    sector: 'energy',
    acceptableOutageHours: 24,
    peopleServed: 1800,
    sites: ['undercentral-norr', 'undercentral-oster'],
    dependencies: [
      { on: { service: 'fjarrvarme' }, copesHours: 12 },
      { on: 'electricity', copesHours: 2 },
    ],
  },
  {
    key: 'raddning',
    organisation: 'avrf',
    name: 'Räddningstjänst',
    description: 'Räddningsinsatser dygnet runt i Vårgårda.',
    sector: 'protection_safety',
    acceptableOutageHours: 1,
    styrelClass: 1,
    peopleServed: 12000,
    continuityExercisedOn: '2025-04-02',
    sites: ['raddningsstationen'],
    dependencies: [
      { on: 'electricity', copesHours: 0, backup: 'Reservkraft på stationen', backupHours: 96 },
      { on: 'fuel', copesHours: 24, backup: 'Egen dieseltank', backupHours: 72 },
      { on: 'telecom_it', copesHours: 0, backup: 'Rakel', backupHours: 168 },
    ],
  },
  {
    key: 'polis',
    organisation: 'police',
    name: 'Polisverksamhet i Vårgårda',
    description: 'Kommunpolisen och lokalpolisområdets närvaro i kommunen.',
    sector: 'protection_safety',
    acceptableOutageHours: 2,
    styrelClass: 2,
    peopleServed: 12000,
    sites: ['polisen'],
    dependencies: [
      { on: 'electricity', copesHours: 0, backup: 'UPS och reservkraftverk', backupHours: 24 },
      { on: 'telecom_it', copesHours: 0, backup: 'Rakel', backupHours: 168 },
    ],
  },
]

/**
 * Writes the demo sites, services and dependencies for the demo organisations
 * (keyed as in demo-network.ts), inside the seed's transaction.
 */
export async function seedDemoRegistry(tx: Transaction, organisationIds: Map<string, string>) {
  const organisationId = (key: string) => {
    const id = organisationIds.get(key)
    if (!id) throw new Error(`Demo registry: unknown organisation ${key}`)
    return id
  }
  const siteIds = new Map<string, string>()
  for (const site of demoSites) {
    const [row] = await tx
      .insert(sites)
      .values({
        organisationId: organisationId(site.organisation),
        name: site.name,
        kind: site.kind,
        address: site.address,
        lat: site.lat,
        lng: site.lng,
        backupPowerHours: site.backupPowerHours ?? null,
        backupFuel: site.backupFuel ?? '',
        styrelClass: site.styrelClass ?? null,
        safetyPoint: site.safetyPoint ?? false,
        emergencyWaterPoint: site.emergencyWaterPoint ?? false,
      })
      .returning({ id: sites.id })
    siteIds.set(site.key, row!.id)
  }
  const serviceIds = new Map<string, string>()
  for (const service of demoServices) {
    const [row] = await tx
      .insert(criticalServices)
      .values({
        organisationId: organisationId(service.organisation),
        name: service.name,
        description: service.description,
        sector: service.sector,
        acceptableOutageHours: service.acceptableOutageHours,
        styrelClass: service.styrelClass ?? null,
        peopleServed: service.peopleServed ?? null,
        hasContinuityPlan: service.continuityExercisedOn !== undefined,
        continuityExercisedOn: service.continuityExercisedOn ?? null,
      })
      .returning({ id: criticalServices.id })
    serviceIds.set(service.key, row!.id)
    if (service.sites.length > 0) {
      await tx
        .insert(serviceSites)
        .values(service.sites.map((site) => ({ serviceId: row!.id, siteId: siteIds.get(site)! })))
    }
  }
  for (const service of demoServices) {
    if (service.dependencies.length === 0) continue
    await tx.insert(dependencies).values(
      service.dependencies.map((dependency) => ({
        serviceId: serviceIds.get(service.key)!,
        resource: typeof dependency.on === 'string' ? dependency.on : null,
        dependsOnServiceId: typeof dependency.on === 'string' ? null : serviceIds.get(dependency.on.service)!,
        copesHours: dependency.copesHours,
        backupDescription: dependency.backup ?? '',
        backupHours: dependency.backupHours ?? null,
      })),
    )
  }
  return { sites: demoSites.length, services: demoServices.length }
}
