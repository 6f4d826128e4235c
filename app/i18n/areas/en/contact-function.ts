// English messages of the area; the Swedish ones, and the keys, are in ../contact-function.ts.
import type { Translation } from '../../plural'
import type { sv } from '../contact-function'

export const en: Translation<typeof sv> = {
  'contactFunction.duty_officer': 'Duty officer (TiB)',
  'contactFunction.isk': 'Coordination contact (ISK)',
  'contactFunction.switchboard': 'Switchboard',
  'contactFunction.security_coordinator': 'Security coordinator',
  'contactFunction.crisis_management': 'Crisis management',
  'contactFunction.communications': 'Communications',
  'contactFunction.ceo': 'Head of organisation',
  'contactFunction.other': 'Other',
}
