// English messages of the area; the Swedish ones, and the keys, are in ../site-kind.ts.
import type { Translation } from '../../plural'
import type { sv } from '../site-kind'

export const en: Translation<typeof sv> = {
  'siteKind.plant': 'Plant',
  'siteKind.office': 'Office',
  'siteKind.school': 'School',
  'siteKind.care_home': 'Care home',
  'siteKind.reservoir': 'Water tower or reservoir',
  'siteKind.depot': 'Store or depot',
  'siteKind.station': 'Station',
  'siteKind.meeting_point': 'Meeting point',
  'siteKind.other': 'Other',
}
