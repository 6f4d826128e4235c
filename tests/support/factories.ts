import type { Database } from '../../app/db/client.server'
import type { OrganisationKind, Role } from '../../app/db/enums'
import { organisations } from '../../app/db/schema/organisations'
import {
  contactChecks,
  contactRoutes,
  criticalServices,
  dependencies,
  serviceSites,
  sites,
  type ContactRoute,
  type CriticalService,
  type Dependency,
  type Site,
} from '../../app/db/schema/registry'
import { meetingOrganisations, meetings, type Meeting } from '../../app/db/schema/meetings'
import { memberships, users } from '../../app/db/schema/users'
import { networkMembers, networks } from '../../app/db/schema/registry'
import { councilAreas, councilMembers } from '../../app/db/schema/council'
import type { CouncilRole } from '../../app/db/enums'
import { createCouncil } from '../../app/modules/council/councils.server'
import { boundingBox, type Corner } from '../../app/modules/council/geometry'
import { hashPassword } from '../../app/modules/auth/password.server'
import { createSession } from '../../app/modules/auth/sessions.server'

let counter = 0
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export const testPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 }
export const TEST_PASSWORD = 'rätt-lösenord-123'

let passwordHash: Promise<string> | undefined

export async function makeOrganisation(db: Database, fields: { name?: string; kind?: OrganisationKind } = {}) {
  const [row] = await db
    .insert(organisations)
    .values({ name: fields.name ?? `Organisation ${next()}`, kind: fields.kind ?? 'company', description: '' })
    .returning()
  return row!
}

export async function makeUser(
  db: Database,
  fields: { role?: Role; organisationId?: string; email?: string; name?: string; active?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const [user] = await db
    .insert(users)
    .values({
      email: fields.email ?? `person-${next()}@example.org`,
      name: fields.name ?? `Person ${next()}`,
      passwordHash: await passwordHash,
      active: fields.active ?? true,
    })
    .returning()
  if (fields.role) {
    const organisationId = fields.organisationId ?? (await makeOrganisation(db)).id
    await db.insert(memberships).values({ userId: user!.id, organisationId, role: fields.role })
  }
  return user!
}

/**
 * A signed-in user: the cookie header a browser would send. The session has
 * passed the second factor unless told otherwise.
 */
export async function signedIn(db: Database, userId: string, options: { twoFactorVerified?: boolean } = {}) {
  const { token, session } = await createSession(db, userId, testPolicy, new Date(), {
    twoFactorVerified: options.twoFactorVerified ?? true,
  })
  return { token, session, cookie: `session=${token}` }
}

export function formRequest(url: string, fields: Record<string, string>, cookie?: string): Request {
  const body = new URLSearchParams(fields)
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://localhost',
      ...(cookie ? { Cookie: cookie } : {}),
    },
  })
}

export function getRequest(url: string, cookie?: string): Request {
  return new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} })
}

