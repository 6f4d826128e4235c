// English messages of the area; the Swedish ones, and the keys, are in ../directory.ts.
import type { Translation } from '../../plural'
import type { sv } from '../directory'

export const en: Translation<typeof sv> = {
  'directory.title': 'Directory',
  'directory.intro':
    'Search organisations, critical services, places and contact routes: by name, function (such as TiB or ISK), sector, town or phone number. The search copes with typos and with words typed without å, ä and ö. A number is found however it is grouped (070-174 06 55, 0701740655, +46 70 174 06 55), but only with the right digits.',
  'directory.searchForm': 'Search the directory',
  'directory.query': 'Search',
  'directory.queryHint': 'For example “Vårgårda Bostäder”, “TiB Alingsås” or “waterworks”.',
  'directory.sector': 'Sector',
  'directory.network': 'Network',
  'directory.all': 'All',
  'directory.submit': 'Search',
  'directory.reset': 'Clear the search',
  'directory.tooShort': 'Type at least {min} characters to search.',
  'directory.resultsFor': 'Results for “{query}”',
  'directory.noHits': 'No results for “{query}”. Try part of the name, a town or fewer words.',
  'directory.filteredHeading': 'Organisations matching the filters',
  'directory.noFilteredHits': 'No organisations match the filters.',
  'directory.groupOrganisations': 'Organisations',
  'directory.groupServices': 'Critical services',
  'directory.groupSites': 'Places',
  'directory.groupRoutes': 'Contact routes',
  'directory.hitCount': { one: '{count} result', other: '{count} results' },
  'directory.more': 'Showing the {count} best results. Type more of the name or use the filters to find the rest.',
  'directory.atOrganisation': 'at {organisation}',
  'directory.confirmedOn': 'Last confirmed {date}',
  'directory.neverConfirmed': 'Never confirmed',
  'directory.restricted': 'Restricted',
  'directory.exportsHeading': 'Print and download',
  'directory.exportsIntro':
    'The contact list with the same search and filters, for when phones, the network or the portal are down. Restricted contact routes are included only if you may see them.',
  'directory.exportsAll': 'Without a search or filters the list holds every organisation.',
  'directory.printLink': 'Contact list for printing',
  'directory.csvLink': 'Download as CSV for Excel',
  'directory.vcardLink': 'Download as contact cards (vCard)',
  'directory.organisationVcard': 'Contact card (vCard) for {organisation}',
  'directory.vcardShort': 'vCard',
}
