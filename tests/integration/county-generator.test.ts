import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { contactRoutes, criticalServices, dependencies, sites } from '../../app/db/schema/registry'
import { organisations } from '../../app/db/schema/organisations'
import { generateCounty, scaled } from '../../bench/county'
import { useTestDatabase } from '../support/test-db'

describe('county-scale generator', () => {
  const db = useTestDatabase()

  it('writes the scaled counts, deterministically, with valid references', async () => {
    const scale = scaled(0.01)
    await generateCounty(db(), scale)
    const n = async (table: typeof organisations | typeof sites | typeof criticalServices | typeof dependencies | typeof contactRoutes) =>
      (await db().select({ n: count() }).from(table))[0]!.n
    expect(await n(organisations)).toBe(scale.organisations)
    expect(await n(sites)).toBe(scale.sites)
    expect(await n(criticalServices)).toBe(scale.services)
    expect(await n(dependencies)).toBe(scale.dependencies)
    expect(await n(contactRoutes)).toBe(scale.contactRoutes)
    const [first] = await db().select().from(organisations).orderBy(organisations.id).limit(1)
    expect(first?.name).toMatch(/\d+$/)
    const positions = await db().select({ lat: sites.lat, lng: sites.lng }).from(sites)
    for (const p of positions) {
      expect(p.lat).toBeGreaterThanOrEqual(57.3)
      expect(p.lat).toBeLessThan(58.9)
      expect(p.lng).toBeGreaterThanOrEqual(11.5)
      expect(p.lng).toBeLessThan(14.1)
    }
  })
})
