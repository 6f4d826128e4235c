// English messages of the area; the Swedish ones, and the keys, are in ../mandate-due.ts.
import type { Translation } from '../../plural'
import type { sv } from '../mandate-due'

export const en: Translation<typeof sv> = {
  'mandateDue.heading': 'To deliver',
  'mandateDue.intro': 'Overdue, and what is due within 60 days.',
  'mandateDue.none': 'Nothing is overdue and nothing is due within 60 days.',
  'mandateDue.due': 'Due {date}',
  'mandateDue.period': 'Mandate period: {period}',
  'mandateDue.state': 'State: {state}',
  'mandateDue.showAll': 'Show all deliverables',
}
