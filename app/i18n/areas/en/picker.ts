// English messages of the area; the Swedish ones, and the keys, are in ../picker.ts.
import type { Translation } from '../../plural'
import type { sv } from '../picker'

export const en: Translation<typeof sv> = {
  'picker.selected': 'Chosen ({count})',
  'picker.noneSelected': 'None chosen yet.',
  'picker.remove': 'Remove',
  'picker.search.organisation': 'Search for an organisation to add',
  'picker.search.person': 'Search for a person to add',
  'picker.search.site': 'Search for a site to add',
  'picker.search.user': 'Search for a user',
  'picker.searchHint':
    'Type at least two characters of the name and pick a suggestion with the up and down arrows and Enter.',
  'picker.searchHintStatic': 'Type at least two characters of the name and press Search.',
  'picker.searchButton': 'Search',
  'picker.suggestions': 'Suggestions',
  'picker.resultsFor': 'Results for “{query}”',
  'picker.resultsHint': 'Tick those you want to add. They are added when you save or search again.',
  'picker.resultsHintSingle': 'Choose the one you want. The choice applies when you save or search again.',
  'picker.count': { one: '{count} result.', other: '{count} results.' },
  'picker.countLimited': 'The {count} best results. Type more of the name to find others.',
  'picker.noResults': 'No results for “{query}”.',
  'picker.tooShort': 'Type at least two characters.',
  'picker.searching': 'Searching …',
  'picker.failed': 'The search could not be made just now. Try again.',
  'picker.added': '{name} has been added.',
  'picker.replaced': '{name} is chosen.',
  'picker.removed': '{name} has been removed.',
  'picker.networks': 'Add every organisation in a network',
  'picker.addNetwork': 'Add all in {name}',
  'picker.networkAdded': '{count} organisations in {name} have been added.',
}
