import { inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import type { Role } from '~/db/enums'
import { organisations } from '~/db/schema/organisations'
import { can, takesPartInCouncils } from './permissions'
import type { SessionUser } from './sessions.server'

export type NavKey = 'start' | 'organisations' | 'map' | 'directory' | 'networks' | 'scenarios' | 'dependencies' | 'meetings' | 'events' | 'rsa' | 'mandate' | 'council' | 'users' | 'outbox' | 'audit' | 'staleness' | 'account'

export interface Navigation {
  memberships: { organisationId: string; organisationName: string; role: Role }[]
  items: { key: NavKey; to: string }[]
}

/** The user's memberships with their organisations' names. */
export async function namedMemberships(db: Executor, user: SessionUser): Promise<Navigation['memberships']> {
  const ids = user.memberships.map((m) => m.organisationId)
  const names = ids.length
    ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids))
    : []
  const nameOf = new Map(names.map((row) => [row.id, row.name]))
  return user.memberships.map((m) => ({ ...m, organisationName: nameOf.get(m.organisationId) ?? '' }))
}

/** The menu shows only what the permission module allows this user. */
export async function navigationFor(db: Executor, user: SessionUser, smtpConfigured: boolean): Promise<Navigation> {
  const items: Navigation['items'] = [{ key: 'start', to: '/' }]
  if (can(user, 'network.read')) items.push({ key: 'organisations', to: '/organisationer' })
  if (can(user, 'network.read')) items.push({ key: 'map', to: '/karta' })
  if (can(user, 'network.read')) items.push({ key: 'directory', to: '/katalog' })
  if (can(user, 'network.read')) items.push({ key: 'networks', to: '/natverk' })
  if (can(user, 'network.read')) items.push({ key: 'scenarios', to: '/scenarier' })
  if (can(user, 'network.read')) items.push({ key: 'dependencies', to: '/beroenden' })
  if (can(user, 'network.read')) items.push({ key: 'meetings', to: '/moten' })
  // The list itself shows only the events the user may read.
  if (can(user, 'event.create') || user.memberships.length > 0) items.push({ key: 'events', to: '/handelser' })
  if (can(user, 'network.read')) items.push({ key: 'rsa', to: '/rsa' })
  // Network readers may see periods whose calendar is shared; the list shows only what each may see.
  if (can(user, 'mandate.read') || can(user, 'network.read')) items.push({ key: 'mandate', to: '/mandatperiod' })
  if (takesPartInCouncils(user)) items.push({ key: 'council', to: '/trygghet' })
  if (can(user, 'user.manage')) items.push({ key: 'users', to: '/admin/anvandare' })
  if (can(user, 'outbox.read') && !smtpConfigured) items.push({ key: 'outbox', to: '/admin/utkorg' })
  if (can(user, 'registry.oversee')) items.push({ key: 'staleness', to: '/admin/aktualitet' })
  if (can(user, 'audit.read')) items.push({ key: 'audit', to: '/admin/logg' })
  items.push({ key: 'account', to: '/konto' })
  return {
    memberships: await namedMemberships(db, user),
    items,
  }
}
