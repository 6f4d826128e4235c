import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import { crisisOrder } from './contact-routes.server'

// Functions, not people: the offline copy holds only routes shared with the
// whole network, so nothing restricted or personal is ever kept in a browser.
const functionalRoutes = ['duty_officer', 'isk', 'switchboard', 'crisis_management', 'communications'] as const

export interface OfflineOrganisation {
  id: string
  name: string
  confirmedAt: Date | null
  routes: { id: string; function: string; channel: string; value: string; label: string; availability: string }[]
}

export async function listOfflineContacts(db: Executor): Promise<OfflineOrganisation[]> {
  const rows = await db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      confirmedAt: organisations.confirmedAt,
      id: contactRoutes.id,
      function: contactRoutes.function,
      channel: contactRoutes.channel,
      value: contactRoutes.value,
      label: contactRoutes.label,
      availability: contactRoutes.availability,
    })
    .from(contactRoutes)
    .innerJoin(organisations, eq(organisations.id, contactRoutes.organisationId))
    .where(and(eq(contactRoutes.visibility, 'network'), inArray(contactRoutes.function, [...functionalRoutes])))
    .orderBy(asc(organisations.name), ...crisisOrder)
  const byOrganisation = new Map<string, OfflineOrganisation>()
  for (const row of rows) {
    let organisation = byOrganisation.get(row.organisationId)
    if (!organisation) {
      organisation = { id: row.organisationId, name: row.organisationName, confirmedAt: row.confirmedAt, routes: [] }
      byOrganisation.set(row.organisationId, organisation)
    }
    const { id, function: fn, channel, value, label, availability } = row
    organisation.routes.push({ id, function: fn, channel, value, label, availability })
  }
  return [...byOrganisation.values()]
}
