import { z } from 'zod'
import {
  availabilities,
  contactChannels,
  contactFunctions,
  organisationKinds,
  visibilities,
  type Availability,
  type ContactChannel,
  type ContactFunction,
  type OrganisationKind,
  type Visibility,
} from '~/db/enums'
import { en } from '~/i18n/en'
import { sv, type MessageKey } from '~/i18n/sv'
import { requiredText } from '~/modules/forms/fields'
import { ContactRouteSchema, contactValueIssue } from '~/modules/contacts/contact-route-form'
import { isPhoneChannel } from '~/modules/contacts/contact-route-values'
import { phoneDigits, swedishNationalDigits } from '~/modules/text/phone'
import { parseCsv } from './csv'

// The import file: one row per contact route of an organisation (or an
// organisation alone), with Swedish column names. Parsing and checking are
// plain functions; the database work is in import.server.ts.

export const MAX_IMPORT_ROWS = 5000

export const importColumns = [
  'organisation',
  'kind',
  'function',
  'channel',
  'value',
  'availability',
  'callOrder',
  'visibility',
  'label',
] as const
export type ImportColumn = (typeof importColumns)[number]

/** The column names of the template, in its order. */
export const columnNames: Record<ImportColumn, string> = {
  organisation: 'organisation',
  kind: 'typ',
  function: 'funktion',
  channel: 'kanal',
  value: 'värde',
  availability: 'tillgänglighet',
  callOrder: 'ordning',
  visibility: 'synlighet',
  label: 'etikett',
}

const columnAliases: Record<ImportColumn, string[]> = {
  organisation: ['organisation', 'organisationens namn', 'namn', 'aktör', 'organization'],
  kind: ['typ', 'organisationstyp', 'typ av organisation', 'kind'],
  function: ['funktion', 'function'],
  channel: ['kanal', 'channel'],
  value: ['värde', 'nummer', 'value'],
  availability: ['tillgänglighet', 'availability'],
  callOrder: ['ordning', 'samtalsordning', 'callorder', 'call order', 'call_order'],
  visibility: ['synlighet', 'visibility'],
  label: ['etikett', 'förklaring', 'label'],
}

/** Lower case, no accents, one kind of dash and single spaces: "Växel" and "vaxel" are the same word. */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim()
}

const columnByName = new Map<string, ImportColumn>(
  importColumns.flatMap((column) => columnAliases[column].map((alias) => [normaliseWord(alias), column] as const)),
)

/**
 * Every spelling accepted for a value of a fixed list: the code, the Swedish
 * and English labels of the portal, and the short words people write.
 */
function lookupFor<T extends string>(
  values: readonly T[],
  prefix: string,
  aliases: Record<string, T> = {},
): (text: string) => T | null {
  const table = new Map<string, T>()
  for (const value of values) {
    table.set(normaliseWord(value), value)
    for (const catalogue of [sv, en] as Record<string, unknown>[]) {
      const label = catalogue[`${prefix}.${value}`]
      if (typeof label === 'string' && label) table.set(normaliseWord(label), value)
    }
  }
  for (const [alias, value] of Object.entries(aliases)) table.set(normaliseWord(alias), value)
  return (text) => table.get(normaliseWord(text)) ?? null
}

const lookups = {
  kind: lookupFor<OrganisationKind>(organisationKinds, 'kind', { företag: 'company', bolag: 'company', frivillig: 'voluntary' }),
  function: lookupFor<ContactFunction>(contactFunctions, 'contactFunction', {
    tib: 'duty_officer',
    'tjänsteperson i beredskap': 'duty_officer',
    'inriktnings- och samordningskontakt': 'isk',
    vd: 'ceo',
  }),
  channel: lookupFor<ContactChannel>(contactChannels, 'contactChannel', {
    mobil: 'mobile',
    epost: 'email',
    mejl: 'email',
    rakel: 'rakel',
    satellit: 'satellite_phone',
    mötesplats: 'meeting_point',
  }),
  availability: lookupFor<Availability>(availabilities, 'availability', {
    '24/7': 'always',
    'dygnet runt': 'always',
    dygnetrunt: 'always',
  }),
  visibility: lookupFor<Visibility>(visibilities, 'visibility', {
    nätverket: 'network',
    alla: 'network',
    begränsad: 'restricted',
    skyddad: 'restricted',
  }),
}

