// English messages of the area; the Swedish ones, and the keys, are in ../grant.ts.
import type { Translation } from '../../plural'
import type { sv } from '../grant'

export const en: Translation<typeof sv> = {
  'grant.category.risk_analysis': 'Risk and vulnerability analysis',
  'grant.category.planning': 'Planning',
  'grant.category.cooperation': 'Cooperation',
  'grant.category.training': 'Training',
  'grant.category.exercises': 'Exercises',
  'grant.category.reporting': 'Reporting',
  'grant.category.protective_security': 'Protective security',
  'grant.category.civil_defence': 'Civil defence',
}
