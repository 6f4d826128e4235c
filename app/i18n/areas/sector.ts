// Labels for the registry's fixed lists (app/db/enums.ts), in both languages.
// (Keys under `sector.`; this file is named after them.)
export const sv = {
  'sector.energy': 'Energiförsörjning',
  'sector.financial': 'Finansiella tjänster',
  'sector.trade_industry': 'Handel och industri',
  'sector.health_care': 'Hälsa, vård och omsorg',
  'sector.information_communication': 'Information och kommunikation',
  'sector.municipal_technical': 'Kommunalteknisk försörjning',
  'sector.food': 'Livsmedel',
  'sector.public_administration': 'Offentlig förvaltning',
  'sector.protection_safety': 'Skydd och säkerhet',
  'sector.social_insurance': 'Socialförsäkringar',
  'sector.transport': 'Transporter',
} as const
