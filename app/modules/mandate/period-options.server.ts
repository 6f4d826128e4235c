import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import type { SessionUser } from '~/modules/auth/sessions.server'

// Whose a new period is: a municipality. There are few of them in a county,
// so the form lists them all.

export function municipalityOptions(db: Executor) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'municipality'))
    .orderBy(asc(organisations.name), asc(organisations.id))
}

export async function isMunicipality(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'municipality')))
  return row !== undefined
}

/** The coordinator's own organisation, when it is one of the municipalities offered. */
export function ownMunicipality(user: SessionUser, options: readonly { id: string }[]): string | null {
  const own = user.memberships.filter((m) => m.role === 'coordinator').map((m) => m.organisationId)
  return options.find((option) => own.includes(option.id))?.id ?? null
}
