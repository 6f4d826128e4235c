// English messages of the area; the Swedish ones, and the keys, are in ../event-live.ts.
import type { Translation } from '../../plural'
import type { sv } from '../event-live'

export const en: Translation<typeof sv> = {
  'eventLive.static': 'The page does not update by itself.',
  'eventLive.live': 'Updates automatically · last contact with the server {time}',
  'eventLive.polling': 'Updates every 15 seconds · last contact with the server {time}',
  'eventLive.offline': 'No contact with the server since {time} – the page keeps trying',
  'eventLive.offlineNever': 'No contact with the server – the page keeps trying',
  'eventLive.refresh': 'Refresh',
  'eventLive.announce.live': 'In contact with the server – the page updates automatically',
  'eventLive.announce.polling': 'The page updates every 15 seconds',
  'eventLive.announce.offline': 'No contact with the server – the page keeps trying',
}
