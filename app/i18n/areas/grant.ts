// Messages of the mandate period: the calendar of statutory deliverables
// (årshjul), the yearly grant report and the training and exercise plan.
// (Keys under `grant.`; this file is named after them.)
export const sv = {
  'grant.category.risk_analysis': 'Risk- och sårbarhetsanalys',
  'grant.category.planning': 'Planering',
  'grant.category.cooperation': 'Samverkan',
  'grant.category.training': 'Utbildning',
  'grant.category.exercises': 'Övning',
  'grant.category.reporting': 'Rapportering',
  'grant.category.protective_security': 'Säkerhetsskydd',
  'grant.category.civil_defence': 'Civilt försvar',
} as const
