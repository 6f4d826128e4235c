// Messages of the networks pages, in both languages.
export const sv = {
  'networks.title': 'Nätverk',
  'networks.intro': 'Nätverken som kommunen samverkar i: delregional krissamverkan, lokalt BRÅ, Posom och andra.',
  'networks.members': 'Medlemmar',
  'networks.memberCount': '{count} medlemmar',
  'networks.noMembers': 'Nätverket har inga medlemmar ännu.',
  'networks.coordinator': 'Samordnande organisation',
  'networks.noCoordinator': 'Ingen vald',
  'networks.create': 'Nytt nätverk',
  'networks.created': 'Nätverket är skapat.',
  'networks.edit': 'Ändra nätverkets uppgifter',
  'networks.saved': 'Nätverkets uppgifter är sparade.',
  'networks.conflict':
    'Någon annan har ändrat nätverket medan du redigerade. Dina ändringar är inte sparade men finns kvar i formuläret; de nuvarande värdena visas vid fälten. Spara igen om du vill skriva över dem.',
  'networks.addMember': 'Lägg till medlem',
  'networks.add': 'Lägg till',
  'networks.remove': 'Ta bort {name} ur nätverket',
  'networks.memberAdded': '{name} är tillagd i nätverket.',
  'networks.memberRemoved': '{name} är borttagen ur nätverket.',
  'networks.partOf': 'Ingår i nätverk',
  'networks.none': 'Inga nätverk ännu.',
  'networks.meta.fallback': 'Nätverk',
} as const
