// English messages of the area; the Swedish ones, and the keys, are in ../staleness.ts.
import type { Translation } from '../../plural'
import type { sv } from '../staleness'

export const en: Translation<typeof sv> = {
  'staleness.title': 'Data currency',
  'staleness.intro':
    'Organisations whose data has not been confirmed in the last {months} months, that lack a coordination contact (ISK) or a 24/7 route, or whose latest test call reached nobody.',
  'staleness.count': 'Organisations needing attention: {count}.',
  'staleness.none': "All organisations' data is current.",
  'staleness.caption': 'Organisations to remind',
  'staleness.select': 'Remind',
  'staleness.selectOrganisation': 'Remind {name}',
  'staleness.organisation': 'Organisation',
  'staleness.problems': 'What needs attention',
  'staleness.confirmed': 'Last confirmed',
  'staleness.editors': 'Editors who get the reminder',
  'staleness.noEditors': 'No editor to remind',
  'staleness.lastReminder': 'Last reminded',
  'staleness.never': 'Never',
  'staleness.reason.neverConfirmed': 'The data has never been confirmed',
  'staleness.reason.confirmationOld': 'Confirmed more than {months} months ago',
  'staleness.reason.noIsk': 'No coordination contact (ISK)',
  'staleness.reason.noAlwaysRoute': 'No route available around the clock (24/7)',
  'staleness.reason.failedCheck': 'The latest test call reached nobody:',
  'staleness.failedRoute': '{function}, {channel} {value} ({date})',
  'staleness.remindHint':
    'All organisations in the list are selected. Untick those that should not get a reminder. An organisation reminded in the last 10 minutes is not reminded again.',
  'staleness.shown': 'Showing {from}–{to} of {total}.',
  'staleness.pages': 'Pages',
  'staleness.previous': 'Previous page',
  'staleness.next': 'Next page',
  'staleness.send': 'Send reminders',
  'staleness.sending': 'Sending reminders …',
  'staleness.noneSelected': 'Select at least one organisation to remind.',
  'staleness.sent': 'Reminders sent: {messages}. Organisations reminded: {organisations}.',
  'staleness.sentOutbox': 'No mail server is configured: the reminders are in the outbox.',
  'staleness.resultNoEditors': 'No editor to remind for:',
  'staleness.resultRecent': 'Reminded less than 10 minutes ago and not reminded again:',
  'staleness.resultNotStale': 'The data is current now and no reminder was needed:',
  'staleness.resultFailed': 'The mail server did not accept the reminder to:',
  'staleness.importLink': 'Import organisations and contact routes from a CSV file',
}
