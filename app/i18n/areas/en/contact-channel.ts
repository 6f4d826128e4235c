// English messages of the area; the Swedish ones, and the keys, are in ../contact-channel.ts.
import type { Translation } from '../../plural'
import type { sv } from '../contact-channel'

export const en: Translation<typeof sv> = {
  'contactChannel.phone': 'Phone',
  'contactChannel.mobile': 'Mobile',
  'contactChannel.email': 'E-mail',
  'contactChannel.rakel': 'Rakel talk group',
  'contactChannel.satellite_phone': 'Satellite phone',
  'contactChannel.radio': 'Radio',
  'contactChannel.meeting_point': 'Physical meeting point',
}
