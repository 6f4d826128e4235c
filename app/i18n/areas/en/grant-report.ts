// English messages of the area; the Swedish ones, and the keys, are in ../grant-report.ts.
import type { Translation } from '../../plural'
import type { sv } from '../grant-report'

export const en: Translation<typeof sv> = {
  'grantReport.heading': 'Report on the use of the state grant {year}',
  'grantReport.metaTitle': 'State grant {year}',
  'grantReport.intro':
    "Activities the state grant paid for in {year}, by MSB's categories. The portal lists meetings, exercises, evaluations, RSA work and situation reports by itself; add your own entries and give hours and costs where they are known.",
  'grantReport.years': 'Years of the mandate period',
  'grantReport.print': 'Print',
  'grantReport.csvLink': 'Download as CSV',
  'grantReport.activities': 'Activities by category',
  'grantReport.none': 'No activities in {year} yet.',
  'grantReport.tableCaption': '{category} {year}',
  'grantReport.scrollRegion': 'Table: {caption}',

  'grantReport.column.date': 'Date',
  'grantReport.column.activity': 'Activity',
  'grantReport.column.participants': 'Participants',
  'grantReport.column.hours': 'Hours',
  'grantReport.column.cost': 'Cost (SEK)',
  'grantReport.column.source': 'Source',
  'grantReport.column.category': 'Category',
  'grantReport.column.count': 'Number of activities',
  'grantReport.wholeYear': 'Whole year',
  'grantReport.notes': 'Note: {notes}',

  'grantReport.source.portal': 'From the portal',
  'grantReport.source.own': 'Own entry',

  'grantReport.kind.exerciseEvent': 'Exercise (event)',
  'grantReport.kind.evaluation': 'Evaluation of an exercise',
  'grantReport.kind.rsaShared': 'RSA compiled and shared',
  'grantReport.kind.rsaFollowUp': 'Follow-up of the action plan',
  'grantReport.kind.situationReports': 'Situation reports to the county board',
  'grantReport.reportCount': { one: '{count} situation report', other: '{count} situation reports' },
  'grantReport.attendance': '{count} present',

  'grantReport.totals': 'Totals',
  'grantReport.totalsCaption': 'Total by category {year}',
  'grantReport.total': 'Total',

  'grantReport.setHours': 'Give hours and cost',
  'grantReport.edit': 'Change',
  'grantReport.meetings.heading': 'Hours and cost of meetings from the portal',
  'grantReport.meetings.hint':
    "Give the municipality's hours and costs for the meetings the portal lists. Leave a field empty if it is not known.",
  'grantReport.meetings.none': 'The portal lists no meetings in the year.',
  'grantReport.meetings.save': 'Save',

  'grantReport.field.category': 'Category',
  'grantReport.field.title': 'Activity',
  'grantReport.field.date': 'Date',
  'grantReport.field.dateHint': 'YYYY-MM-DD in {year}. Leave empty for an entry that concerns the whole year.',
  'grantReport.field.hours': 'Hours',
  'grantReport.field.hoursHint': 'At most one decimal, for example 2.5.',
  'grantReport.field.cost': 'Cost in SEK',
  'grantReport.field.costHint': 'Whole kronor, for example 12500.',
  'grantReport.field.notes': 'Note',

  'grantReport.own.heading': 'Add an entry of your own',
  'grantReport.own.hint':
    "An activity the portal does not know of, such as a course held by someone else or the municipality's part in the county board's exercise.",
  'grantReport.own.editHeading': 'Change your own entry',
  'grantReport.own.add': 'Add',
  'grantReport.own.save': 'Save the change',
  'grantReport.own.delete': 'Remove the entry',
  'grantReport.own.cancel': 'Cancel',

  'grantReport.saved.meeting': 'Hours and cost are saved.',
  'grantReport.saved.created': 'The entry is added.',
  'grantReport.saved.updated': 'The entry is changed.',
  'grantReport.saved.deleted': 'The entry is removed.',
  'grantReport.conflict':
    'Someone else changed this since you opened the page. Your values are kept, and under each changed field is its current value. Save again to replace it.',
  'grantReport.conflictDelete':
    'The entry was changed since you opened the page, so it was not removed. This is how it looks now; remove it again if you still want to.',

  'grantReport.error.hours': 'Give hours as a number from 0 with at most one decimal, for example 2.5.',
  'grantReport.error.cost': 'Give the cost in whole kronor from 0, for example 12500.',
  'grantReport.error.dateInYear': 'Choose a date in the year the report concerns.',

  'grantReport.csv.category': 'category',
  'grantReport.csv.date': 'date',
  'grantReport.csv.activity': 'activity',
  'grantReport.csv.participants': 'participants',
  'grantReport.csv.hours': 'hours',
  'grantReport.csv.cost': 'cost',
  'grantReport.csv.source': 'source',
}
