// English messages of the area; the Swedish ones, and the keys, are in ../services.ts.
import type { Translation } from '../../plural'
import type { sv } from '../services'

export const en: Translation<typeof sv> = {
  'services.title': 'Critical services',
  'services.none': 'No critical services are registered.',
  'services.add': 'Add service',
  'services.newTitle': 'New critical service for {organisation}',
  'services.editTitle': 'Edit the service {name}',
  'services.manage': 'Edit the service and its dependencies',
  'services.manageNamed': ' – {name}',
  'services.details': 'About the service',
  'services.save': 'Save the service',
  'services.delete': 'Remove the service',
  'services.deleteHint': "The service's dependencies are removed with it.",
  'services.conflict':
    'Someone else changed the service while you were editing. Your changes are not saved but are still in the form. Compare them with the current values below and save again.',
  'services.deleteConflict':
    'Someone else changed the service after you opened the page, so it was not removed. Check the details and try again.',
  'services.delete.inUse':
    "The service cannot be removed because other organisations' services depend on it (see the list below). They need to change their dependencies first; the coordinator can help.",
  'services.field.sector': 'Sector',
  'services.field.acceptableOutage': 'Acceptable outage time, hours',
  'services.field.acceptableOutageHint':
    "How long the service can be interrupted before life, health or society's functions are harmed.",
  'services.field.peopleServed': 'Number of people the service reaches',
  'services.field.hasContinuityPlan': 'There is a continuity plan',
  'services.field.exercisedOn': 'The continuity plan was last exercised',
  'services.field.exercisedHint': 'Date as YYYY-MM-DD. Leave empty if the plan has not been exercised.',
  'services.field.sites': 'Sites where the service runs',
  'services.field.sitesNone':
    'The organisation has no sites yet. Add sites first if the service should be linked to them.',
  'services.outage.range': 'The acceptable outage time must be more than 0 hours and at most 100,000.',
  'services.people.range': 'The number of people is a whole number that is not negative.',
  'services.exercised.future': 'The date cannot be in the future.',
  'services.exercised.withoutPlan':
    'An exercise date requires a continuity plan. Tick that there is a plan or clear the date.',
  'services.sites.foreign': "Choose only the organisation's own sites.",
  'services.sector': 'Sector',
  'services.acceptableOutage': 'Acceptable outage time',
  'services.styrel': 'Styrel class',
  'services.peopleServed': 'People affected',
  'services.continuityPlan': 'Continuity plan',
  'services.planExercised': 'Yes, last exercised {date}',
  'services.planNotExercised': 'Yes, not exercised',
  'services.noPlan': 'No',
  'services.sites': 'Sites',
  'services.noSites': 'No site given',
  'services.hours': '{hours} hours',
  'services.notGiven': 'Not given',
  'services.dependents': 'Other services that depend on this one',
  'services.dependentItem': '{service} ({organisation}) copes {hours} hours without it',
  'services.shortfallSummary':
    'Warning: {count} of the dependencies lack a backup that lasts the acceptable outage time.',

  'services.meta.fallback': 'Service',
  'services.meta.new': 'New service – {organisation}',
}
