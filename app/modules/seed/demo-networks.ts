// The networks of the source document, by the keys of demo-network.ts.
export const demoNetworks = [
  {
    name: 'Krissamverkan Sjuhärad',
    description:
      'Delregionalt nätverk som träffas årligen för samverkan i krishanteringsfrågor, med temadagar och studiebesök. Senaste tema: storskaligt elavbrott med dricksvattenstörning.',
    coordinator: 'sjuharad',
    members: ['vargarda', 'bollebygd', 'boras', 'herrljunga', 'mark', 'svenljunga', 'tranemo', 'ulricehamn', 'sjuharad'],
  },
  {
    name: 'Lokalt BRÅ Vårgårda',
    description: 'Det lokala brottsförebyggande rådet: kommunen, polisen och Vårgårda Bostäder.',
    coordinator: 'vargarda',
    members: ['vargarda', 'police', 'bostader'],
  },
  {
    name: 'Posom Vårgårda',
    description: 'Psykosocialt omhändertagande vid kris. Aktiveras av kommunchef, TiB eller säkerhetssamordnare.',
    coordinator: 'vargarda',
    members: ['vargarda', 'police', 'avrf'],
  },
  {
    name: 'Geografiskt områdesansvar Vårgårda',
    description: 'Kommunens nätverk för samverkan inom det geografiska områdesansvaret: myndigheter, bolag och näringsliv.',
    coordinator: 'vargarda',
    members: ['vargarda', 'police', 'avrf', 'bostader', 'solor', 'coi', 'autoliv', 'livs', 'lansstyrelsen'],
  },
] as const
