// Messages of the start page's list of mandate deliverables to deliver
// (overdue, or due within 60 days).
export const sv = {
  'mandateDue.heading': 'Att leverera',
  'mandateDue.intro': 'Försenat och det som ska vara klart inom 60 dagar.',
  'mandateDue.none': 'Inget är försenat och inget ska vara klart inom 60 dagar.',
  'mandateDue.due': 'Klar senast {date}',
  'mandateDue.period': 'Mandatperiod: {period}',
  'mandateDue.state': 'Status: {state}',
  'mandateDue.showAll': 'Visa alla leveranser',
} as const
