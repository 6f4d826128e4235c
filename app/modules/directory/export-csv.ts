import type { OrganisationKind } from '~/db/enums'
import type { Translate } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { toCsv } from '~/modules/text/csv'
import { contactValueText, type ContactRouteFields } from '~/modules/contacts/contact-route-values'
import { swedishDate } from './directory-filters'

/** What the contact directory export needs of an organisation and its routes. */
export type ExportRoute = ContactRouteFields

export interface ExportOrganisation {
  id: string
  name: string
  kind: OrganisationKind
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
      t(`kind.${organisation.kind}`),
      confirmedText(t, organisation.confirmedAt),
    ]
    if (organisation.routes.length === 0) return [[...first, '', '', '', '', '', '', '']]
    return organisation.routes.map((route) => [
      ...first,
      t(`contactFunction.${route.function}`),
      t(`contactChannel.${route.channel}`),
      contactValueText(route),
      route.label,
      t(`availability.${route.availability}`),
      route.callOrder,
      t(`visibility.${route.visibility}`),
    ])
  })
  return toCsv([columns.map((key) => t(key)), ...rows])
}
