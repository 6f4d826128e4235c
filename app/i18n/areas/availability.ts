// Labels for the registry's fixed lists (app/db/enums.ts), in both languages.
// (Keys under `availability.`; this file is named after them.)
export const sv = {
  'availability.always': 'Dygnet runt (24/7)',
  'availability.office_hours': 'Kontorstid',
  'availability.on_activation': 'Vid aktivering',
} as const
