import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { organisations } from '../../app/db/schema/organisations'
import { contactChecks, contactRoutes } from '../../app/db/schema/registry'
import { users } from '../../app/db/schema/users'
import { listVisibleContactRoutes } from '../../app/modules/contacts/contact-routes.server'
import { demoContactRoutes } from '../../app/modules/seed/demo-contacts'
import { seedDemo } from '../../app/modules/seed/seed.server'
import { useTestDatabase } from '../support/test-db'

describe('the demo network’s contact routes', () => {
  const db = useTestDatabase()

  it('are seeded with their test calls, and the personal mobile stays within the municipality', async () => {
    const result = await seedDemo(db(), { password: 'demo-lösenord-för-test' })
    expect(result.seeded).toBe(true)
    const routes = await db().select().from(contactRoutes)
    expect(routes).toHaveLength(Object.values(demoContactRoutes).flat().length)

    const checks = await db().select().from(contactChecks)
    expect(checks.filter((check) => !check.reached)).toHaveLength(1)
    const [coordinator] = await db().select().from(users).where(eq(users.email, 'karin.ek@example.org'))
    expect(checks.every((check) => check.checkedBy === coordinator!.id && check.checkedAt < new Date())).toBe(true)

    const [municipality] = await db().select().from(organisations).where(eq(organisations.name, 'Vårgårda kommun'))
    const [county] = await db()
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Länsstyrelsen Västra Götaland'))
    const restricted = routes.filter((route) => route.visibility === 'restricted')
    expect(restricted).toMatchObject([{ organisationId: municipality!.id, function: 'security_coordinator' }])

    const asViewer = await listVisibleContactRoutes(
      db(),
      { memberships: [{ organisationId: county!.id, role: 'viewer' }] },
      [municipality!.id],
    )
    expect(asViewer.map((route) => route.id)).not.toContain(restricted[0]!.id)
    expect(asViewer[0]).toMatchObject({ function: 'isk', availability: 'always' })
    const asEditor = await listVisibleContactRoutes(
      db(),
      { memberships: [{ organisationId: municipality!.id, role: 'partner_editor' }] },
      [municipality!.id],
    )
    expect(asEditor.map((route) => route.id)).toContain(restricted[0]!.id)
    // Not through a council member's or an informant's membership (issue 14).
    for (const role of ['council_member', 'informant'] as const) {
      const asCouncil = await listVisibleContactRoutes(db(), { memberships: [{ organisationId: municipality!.id, role }] }, [
        municipality!.id,
      ])
      expect(asCouncil.map((route) => route.id), role).not.toContain(restricted[0]!.id)
    }
  })
})
