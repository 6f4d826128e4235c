// English messages of the area; the Swedish ones, and the keys, are in ../deps.ts.
import type { Translation } from '../../plural'
import type { sv } from '../deps'

export const en: Translation<typeof sv> = {
  'deps.saved': 'The dependency is saved.',
  'deps.removed': 'The dependency is removed.',
  'deps.title': 'Critical dependencies',
  'deps.none': 'No dependencies are registered.',
  'deps.addTitle': 'Add a dependency',
  'deps.editTitle': 'Edit the dependency',
  'deps.add': 'Add the dependency',
  'deps.save': 'Save the dependency',
  'deps.edit': 'Edit',
  'deps.delete': 'Remove',
  'deps.namedItem': 'the dependency on {target}',
  'deps.conflict':
    'Someone else changed the dependency while you were editing. Your changes are not saved but are still in the form. Compare them with the current values below and save again.',
  'deps.deleteConflict':
    'Someone else changed the dependency after you opened the page, so it was not removed. Check the details and try again.',
  'deps.target.legend': 'The service depends on',
  'deps.target.hint': "Choose either a resource or another organisation's critical service – not both.",
  'deps.field.resource': 'Resource',
  'deps.field.service': "Another organisation's service",
  'deps.chooseNone': '– None –',
  'deps.field.copesHours': 'Copes without it, hours',
  'deps.field.copesHint': 'How many hours the service copes without the dependency before any backup is needed.',
  'deps.field.backupDescription': 'Backup or redundancy',
  'deps.field.backupHint':
    'For example a generator, UPS, reserve fuel or an agreement on replacement staff. Leave empty if there is none.',
  'deps.field.backupHours': 'The backup lasts, hours',
  'deps.target.neither': "Choose a resource or another organisation's service.",
  'deps.target.both': 'Choose either a resource or a service, not both.',
  'deps.target.ownService':
    "Choose a service of another organisation. The own organisation's services belong to its own continuity planning.",
  'deps.target.unknown': 'The service no longer exists. Choose another one.',
  'deps.backup.describe': 'Describe the backup when you give how long it lasts.',
  'deps.service.gone': 'The service no longer exists.',
  'deps.on': '{service} – {organisation}',
  'deps.copes': 'Copes without it',
  'deps.backup': 'Backup',
  'deps.backupNone': 'No backup',
  'deps.backupValue': '{description}, lasts {hours} hours',
  'deps.backupNoHours': '{description}, duration not given',
  'deps.weak.none': 'Weak point: no backup with stated hours. The service may be out for at most {acceptable} hours.',
  'deps.weak.short':
    'Weak point: the backup lasts {backup} hours, less than the acceptable outage time of {acceptable} hours.',
  'deps.weak.shortSite':
    'Weak point: the site’s backup power lasts {backup} hours, less than the acceptable outage time of {acceptable} hours.',
  'deps.search.label': "Search other organisations' services",
  'deps.search.submit': 'Search',
  'deps.search.more': 'The list shows the first {count} services. Search to find more.',
}
