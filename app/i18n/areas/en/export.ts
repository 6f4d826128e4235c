// English messages of the area; the Swedish ones, and the keys, are in ../export.ts.
import type { Translation } from '../../plural'
import type { sv } from '../export'

export const en: Translation<typeof sv> = {
  'export.printTitle': 'Contact list',
  'export.printedAt': 'Printed {date}',
  'export.selection': 'Selection: {selection}',
  'export.selectionAll': 'all organisations',
  'export.selectionQuery': 'search “{query}”',
  'export.selectionKind': 'kind of organisation: {kind}',
  'export.selectionSector': 'sector: {sector}',
  'export.selectionNetwork': 'network: {network}',
  'export.print': 'Print',
  'export.back': 'Back to the directory',
  'export.count': '{count} organisations.',
  'export.truncated':
    'The list shows the first {shown} of {total} organisations. Narrow the selection with a search or filters to include the rest.',
  'export.empty': 'No organisations match the selection.',
  'export.noRoutes': 'No contact routes that you may see.',
  'export.lastConfirmed': 'Last confirmed: {date}',
  'export.never': 'never confirmed',
  'export.routesOf': 'Contact routes of {organisation}',
  'export.crisisMark': 'ISK or around the clock',
  'export.restrictedNote': 'Restricted: may be passed on only to the coordinator and the own organisation.',
  'export.col.organisation': 'Organisation',
  'export.col.kind': 'Kind of organisation',
  'export.col.confirmed': 'Last confirmed',
  'export.col.function': 'Function',
  'export.col.channel': 'Channel',
  'export.col.value': 'Contact route',
  'export.col.label': 'Description',
  'export.col.availability': 'Availability',
  'export.col.callOrder': 'Order',
  'export.col.visibility': 'Visibility',
}