export type LabelledColumn = keyof typeof lookups

/** The codes of a labelled column, for the message listing what is allowed. */
export const labelledValues: Record<LabelledColumn, { prefix: string; values: readonly string[] }> = {
  kind: { prefix: 'kind', values: organisationKinds },
  function: { prefix: 'contactFunction', values: contactFunctions },
  channel: { prefix: 'contactChannel', values: contactChannels },
  availability: { prefix: 'availability', values: availabilities },
  visibility: { prefix: 'visibility', values: visibilities },
}

export interface ImportRouteFields {
  function: ContactFunction
  channel: ContactChannel
  value: string
  label: string
  availability: Availability
  callOrder: number
  visibility: Visibility
}

/** A checked row: what is stored between preview and confirmation. */
export interface ImportRow {
  line: number
  organisation: string
  kind: OrganisationKind | null
  route: ImportRouteFields | null
}

export interface ImportIssue {
  /** null: the row as a whole. */
  column: ImportColumn | null
  /** An i18n key. */
  message: string
}

export type RawRow = Record<ImportColumn, string>

const routeColumns = ['function', 'channel', 'value', 'availability', 'callOrder', 'visibility', 'label'] as const

function labelled<T extends string>(column: LabelledColumn, lookup: (text: string) => T | null, raw: string, ctx: z.RefinementCtx): T | null {
  if (raw === '') return null
  const value = lookup(raw)
  if (value === null) ctx.addIssue({ code: 'custom', path: [column], message: 'import.error.unknownValue' })
  return value
}

/**
 * One row of the file, from its text fields to a contact route the portal
 * accepts: labels become codes, and the route passes the same schema as the
 * contact-route form. A row without any contact-route field is an
 * organisation alone. A personal mobile must never be shown network-wide, so a
 * mobile number without a stated visibility is restricted.
 */
const organisationName = requiredText(200)

export const ImportRowSchema = z
  .object({
    organisation: z.string().trim(),
    kind: z.string().trim(),
    function: z.string().trim(),
    channel: z.string().trim(),
    value: z.string().trim(),
    availability: z.string().trim(),
    callOrder: z.string().trim(),
    visibility: z.string().trim(),
    label: z.string().trim(),
  })
  .transform((raw, ctx): Omit<ImportRow, 'line'> => {
    // Checked here, not in the object, so that a row with no name still gets all its other messages.
    const name = organisationName.safeParse(raw.organisation)
    if (!name.success) ctx.addIssue({ code: 'custom', path: ['organisation'], message: name.error.issues[0]!.message })
    const kind = labelled('kind', lookups.kind, raw.kind, ctx)
    if (routeColumns.every((column) => raw[column] === '')) return { organisation: raw.organisation, kind, route: null }
    const fn = labelled('function', lookups.function, raw.function, ctx)
    const channel = labelled('channel', lookups.channel, raw.channel, ctx)
    const availability = labelled('availability', lookups.availability, raw.availability, ctx)
    const visibility = labelled('visibility', lookups.visibility, raw.visibility, ctx)
    for (const column of ['function', 'channel', 'availability'] as const) {
      if (raw[column] === '') ctx.addIssue({ code: 'custom', path: [column], message: 'import.error.missing' })
    }
    const candidate = {
      function: fn ?? '',
      channel: channel ?? '',
      value: raw.value,
      label: raw.label,
      availability: availability ?? '',
      callOrder: raw.callOrder === '' ? '1' : raw.callOrder,
      visibility: visibility ?? (channel === 'mobile' ? 'restricted' : 'network'),
    }
    const route = ContactRouteSchema.safeParse(candidate)
    if (!route.success) {
      for (const issue of route.error.issues) {
        const column = issue.path[0] as LabelledColumn | 'value' | 'label' | 'callOrder'
        // A wrong or missing label already has its message.
        if (column in lookups && (raw[column] === '' || candidate[column as keyof typeof candidate] === '')) continue
        ctx.addIssue({ ...issue, code: 'custom', path: [column] })
      }
      // The schema checks the value against the channel only when the rest is fine; every message shows at once.
      const valueIssue = route.error.issues.some((issue) => issue.path[0] === 'value') ? null : contactValueIssue(channel ?? undefined, raw.value)
      if (valueIssue) ctx.addIssue({ code: 'custom', path: ['value'], message: valueIssue })
      return z.NEVER
    }
    return { organisation: raw.organisation, kind, route: route.data }
  })