/** The secret at the end of a link such as `${origin}/inbjudan/<token>` in a message text. */
export function tokenFromLink(text: string, origin: string, path: string): string {
  const escaped = `${origin}/${path}/`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}([a-z2-7]+)`).exec(text)
  if (!match) throw new Error(`No ${path} link in:\n${text}`)
  return match[1]!
}

/** A contact route, written directly (not audited): a phone route shared with the network unless told otherwise. */
export async function makeContactRoute(
  db: Database,
  fields: { organisationId: string } & Partial<Omit<typeof contactRoutes.$inferInsert, 'organisationId'>>,
): Promise<ContactRoute> {
  const [row] = await db
    .insert(contactRoutes)
    .values({
      function: 'switchboard',
      channel: 'phone',
      value: '031-390 06 99',
      availability: 'office_hours',
      ...fields,
    })
    .returning()
  return row!
}

/** A test call of a contact route, written directly (not audited): reached unless told otherwise. */
export async function makeContactCheck(
  db: Database,
  fields: { routeId: string } & Partial<Omit<typeof contactChecks.$inferInsert, 'routeId'>>,
) {
  const [row] = await db
    .insert(contactChecks)
    .values({ reached: true, ...fields })
    .returning()
  return row!
}

/** A site near Vårgårda, written directly (not audited). */
export async function makeSite(
  db: Database,
  fields: { organisationId: string } & Partial<Omit<typeof sites.$inferInsert, 'organisationId'>>,
): Promise<Site> {
  const [row] = await db
    .insert(sites)
    .values({ name: `Plats ${next()}`, kind: 'plant', lat: 58.034, lng: 12.808, ...fields })
    .returning()
  return row!
}

/** A critical service, written directly (not audited), optionally run at the given sites. */
export async function makeService(
  db: Database,
  fields: { organisationId: string; siteIds?: string[] } & Partial<
    Omit<typeof criticalServices.$inferInsert, 'organisationId'>
  >,
): Promise<CriticalService> {
  const { siteIds = [], ...values } = fields
  const [row] = await db
    .insert(criticalServices)
    .values({ name: `Verksamhet ${next()}`, sector: 'municipal_technical', acceptableOutageHours: 12, ...values })
    .returning()
  if (siteIds.length > 0)
    await db.insert(serviceSites).values(siteIds.map((siteId) => ({ serviceId: row!.id, siteId })))
  return row!
}

/** A dependency, written directly (not audited): on electricity unless told otherwise. */
export async function makeDependency(
  db: Database,
  fields: { serviceId: string } & Partial<Omit<typeof dependencies.$inferInsert, 'serviceId'>>,
): Promise<Dependency> {
  const target = fields.dependsOnServiceId ? {} : { resource: 'electricity' as const }
  const [row] = await db
    .insert(dependencies)
    .values({ copesHours: 2, ...target, ...fields })
    .returning()
  return row!
}

/**
 * A meeting, written directly (not audited, no invitations sent), organised
 * by `organiserOrganisationId` with the given organisations invited. Starts
 * tomorrow at 09:00 UTC and lasts two hours unless told otherwise.
 */
export async function makeMeeting(
  db: Database,
  fields: { organiserOrganisationId: string; invitedOrganisationIds?: string[] } & Partial<
    Omit<typeof meetings.$inferInsert, 'organiserOrganisationId'>
  >,
): Promise<Meeting> {
  const { invitedOrganisationIds = [], ...values } = fields
  const start = new Date()
  start.setUTCDate(start.getUTCDate() + 1)
  start.setUTCHours(9, 0, 0, 0)
  const [row] = await db
    .insert(meetings)
    .values({
      kind: 'network_meeting',
      title: `Möte ${next()}`,
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
      uid: `${next()}@test.example`,
      ...values,
    })
    .returning()
  if (invitedOrganisationIds.length > 0) {
    await db
      .insert(meetingOrganisations)
      .values(invitedOrganisationIds.map((organisationId) => ({ meetingId: row!.id, organisationId })))
  }
  return row!
}

import { actionItems } from '../../app/db/schema/meetings'

/** An action item agreed at a meeting, written directly (not audited): open, without a due date unless told otherwise. */
export async function makeActionItem(
  db: Database,
  fields: { meetingId: string; ownerOrganisationId: string } & Partial<
    Omit<typeof actionItems.$inferInsert, 'meetingId' | 'ownerOrganisationId'>
  >,
) {
  const [row] = await db
    .insert(actionItems)
    .values({ title: `Åtgärd ${next()}`, ...fields })
    .returning()
  return row!
}

import { eq as rsaEq } from 'drizzle-orm'
import { rsaAnswers, rsaEvents } from '../../app/db/schema/rsa'

/**
 * An RSA answer, written directly (not audited): submitted unless told
 * otherwise, with the analysis taken from the event.
 */
export async function makeRsaAnswer(
  db: Database,
  fields: { eventId: string; organisationId: string } & Partial<
    Omit<typeof rsaAnswers.$inferInsert, 'eventId' | 'organisationId'>
  >,
) {
  const [event] = await db
    .select({ analysisId: rsaEvents.analysisId })
    .from(rsaEvents)
    .where(rsaEq(rsaEvents.id, fields.eventId))
  const [row] = await db
    .insert(rsaAnswers)
    .values({ analysisId: event!.analysisId, state: 'submitted', ...fields })
    .returning()
  return row!
}

/**
 * A crime-prevention council whose network holds the given organisations; it
 * starts with the default categories and the given members. Nobody else takes
 * part in it, whatever the network holds (grantCouncil adds more).
 */
export async function makeCouncil(
  db: Database,
  fields: {
    organisationIds: string[]
    name?: string
    retentionMonths?: number
    coarsenMetres?: number
    members?: { userId: string; role: CouncilRole }[]
  },
) {
  const name = fields.name ?? `Lokalt BRÅ ${next()}`
  const [network] = await db
    .insert(networks)
    .values({ name: `Nätverk ${name}` })
    .returning()
  if (fields.organisationIds.length > 0) {
    await db
      .insert(networkMembers)
      .values(fields.organisationIds.map((organisationId) => ({ networkId: network!.id, organisationId })))
  }
  const council = await createCouncil(db, {
    actorId: null,
    name,
    networkId: network!.id,
    retentionMonths: fields.retentionMonths,
    coarsenMetres: fields.coarsenMetres,
  })
  for (const member of fields.members ?? []) await grantCouncil(db, { councilId: council.id, ...member })
  return council
}

/** Grants a council to a user, written directly (not audited): as a member unless told otherwise. */
export async function grantCouncil(
  db: Database,
  fields: { councilId: string; userId: string; role?: CouncilRole; grantedBy?: string | null },
) {
  const [row] = await db
    .insert(councilMembers)
    .values({ role: 'member', ...fields })
    .returning()
  return row!
}

/** The council role a user's organisation role makes them: a council member a member, anyone else an informant. */
export const councilRoleOf = (role: Role): CouncilRole => (role === 'council_member' ? 'member' : 'informant')

/** Vårgårda's town centre as a rectangle: 58.0318–58.0372 N, 12.8015–12.8135 E. */
export const CENTRUM: Corner[] = [
  [58.0372, 12.8015],
  [58.0372, 12.8135],
  [58.0318, 12.8135],
  [58.0318, 12.8015],
]

/** A council area written directly (not audited); the town centre unless told otherwise. */
export async function makeCouncilArea(db: Database, fields: { councilId: string; name?: string; polygon?: Corner[] }) {
  const polygon = fields.polygon ?? CENTRUM
  const [area] = await db
    .insert(councilAreas)
    .values({ councilId: fields.councilId, name: fields.name ?? 'Centrum', polygon, ...boundingBox(polygon) })
    .returning()
  return area!
}
