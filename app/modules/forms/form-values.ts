/**
 * The text a form sent, by field name: the first value of a field sent more
 * than once, and no files.
 */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    // `in` also passes over names every object answers to (`__proto__`, `constructor`): no form of ours uses them.
    if (typeof value === 'string' && !(key in values)) values[key] = value
  }
  return values
}

/** The name of one field of a repeated row: `services[2].status`. */
export function indexedName(prefix: string, index: number, field: string): string {
  return `${prefix}[${index}].${field}`
}

export interface IndexedRow<F extends string> {
  index: number
  /** Every text sent for each field, in the order sent; empty for a field the row did not send. */
  values: Record<F, string[]>
}

/**
 * The rows of a form that repeats its fields per row (`indexedName`), in the
 * order of their indexes. Fields not named in `fields`, files and indexes from
 * `max` on are passed over, so a post makes no more rows than the form has room for.
 */
export function indexedRows<F extends string>(
  formData: FormData,
  prefix: string,
  fields: readonly F[],
  max: number,
): IndexedRow<F>[] {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`^${escaped}\\[(\\d{1,${String(max).length}})\\]\\.(.+)$`)
  const rows = new Map<number, Record<F, string[]>>()
  for (const [key, value] of formData.entries()) {
    const match = pattern.exec(key)
    if (!match || typeof value !== 'string') continue
    const index = Number(match[1])
    const field = fields.find((name) => name === match[2])
    if (index >= max || field === undefined) continue
    const row =
      rows.get(index) ?? (Object.fromEntries(fields.map((name) => [name, [] as string[]])) as Record<F, string[]>)
    row[field].push(value)
    rows.set(index, row)
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([index, values]) => ({ index, values }))
}