export function checkRow(line: number, raw: RawRow): { row: ImportRow; issues: [] } | { row: null; issues: ImportIssue[] } {
  const parsed = ImportRowSchema.safeParse(raw)
  if (parsed.success) return { row: { line, ...parsed.data }, issues: [] }
  const issues: ImportIssue[] = []
  for (const issue of parsed.error.issues) {
    const column = (issue.path[0] as ImportColumn | undefined) ?? null
    if (!issues.some((known) => known.column === column)) issues.push({ column, message: issue.message })
  }
  return { row: null, issues }
}

export interface FileIssue {
  message: MessageKey
  vars?: Record<string, string | number>
}

export interface CheckedRow {
  line: number
  raw: RawRow
  row: ImportRow | null
  issues: ImportIssue[]
}

export type CheckedFile = { ok: true; rows: CheckedRow[] } | { ok: false; issues: FileIssue[] }

function mapHeader(fields: string[]): { columns: (ImportColumn | null)[]; issues: FileIssue[] } {
  const issues: FileIssue[] = []
  const seen = new Set<ImportColumn>()
  const columns = fields.map((name) => {
    if (name.trim() === '') return null
    const column = columnByName.get(normaliseWord(name)) ?? null
    if (column === null) issues.push({ message: 'import.error.unknownColumn', vars: { name: name.trim() } })
    else if (seen.has(column)) issues.push({ message: 'import.error.duplicateColumn', vars: { name: name.trim() } })
    else seen.add(column)
    return column
  })
  if (!seen.has('organisation')) issues.unshift({ message: 'import.error.noHeader', vars: { name: columnNames.organisation } })
  return { columns, issues }
}

/** Reads and checks a whole file: problems of the file as such, or every row with its own problems. */
export function checkImportText(text: string, maxRows = MAX_IMPORT_ROWS): CheckedFile {
  const csv = parseCsv(text)
  if (!csv.ok) return { ok: false, issues: [{ message: 'import.error.unterminatedQuote', vars: { line: csv.line } }] }
  const [header, ...records] = csv.records
  if (!header) return { ok: false, issues: [{ message: 'import.error.empty' }] }
  const { columns, issues } = mapHeader(header.fields)
  if (issues.length > 0) return { ok: false, issues }
  if (records.length === 0) return { ok: false, issues: [{ message: 'import.error.noRows' }] }
  if (records.length > maxRows) {
    return { ok: false, issues: [{ message: 'import.error.tooManyRows', vars: { max: maxRows, count: records.length } }] }
  }
  const rows = records.map((record): CheckedRow => {
    const raw = Object.fromEntries(importColumns.map((column) => [column, ''])) as RawRow
    let extra = false
    record.fields.forEach((value, index) => {
      const column = columns[index]
      if (column) raw[column] = value.trim()
      else if (value.trim() !== '') extra = true
    })
    const checked = checkRow(record.line, raw)
    const rowIssues: ImportIssue[] = extra ? [{ column: null, message: 'import.error.extraFields' }, ...checked.issues] : checked.issues
    return { line: record.line, raw, row: rowIssues.length === 0 ? checked.row : null, issues: rowIssues }
  })
  return { ok: true, rows }
}

/** The name as organisations are matched: exact, but regardless of case and surrounding spaces. */
export function organisationKey(name: string): string {
  return name.trim().toLocaleLowerCase('sv-SE')
}

/** Two routes are the same when organisation, function, channel and value agree (a number by its digits). */
export function routeKey(organisationKey: string, route: Pick<ImportRouteFields, 'function' | 'channel' | 'value'>): string {
  const value = isPhoneChannel(route.channel)
    ? (swedishNationalDigits(route.value) ?? phoneDigits(route.value))
    : normaliseWord(route.value)
  return [organisationKey, route.function, route.channel, value].join('\u0000')
}

