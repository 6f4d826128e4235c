// Labels for the registry's fixed lists (app/db/enums.ts), in both languages.
// (Keys under `siteKind.`; this file is named after them.)
export const sv = {
  'siteKind.plant': 'Anläggning',
  'siteKind.office': 'Kontor',
  'siteKind.school': 'Skola',
  'siteKind.care_home': 'Vård- och omsorgsboende',
  'siteKind.reservoir': 'Vattentorn eller reservoar',
  'siteKind.depot': 'Förråd eller depå',
  'siteKind.station': 'Station',
  'siteKind.meeting_point': 'Mötesplats',
  'siteKind.other': 'Övrigt',
} as const
