import type { Translate } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { ContactRouteFields } from './contact-route-values'
import { swedishDate } from './directory-filters'

/**
 * CSV that Swedish Excel opens as it should: UTF-8 with a byte order mark
 * (without it Excel reads the file as Windows-1252 and å, ä, ö break), ';' as
 * the separator (Swedish Excel's list separator, because ',' is the decimal
 * comma), CRLF line ends and every field quoted with inner quotes doubled
 * (RFC 4180), so a label with ';', a quote or a line break stays one field.
 */
export const CSV_BOM = '\uFEFF'
export const CSV_SEPARATOR = ';'
const CRLF = '\r\n'

/**
 * Guards against formula injection (a cell that Excel or LibreOffice would
 * run as a formula). A value starting with '=' or '@', or with a tab or a
 * carriage return, always gets a leading apostrophe. A value starting with
 * '+' or '-' gets one too, unless it is a phone number (digits, spaces and
 * - ( ) . only): "+46 31-390 06 05" must stay readable and dialable, and a
 * value of only those characters cannot call a function or another program.
 * Quoting alone does not protect: spreadsheets strip the quotes before they
 * decide whether a cell is a formula. See docs/decisions/007-directory-search-and-exports.md.
 */
export function guardFormula(value: string): string {
  if (/^[=@\t\r]/.test(value)) return `'${value}`
  if (/^[+-]/.test(value) && !/^[+-][\d\s().-]*$/.test(value)) return `'${value}`
  return value
}

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : guardFormula(String(value))
  return `"${text.replace(/"/g, '""')}"`
}

/** A whole file: BOM, a header row and the rows, each line ended by CRLF. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR))
  return CSV_BOM + lines.map((line) => line + CRLF).join('')
}

/** What the contact directory export needs of an organisation and its routes. */
export type ExportRoute = ContactRouteFields

export interface ExportOrganisation {
  id: string
  name: string
  kind: string
  confirmedAt: Date | string | null
  visitingAddress: string
  website: string
  /** In crisis order: ISK first, then the routes that answer around the clock. */
  routes: ExportRoute[]
}

const columns = [
  'export.col.organisation',
  'export.col.kind',
  'export.col.confirmed',
  'export.col.function',
  'export.col.channel',
  'export.col.value',
  'export.col.label',
  'export.col.availability',
  'export.col.callOrder',
  'export.col.visibility',
] as const satisfies readonly MessageKey[]

/** "Last confirmed" as a date Excel sorts, or the words for never. */
export function confirmedText(t: Translate, confirmedAt: Date | string | null): string {
  return confirmedAt ? swedishDate(confirmedAt) : t('export.never')
}

/**
 * The contact directory, one row per contact route in crisis order, and one
 * row with empty route columns for an organisation without a route the
 * reader may see, so that it is not silently missing from the list.
 */
export function contactDirectoryCsv(t: Translate, organisations: ExportOrganisation[]): string {
  const rows = organisations.flatMap((organisation) => {
    const first = [
      organisation.name,
      t(`kind.${organisation.kind}` as MessageKey),
      confirmedText(t, organisation.confirmedAt),
    ]
    if (organisation.routes.length === 0) return [[...first, '', '', '', '', '', '', '']]
    return organisation.routes.map((route) => [
      ...first,
      t(`contactFunction.${route.function}` as MessageKey),
      t(`contactChannel.${route.channel}` as MessageKey),
      route.value,
      route.label,
      t(`availability.${route.availability}` as MessageKey),
      route.callOrder,
      t(`visibility.${route.visibility}` as MessageKey),
    ])
  })
  return toCsv(
    columns.map((key) => t(key)),
    rows,
  )
}
