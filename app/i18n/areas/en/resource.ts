// English messages of the area; the Swedish ones, and the keys, are in ../resource.ts.
import type { Translation } from '../../plural'
import type { sv } from '../resource'

export const en: Translation<typeof sv> = {
  'resource.electricity': 'Electricity',
  'resource.drinking_water': 'Drinking water',
  'resource.district_heating': 'District heating',
  'resource.fuel': 'Fuel',
  'resource.telecom_it': 'Telecom and IT',
  'resource.transport': 'Transport',
  'resource.special_staff': 'Staff with special skills',
  'resource.food': 'Food',
  'resource.other': 'Other',
}
