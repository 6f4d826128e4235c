// English messages of the area; the Swedish ones, and the keys, are in ../availability.ts.
import type { Translation } from '../../plural'
import type { sv } from '../availability'

export const en: Translation<typeof sv> = {
  'availability.always': 'Around the clock (24/7)',
  'availability.office_hours': 'Office hours',
  'availability.on_activation': 'On activation',
}
