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
  'offline.meta.title': 'Kontaktlista',
} as const
