import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { organisations } from '../../app/db/schema/organisations'
import {
  createOrganisation,
  getOrganisation,
  updateOrganisation,
} from '../../app/modules/organisations/organisations.server'
import { makeUser } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

describe('organisations', () => {
  const db = useTestDatabase()

  const auditOf = (organisationId: string, action?: string) =>
    db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'organisation'),
          eq(auditLog.entityId, organisationId),
          action ? eq(auditLog.action, action) : undefined,
        ),
      )

  async function created() {
    const coordinator = await makeUser(db(), { role: 'coordinator' })
    const organisation = await createOrganisation(db(), {
      actorId: coordinator.id,
      name: 'Solör Bioenergi i Vårgårda AB',
      kind: 'energy',
      description: 'Fjärrvärme',
    })
    return { coordinator, organisation }
  }

  it('creates an organisation and audits every field as new', async () => {
    const { coordinator, organisation } = await created()
    expect(organisation).toMatchObject({ name: 'Solör Bioenergi i Vårgårda AB', kind: 'energy', version: 1 })
    expect(await getOrganisation(db(), organisation.id)).toMatchObject({ name: 'Solör Bioenergi i Vårgårda AB' })

    expect(await auditOf(organisation.id)).toMatchObject([
      {
        userId: coordinator.id,
        organisationId: organisation.id,
        action: 'create',
        changes: {
          name: { before: null, after: 'Solör Bioenergi i Vårgårda AB' },
          kind: { before: null, after: 'energy' },
          description: { before: null, after: 'Fjärrvärme' },
        },
      },
    ])
  })

  it('updates over the current version and audits only the changed fields', async () => {
    const { organisation } = await created()
    const editor = await makeUser(db(), { role: 'partner_editor', organisationId: organisation.id })

    const result = await updateOrganisation(db(), {
      actorId: editor.id,
      id: organisation.id,
      version: 1,
      name: 'Solör Bioenergi AB',
      kind: 'energy',
      description: 'Fjärrvärme och ånga',
    })
    expect(result.ok).toBe(true)
    expect(await getOrganisation(db(), organisation.id)).toMatchObject({
      name: 'Solör Bioenergi AB',
      description: 'Fjärrvärme och ånga',
      version: 2,
    })

    const [entry] = await auditOf(organisation.id, 'update')
    expect(entry).toMatchObject({ userId: editor.id, organisationId: organisation.id })
    expect(entry!.changes).toEqual({
      name: { before: 'Solör Bioenergi i Vårgårda AB', after: 'Solör Bioenergi AB' },
      description: { before: 'Fjärrvärme', after: 'Fjärrvärme och ånga' },
    })
  })

  it('returns a stale version as a conflict with the current record and changes nothing', async () => {
    const { coordinator, organisation } = await created()
    const first = await updateOrganisation(db(), {
      actorId: coordinator.id,
      id: organisation.id,
      version: 1,
      name: 'Namn från första fliken',
      kind: 'energy',
      description: 'Fjärrvärme',
    })
    expect(first.ok).toBe(true)
    const [current] = await db().select().from(organisations).where(eq(organisations.id, organisation.id))

    const stale = await updateOrganisation(db(), {
      actorId: coordinator.id,
      id: organisation.id,
      version: 1,
      name: 'Namn från andra fliken',
      kind: 'company',
      description: 'Skrivet över',
    })
    expect(stale).toEqual({ ok: false, error: 'conflict', current })
    expect(current).toMatchObject({ name: 'Namn från första fliken', version: 2 })

    expect(await getOrganisation(db(), organisation.id)).toEqual(current)
    expect(await auditOf(organisation.id, 'update')).toHaveLength(1)
  })

  it('answers notFound for an unknown id', async () => {
    const coordinator = await makeUser(db(), { role: 'coordinator' })
    expect(
      await updateOrganisation(db(), {
        actorId: coordinator.id,
        id: '00000000-0000-4000-8000-000000000000',
        version: 1,
        name: 'Finns inte',
        kind: 'other',
        description: '',
      }),
    ).toEqual({ ok: false, error: 'notFound' })
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'update'))).toEqual([])
  })

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const { coordinator, organisation } = await created()
    const editor = await makeUser(db(), { role: 'partner_editor', organisationId: organisation.id })
    const save = (actorId: string, name: string) =>
      updateOrganisation(db(), {
        actorId,
        id: organisation.id,
        version: 1,
        name,
        kind: 'energy',
        description: 'Fjärrvärme',
      })

    const results = await Promise.all([save(coordinator.id, 'Vinnare A'), save(editor.id, 'Vinnare B')])

    const winners = results.filter((result) => result.ok)
    const losers = results.filter((result) => !result.ok)
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(1)
    expect(losers[0]).toMatchObject({ ok: false, error: 'conflict', current: { version: 2 } })

    const after = await getOrganisation(db(), organisation.id)
    expect(after!.version).toBe(2)
    const updates = await auditOf(organisation.id, 'update')
    expect(updates).toHaveLength(1)
    // The one audit entry describes the save that actually landed.
    expect(updates[0]!.changes).toEqual({ name: { before: 'Solör Bioenergi i Vårgårda AB', after: after!.name } })
    expect(updates[0]!.userId).toBe(after!.name === 'Vinnare A' ? coordinator.id : editor.id)
  })
})
