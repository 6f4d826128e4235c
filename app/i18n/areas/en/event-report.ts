// English messages of the area; the Swedish ones, and the keys, are in ../event-report.ts.
import type { Translation } from '../../plural'
import type { sv } from '../event-report'

export const en: Translation<typeof sv> = {
  'eventReport.form.current': 'Last reported {time}:',
  'eventReport.form.notReported': 'Not reported in this event yet.',
  'eventReport.form.status': 'Status',
  'eventReport.form.backupHoursLeft': 'Hours left on backup',
  'eventReport.form.backupHoursHint': 'Fill in when the status is On backup, for example 10 or 2.5.',
  'eventReport.form.expected': 'Expected back in operation (optional)',
  'eventReport.form.expectedHint': 'Swedish time. Fill in both date and time.',
  'eventReport.form.expectedDate': 'Date',
  'eventReport.form.expectedTime': 'Time',
  'eventReport.form.note': 'Short note (optional)',
  'eventReport.form.noteHint': 'At most 500 characters.',
  'eventReport.form.needs': 'Needs',
  'eventReport.form.needsOther': 'Other need (optional)',
  'eventReport.form.submit': 'Send status report',
  'eventReport.form.onlyChanged':
    'Only services whose details change are saved as a new report. Earlier reports are kept as history.',
  'eventReport.form.noServices':
    'The organisation has no critical services in the registry. Add them under the organisation to be able to report.',
  'eventReport.form.noServicesLink':
    "The organisation has no critical services in the portal's registry. Contact the municipality's duty officer.",
  'eventReport.saved': 'The status report was saved {time}. Services in the report: {count}.',

  'eventReport.error.backupHoursRequired': 'Fill in how many hours the backup lasts.',
  'eventReport.error.backupHours': 'Write the number of hours as a number, 0 or more, for example 10 or 2.5.',
  'eventReport.error.expectedBoth': 'Fill in both date and time, or neither.',
  'eventReport.error.expectedInvalid': 'That time does not exist. Write the date as YYYY-MM-DD and the time as HH:MM.',
  'eventReport.error.expectedPast':
    'That time has already passed. Write when the service is expected to be back in operation.',
  'eventReport.error.noChange':
    'Nothing has changed since the latest report. Change the details of at least one service before sending.',
  'eventReport.error.ended': 'The event has ended and takes no more status reports.',
  'eventReport.error.unknownRoute': 'The contact route is no longer on the call list. Reload the page.',

  'eventReport.page.title': 'Report status',
  'eventReport.page.intro':
    "Report the status of the organisation's critical services. The report is stamped with the server's time and shows at once to those leading the event.",
  'eventReport.page.organisation': 'Organisation',
  'eventReport.page.show': 'Show',
  'eventReport.page.for': 'Status report for {organisation}',
  'eventReport.page.ended': 'The event has ended. The reports are kept, but no new ones can be filed.',

  'eventReport.link.title': 'Status report',
  'eventReport.link.invalid':
    "The link does not work. It may be mistyped, the event may have ended, or the organisation may no longer take part. Contact the municipality's duty officer.",
  'eventReport.link.exercise': 'EXERCISE – this is an exercise, not a real event.',
  'eventReport.link.event': 'Event: {title}',
  'eventReport.link.level': 'Level: {level}',
  'eventReport.link.intro':
    'You are reporting for {organisation}. The link needs no sign-in and works until the event ends; do not share it outside the organisation.',
  'eventReport.link.signIn': 'Have an account in the portal? Sign in to see the whole event.',

  'eventReport.callout.title': 'Call-out',
  'eventReport.callout.intro':
    "The call-out e-mails each taking-part organisation's coordination contact (ISK) and duty officer (24/7) addresses and its editors, with a link of its own where the organisation reports its status without signing in. Then ring the call list below.",
  'eventReport.callout.submit': 'Call out {count} organisations now',
  'eventReport.callout.submitExercise': 'Call out {count} organisations now (EXERCISE)',
  'eventReport.callout.hint': 'Every call-out sends new e-mail with new links. Earlier links keep working.',
  'eventReport.callout.last': 'Last called out: {time}.',
  'eventReport.callout.never': 'No call-out has been made yet.',
  'eventReport.callout.done':
    'The call-out went to {organisations} organisations. E-mails sent: {sent}. Failed: {failed}.',
  'eventReport.callout.withoutEmail': 'No call-out e-mail address – ring them: {names}.',
  'eventReport.callout.noOrganisations': 'No organisations take part in the event yet.',
  'eventReport.callout.ended': 'The event has ended: no call-out can be made and no calls recorded.',

  'eventReport.calls.title': 'Call list',
  'eventReport.calls.intro':
    "The taking-part organisations' coordination contact (ISK), duty officer (24/7) and switchboard, in call order. Record how each call went; the server sets the time.",
  'eventReport.calls.print': 'Print',
  'eventReport.calls.savedAt':
    'Fetched {time}. The list is kept in this browser and can be read without a connection until you sign out.',
  'eventReport.calls.offlineNotice':
    'No connection: this is the call list as last saved. Calls cannot be recorded until the connection is back.',
  'eventReport.calls.printedAt': 'Printed {time}',
  'eventReport.calls.route': 'Contact route',
  'eventReport.calls.number': 'Number',
  'eventReport.calls.last': 'Latest call',
  'eventReport.calls.record': 'Record call',
  'eventReport.calls.noRoutes':
    'No coordination contact, duty officer or switchboard with a phone or Rakel in the registry.',
  'eventReport.calls.notCalled': 'Not called',
  'eventReport.calls.by': 'by {name}',
  'eventReport.calls.restricted': 'Restricted',
  'eventReport.calls.calledOut': 'Called out {time}',
  'eventReport.calls.notCalledOut': 'Not called out',
  'eventReport.calls.note': 'Note',
  'eventReport.calls.routeName': '{organisation}, {function}',
  'eventReport.calls.recorded': 'The call was recorded {time}.',
  'eventReport.calls.empty': 'No organisations take part in the event yet.',
  'eventReport.meta.title': 'Status report',
}
