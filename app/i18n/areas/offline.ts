// Messages of the offline contact list, in both languages.
export const sv = {
  'offline.title': 'Kontaktlista för störda förhållanden',
  'offline.intro':
    'Nätverkets funktionsadresser (TiB, ISK, växel, krisledning, kommunikation). Sidan sparas i webbläsaren när du besöker den och går att öppna utan nätverk tills du loggar ut. Personliga och begränsade kontaktvägar sparas aldrig.',
  'offline.savedAt': 'Uppgifterna hämtades {time}.',
  'offline.offlineNotice': 'Du ser en sparad kopia: portalen går inte att nå just nu. Uppgifterna kan vara inaktuella.',
  'offline.lastConfirmed': 'Senast bekräftad: {date}',
  'offline.neverConfirmed': 'Aldrig bekräftad',
  'offline.empty': 'Nätverket har inga delade funktionsadresser ännu.',
  'offline.ready': 'Kontaktlistan är sparad för användning utan nätverk.',
} as const

export const en: Record<keyof typeof sv, string> = {
  'offline.title': 'Contact list for disrupted conditions',
  'offline.intro':
    "The network's functional contact routes (duty officer, ISK, switchboard, crisis management, communications). The page is saved in the browser when you visit it and can be opened without a network until you sign out. Personal and restricted routes are never saved.",
  'offline.savedAt': 'Fetched {time}.',
  'offline.offlineNotice': 'You are looking at a saved copy: the portal cannot be reached right now. The details may be out of date.',
  'offline.lastConfirmed': 'Last confirmed: {date}',
  'offline.neverConfirmed': 'Never confirmed',
  'offline.empty': 'The network has no shared functional routes yet.',
  'offline.ready': 'The contact list is saved for use without a network.',
}
