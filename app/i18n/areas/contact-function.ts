// Labels for the registry's fixed lists (app/db/enums.ts), in both languages.
// (Keys under `contactFunction.`; this file is named after them.)
export const sv = {
  'contactFunction.duty_officer': 'TiB – tjänsteperson i beredskap',
  'contactFunction.isk': 'ISK – inriktnings- och samordningskontakt',
  'contactFunction.switchboard': 'Växel',
  'contactFunction.security_coordinator': 'Säkerhetssamordnare',
  'contactFunction.crisis_management': 'Krisledning',
  'contactFunction.communications': 'Kommunikation',
  'contactFunction.ceo': 'Chef',
  'contactFunction.other': 'Övrigt',
} as const
