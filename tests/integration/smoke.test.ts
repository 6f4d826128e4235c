import { describe, expect, it } from 'vitest'
import { organisations } from '../../app/db/schema/organisations'
import { makeOrganisation } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

describe('test database', () => {
  const db = useTestDatabase()

  it('starts empty and migrated, and each test gets its own', async () => {
    expect(await db().select().from(organisations)).toEqual([])
    await makeOrganisation(db(), { name: 'Vårgårda kommun' })
    expect(await db().select().from(organisations)).toHaveLength(1)
  })

  it('does not see the rows of the previous test', async () => {
    expect(await db().select().from(organisations)).toEqual([])
  })
})
