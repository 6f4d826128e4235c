import type { Database, Transaction } from '~/db/client.server'
import { recordAudit, type AuditInput } from '~/modules/audit/audit.server'

export type SaveResult<R> =
  | { ok: true; record: R }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'conflict'; current: R }

/**
 * The one way an editable record is changed: lock the row, compare the version
 * the form was loaded with, write, and audit in the same transaction. A stale
 * version is a conflict that returns the current record and writes nothing; a
 * save that changed no audited field writes no audit entry (recordAudit).
 */
export async function updateVersioned<R extends { version: number }>(
  db: Database,
  options: {
    expectedVersion: number
    load: (tx: Transaction) => Promise<R | undefined>
    write: (tx: Transaction, before: R) => Promise<R>
    audit: (before: R, after: R) => AuditInput
  },
): Promise<SaveResult<R>> {
  return db.transaction(async (tx) => {
    const before = await options.load(tx)
    if (!before) return { ok: false as const, error: 'notFound' as const }
    if (before.version !== options.expectedVersion) return { ok: false as const, error: 'conflict' as const, current: before }
    const after = await options.write(tx, before)
    await recordAudit(tx, options.audit(before, after))
    return { ok: true as const, record: after }
  })
}

export type DeleteResult<R> = { ok: true } | { ok: false; error: 'notFound' } | { ok: false; error: 'conflict'; current: R }

export async function deleteVersioned<R extends { version: number }>(
  db: Database,
  options: {
    expectedVersion: number
    load: (tx: Transaction) => Promise<R | undefined>
    remove: (tx: Transaction, before: R) => Promise<void>
    audit: (before: R) => AuditInput
  },
): Promise<DeleteResult<R>> {
  return db.transaction(async (tx) => {
    const before = await options.load(tx)
    if (!before) return { ok: false as const, error: 'notFound' as const }
    if (before.version !== options.expectedVersion) return { ok: false as const, error: 'conflict' as const, current: before }
    await options.remove(tx, before)
    await recordAudit(tx, options.audit(before))
    return { ok: true as const }
  })
}

export async function createAudited<R>(
  db: Database,
  options: { write: (tx: Transaction) => Promise<R>; audit: (created: R) => AuditInput },
): Promise<R> {
  return db.transaction(async (tx) => {
    const created = await options.write(tx)
    await recordAudit(tx, options.audit(created))
    return created
  })
}
