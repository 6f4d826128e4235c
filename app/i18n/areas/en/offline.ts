// English messages of the area; the Swedish ones, and the keys, are in ../offline.ts.
import type { Translation } from '../../plural'
import type { sv } from '../offline'

export const en: Translation<typeof sv> = {
  'offline.title': 'Contact list for disrupted conditions',
  'offline.intro':
    "The network's functional contact routes (duty officer, ISK, switchboard, crisis management, communications). The page is saved in the browser when you visit it and can be opened without a network until you sign out. Personal and restricted routes are never saved.",
  'offline.savedAt': 'Fetched {time}.',
  'offline.offlineNotice':
    'You are looking at a saved copy: the portal cannot be reached right now. The details may be out of date.',
  'offline.lastConfirmed': 'Last confirmed: {date}',
  'offline.neverConfirmed': 'Never confirmed',
  'offline.empty': 'The network has no shared functional routes yet.',
  'offline.ready': 'The contact list is saved for use without a network.',
  'offline.meta.title': 'Contact list',
}
