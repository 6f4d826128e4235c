// English messages of the area; the Swedish ones, and the keys, are in ../training.ts.
import type { Translation } from '../../plural'
import type { sv } from '../training'

export const en: Translation<typeof sv> = {
  'training.measure.evaluated_activities': 'Evaluated exercises',
  'training.measure.held_activities': 'Exercises and trainings held',
  'training.measure.group_trained': 'Everyone in the target group trained',
}
