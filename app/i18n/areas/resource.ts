// Labels for the registry's fixed lists (app/db/enums.ts), in both languages.
// (Keys under `resource.`; this file is named after them.)
export const sv = {
  'resource.electricity': 'El',
  'resource.drinking_water': 'Dricksvatten',
  'resource.district_heating': 'Fjärrvärme',
  'resource.fuel': 'Drivmedel',
  'resource.telecom_it': 'Tele och IT',
  'resource.transport': 'Transporter',
  'resource.special_staff': 'Personal med specialkompetens',
  'resource.food': 'Livsmedel',
  'resource.other': 'Annat',
} as const
