import type { Database } from '../../app/db/client.server'
import type { OrganisationKind, Role } from '../../app/db/enums'
import { organisations } from '../../app/db/schema/organisations'
import { memberships, users } from '../../app/db/schema/users'
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

/** A signed-in user: the cookie header a browser would send. */
export async function signedIn(db: Database, userId: string) {
  const { token, session } = await createSession(db, userId, testPolicy)
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