export interface ExistingOrganisation {
  id: string
  name: string
  kind: OrganisationKind
}

export interface PlannedRow {
  line: number
  /** The existing organisation's id, or null when the row creates it. */
  organisationId: string | null
  /** The name as it will read: the existing one's, or the first spelling in the file. */
  organisationName: string
  organisationIsNew: boolean
  /** 'new': the route will be added; 'duplicate': it exists already (or earlier in the file) and is left out. */
  routeStatus: 'new' | 'duplicate' | 'none'
  issues: ImportIssue[]
}

export interface ImportPlan {
  rows: PlannedRow[]
  newOrganisations: { key: string; name: string; kind: OrganisationKind }[]
  newRoutes: number
  duplicates: number
  rowsWithIssues: number
}

/**
 * What writing the rows would do, given the organisations (and their
 * contact-route keys) already in the portal. A new organisation needs a type
 * on at least one of its rows, and all its rows must agree on it.
 */
export function planImport(
  rows: ImportRow[],
  existing: { byKey: Map<string, ExistingOrganisation[]>; routeKeys: Set<string> },
): ImportPlan {
  const created = new Map<string, { name: string; kind: OrganisationKind | null; firstLine: number }>()
  for (const row of rows) {
    const key = organisationKey(row.organisation)
    if (existing.byKey.has(key)) continue
    const known = created.get(key)
    if (!known) created.set(key, { name: row.organisation.trim(), kind: row.kind, firstLine: row.line })
    else if (known.kind === null && row.kind !== null) known.kind = row.kind
  }
  const seenRoutes = new Set(existing.routeKeys)
  const planned = rows.map((row): PlannedRow => {
    const key = organisationKey(row.organisation)
    const matches = existing.byKey.get(key) ?? []
    const issues: ImportIssue[] = []
    if (matches.length > 1) issues.push({ column: 'organisation', message: 'import.error.ambiguousOrganisation' })
    const newOrganisation = created.get(key)
    if (newOrganisation) {
      if (newOrganisation.kind === null && row.line === newOrganisation.firstLine)
        issues.push({ column: 'kind', message: 'import.error.kindNeeded' })
      else if (row.kind !== null && newOrganisation.kind !== null && row.kind !== newOrganisation.kind)
        issues.push({ column: 'kind', message: 'import.error.kindConflict' })
    }
    let routeStatus: PlannedRow['routeStatus'] = 'none'
    if (row.route) {
      const routeId = routeKey(key, row.route)
      routeStatus = seenRoutes.has(routeId) ? 'duplicate' : 'new'
      seenRoutes.add(routeId)
    }
    return {
      line: row.line,
      organisationId: matches.length === 1 ? matches[0]!.id : null,
      organisationName: matches.length === 1 ? matches[0]!.name : (newOrganisation?.name ?? row.organisation),
      organisationIsNew: newOrganisation !== undefined,
      routeStatus,
      issues,
    }
  })
  return {
    rows: planned,
    newOrganisations: [...created.entries()]
      .filter(([, organisation]) => organisation.kind !== null)
      .map(([key, organisation]) => ({ key, name: organisation.name, kind: organisation.kind! })),
    newRoutes: planned.filter((row) => row.routeStatus === 'new').length,
    duplicates: planned.filter((row) => row.routeStatus === 'duplicate').length,
    rowsWithIssues: planned.filter((row) => row.issues.length > 0).length,
  }
}

/** The template's rows: the header and two examples with fictional numbers (PTS's ranges for fiction). */
export function templateRows(): string[][] {
  return [
    importColumns.map((column) => columnNames[column]),
    ['Vårgårda Vatten AB', 'Vatten', 'ISK', 'Mobiltelefon', '070-174 06 50', 'Dygnet runt (24/7)', '1', 'Hela nätverket', 'Jourhavande ingenjör'],
    ['Vårgårda Vatten AB', 'Vatten', 'Växel', 'Telefon', '031-390 06 50', 'Kontorstid', '2', 'Hela nätverket', 'Växel vardagar 8–16'],
  ]
}
