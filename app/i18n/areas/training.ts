// Messages of the mandate period: the calendar of statutory deliverables
// (årshjul), the yearly grant report and the training and exercise plan.
// (Keys under `training.`; this file is named after them.)
export const sv = {
  'training.measure.evaluated_activities': 'Utvärderade övningar',
  'training.measure.held_activities': 'Genomförda övningar och utbildningar',
  'training.measure.group_trained': 'Alla i målgruppen utbildade',
} as const
