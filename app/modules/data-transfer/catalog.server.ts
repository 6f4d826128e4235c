import { sql, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'

// What a logical dump needs to know about the database, read from the
// catalog rather than from the drizzle schema: tables made by hand-written
// migrations (and their triggers and sequences) belong to the backup too.

export interface ColumnInfo {
  name: string
  /** As `format_type` gives it, ready for a cast: `timestamp with time zone`, `text[]`, an enum's name. */
  type: string
}

export interface TableInfo {
  name: string
  columns: ColumnInfo[]
  /** Primary-key columns, or every column for a table without one: the dump's row order. */
  orderBy: string[]
  primaryKey: string[]
  /** Columns that reference this same table (a parent id): filled in after all rows are in. */
  selfReferences: string[]
  /** Tables this one references (itself left out). */
  references: string[]
  hasUserTriggers: boolean
}

export interface SequenceInfo {
  name: string
}

/** Runs a query and returns its rows, whichever driver answers (postgres.js gives an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] }
  return Array.isArray(result) ? result : result.rows
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The ordinary tables of the public schema, parents before the tables that reference them. */
export async function readTables(db: Executor): Promise<TableInfo[]> {
  const columns = await queryRows<{ table: string; name: string; type: string }>(
    db,
    sql`select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  )
  const keys = await queryRows<{ table: string; name: string }>(
    db,
    sql`select c.relname as "table", a.attname as name
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where n.nspname = 'public' and i.indisprimary
        order by c.relname, k.position`,
  )
  const foreignKeys = await queryRows<{ table: string; target: string; columns: string[] | string }>(
    db,
    sql`select c.relname as "table", t.relname as target,
               array(select a.attname from unnest(f.conkey) as k(attnum)
                     join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum)::text[] as columns
        from pg_constraint f
        join pg_class c on c.oid = f.conrelid
        join pg_class t on t.oid = f.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and f.contype = 'f'`,
  )
  const triggers = await queryRows<{ table: string }>(
    db,
    sql`select distinct c.relname as "table"
        from pg_trigger g
        join pg_class c on c.oid = g.tgrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not g.tgisinternal`,
  )

  const tables = new Map<string, TableInfo>()
  for (const column of columns) {
    let table = tables.get(column.table)
    if (!table) {
      table = {
        name: column.table,
        columns: [],
        orderBy: [],
        primaryKey: [],
        selfReferences: [],
        references: [],
        hasUserTriggers: false,
      }
      tables.set(column.table, table)
    }
    table.columns.push({ name: column.name, type: column.type })
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.name)
  for (const foreignKey of foreignKeys) {
    const table = tables.get(foreignKey.table)
    if (!table) continue
    if (foreignKey.target === foreignKey.table) table.selfReferences.push(...textArray(foreignKey.columns))
    else if (!table.references.includes(foreignKey.target)) table.references.push(foreignKey.target)
  }
  for (const trigger of triggers) {
    const table = tables.get(trigger.table)
    if (table) table.hasUserTriggers = true
  }
  for (const table of tables.values()) {
    table.orderBy = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((column) => column.name)
  }
  return dependencyOrder([...tables.values()])
}

/** A driver may hand a text[] over as its literal, `{a,b}`. */
function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
    .map((item) => item.replace(/^"|"$/g, ''))
}

/**
 * Parents first. References between different tables that form a cycle
 * cannot be ordered; the schema has none, and a dump that meets one says so.
 */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]))
  const ordered: TableInfo[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (table: TableInfo, path: string[]) => {
    if (state.get(table.name) === 'done') return
    if (state.get(table.name) === 'visiting') {
      throw new Error(`Tabellerna refererar till varandra i en cirkel: ${[...path, table.name].join(' → ')}`)
    }
    state.set(table.name, 'visiting')
    for (const reference of [...table.references].sort()) {
      const parent = byName.get(reference)
      if (parent) visit(parent, [...path, table.name])
    }
    state.set(table.name, 'done')
    ordered.push(table)
  }
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, [])
  return ordered
}

/** Sequences of the public schema (serial and identity columns), by name. */
export async function readSequences(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  )
  return rows.map((row) => row.name)
}

export interface MigrationPosition {
  /** How many migrations are applied. */
  count: number
  /** The last one's hash and its journal time (`when` in drizzle/meta/_journal.json). */
  hash: string | null
  createdAt: string | null
}

/** Where the database stands in drizzle's migration journal. */
export async function readMigrationPosition(db: Executor): Promise<MigrationPosition> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  )
  if (!exists?.present) return { count: 0, hash: null, createdAt: null }
  const [row] = await queryRows<{ count: number | string; hash: string | null; created_at: string | null }>(
    db,
    sql`select (select count(*) from drizzle.__drizzle_migrations)::int as count, last.hash, last.created_at::text as created_at
        from (select 1) as one
        left join lateral (select hash, created_at from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1) as last on true`,
  )
  return { count: Number(row?.count ?? 0), hash: row?.hash ?? null, createdAt: row?.created_at ?? null }
}

/** Settings under which every value's text form reads back exactly. */
export async function useCanonicalText(db: Executor): Promise<void> {
  await db.execute(sql`set local timezone = 'UTC'`)
  await db.execute(sql`set local datestyle = 'ISO, YMD'`)
  await db.execute(sql`set local intervalstyle = 'postgres'`)
  await db.execute(sql`set local extra_float_digits = 3`)
}
