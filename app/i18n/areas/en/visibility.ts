// English messages of the area; the Swedish ones, and the keys, are in ../visibility.ts.
import type { Translation } from '../../plural'
import type { sv } from '../visibility'

export const en: Translation<typeof sv> = {
  'visibility.network': 'The whole network',
  'visibility.restricted': 'Only the coordinator and the own organisation',
}
