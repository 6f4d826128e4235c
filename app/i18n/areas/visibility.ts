// Labels for the registry's fixed lists (app/db/enums.ts), in both languages.
// (Keys under `visibility.`; this file is named after them.)
export const sv = {
  'visibility.network': 'Hela nätverket',
  'visibility.restricted': 'Bara samordnaren och den egna organisationen',
} as const
