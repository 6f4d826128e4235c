// English messages of the area; the Swedish ones, and the keys, are in ../import.ts.
import type { Translation } from '../../plural'
import type { sv } from '../import'

export const en: Translation<typeof sv> = {
  'import.title': 'Import organisations and contact routes',
  'import.intro':
    'Upload a CSV file of organisations and their contact routes. You first see a preview; nothing is saved until you confirm, and then all of it or nothing is saved.',
  'import.formatHeading': 'The file format',
  'import.formatIntro':
    'One row per contact route. The first row is the header with the column names below (in Swedish, as in the template). Fields are separated by semicolons (;) as in Swedish Excel, or by commas. Fields containing a semicolon, comma, quote or line break are enclosed in quotes ("), and a quote inside a field is written twice (""). The file should be UTF-8 (preferably with BOM); a file saved as "CSV (semicolon delimited)" by older Excel is read too.',
  'import.columnHeading': 'Column',
  'import.meaningHeading': 'Content',
  'import.column.organisation':
    "The organisation's name. Required. If an organisation with exactly this name exists (ignoring upper and lower case) the route is added to it; otherwise the organisation is created.",
  'import.column.kind':
    'Kind of organisation. Required on at least one row of a new organisation; not used for existing ones. One of: {values}.',
  'import.column.function': "The route's function. One of: {values}.",
  'import.column.channel': 'Channel. One of: {values}.',
  'import.column.value': 'Number, e-mail address, talk group or place. Phone and mobile: a Swedish number.',
  'import.column.availability': 'Availability. One of: {values}.',
  'import.column.callOrder': 'Call order, a whole number 1–99 (1 when empty).',
  'import.column.visibility':
    'Who may see the route. One of: {values}. Empty means the whole network, except for mobile numbers, which are then restricted.',
  'import.column.label': 'Explanation (optional), for example "Switchboard, weekdays 8–16".',
  'import.formatRules':
    'Values may be written as in the portal or as the codes in parentheses. A row with only the organisation (and kind) creates the organisation without a route. A route that exists already (same organisation, function, channel and number or address) is skipped. At most {rows} rows and {size} per file.',
  'import.template': 'Download a template (CSV)',
  'import.uploadHeading': 'Upload',
  'import.file': 'CSV file',
  'import.fileHint': 'At most {size} and {rows} rows.',
  'import.fileTooLarge': 'The file is {size}. It may be at most {max}.',
  'import.text': "Or paste the file's content",
  'import.textHint': 'Used only when no file is chosen.',
  'import.preview': 'Preview',
  'import.checking': 'Uploading and checking the file …',
  'import.nothing': 'Choose a file or paste the content.',
  'import.tooLarge': 'The file is too large. It may be at most {size}.',
  'import.previewHeading': 'Preview',
  'import.previewOf': 'Preview of {name}',
  'import.pasted': 'pasted text',
  'import.totals':
    'Rows: {rows}. New organisations: {organisations}. New contact routes: {routes}. Routes that exist already and are skipped: {duplicates}.',
  'import.hasIssues':
    'Rows with errors: {count}. Nothing has been saved. Correct the rows in the file and upload it again.',
  'import.fileIssues': 'The file could not be read. Nothing has been saved.',
  'import.ready': 'No errors. Check the preview and confirm the import.',
  'import.shown': 'Showing {shown} of {total} rows: the first rows and the first 500 rows with errors.',
  'import.caption': 'The rows of the file',
  'import.line': 'Row',
  'import.organisation': 'Organisation',
  'import.route': 'Contact route',
  'import.result': 'Check',
  'import.newOrganisation': 'New organisation',
  'import.existingOrganisation': 'Exists already',
  'import.newRoute': 'New contact route',
  'import.duplicateRoute': 'The route exists already and is skipped',
  'import.noRoute': 'No contact route',
  'import.issue': '{column}: {message}',
  'import.confirm': 'Confirm and import',
  'import.confirming': 'Importing, please wait …',
  'import.confirmHint': 'The preview is valid until {time}. After that the file needs to be uploaded again.',
  'import.done': 'The import is done. New organisations: {organisations}. New contact routes: {routes}.',
  'import.created': 'New organisations',
  'import.gone':
    'The preview no longer exists: the import has been done already or has expired. Upload the file again if it has not been imported.',
  'import.changed':
    "The portal's data has changed since the preview so that the file no longer fits. Nothing has been saved. Upload the file again.",
  'import.error.unknownValue': 'Unknown value "{value}". Write one of: {allowed}.',
  'import.error.missing': 'Value missing.',
  'import.error.extraFields':
    'The row has more fields than the header. Enclose fields that contain separators in quotes.',
  'import.error.ambiguousOrganisation':
    "Several organisations in the portal have this name. Add the route on the organisation's page.",
  'import.error.kindNeeded': 'The organisation does not exist in the portal. Give its kind so that it can be created.',
  'import.error.kindConflict': 'The organisation has another kind on an earlier row.',
  'import.error.unterminatedQuote': 'A quote starting on line {line} is never closed.',
  'import.error.empty': 'The file is empty.',
  'import.error.noHeader': 'The first row must be the header and have a column "{name}".',
  'import.error.unknownColumn': 'Unknown column "{name}" in the header.',
  'import.error.duplicateColumn': 'The column "{name}" appears twice in the header.',
  'import.error.noRows': 'The file has only a header and no rows to import.',
  'import.error.tooManyRows':
    'The file has {count} rows. At most {max} rows can be imported at a time; split the file.',
  'import.meta.title': 'Import',
}
