// English messages of the area; the Swedish ones, and the keys, are in ../mandate.ts.
import type { Translation } from '../../plural'
import type { sv } from '../mandate'

export const en: Translation<typeof sv> = {
  'mandate.kind.steering_document': 'Steering document for crisis preparedness',
  'mandate.kind.crisis_board_rules': "The crisis board's rules (reglemente)",
  'mandate.kind.chief_executive_instruction': 'Instruction for the chief executive',
  'mandate.kind.extraordinary_events_plan': 'Plan for extraordinary events',
  'mandate.kind.training_plan': 'Training and exercise plan',
  'mandate.kind.crisis_communication_plan': 'Crisis communication plan',
  'mandate.kind.duty_officer_routine': 'Duty officer (TiB) routine',
  'mandate.kind.posom_routine': 'Crisis support (Posom) routine',
  'mandate.kind.rsa': 'Risk and vulnerability analysis (RSA)',
  'mandate.kind.rsa_follow_up': "Follow-up of the RSA's action plan",
  'mandate.kind.grant_report': 'Report on the use of the state grant',
  'mandate.kind.county_follow_up_visit': "The county board's follow-up visit",
  'mandate.kind.civil_defence': 'Civil defence: preparations for heightened alert',
  'mandate.kind.protective_security': 'Protective security',
  'mandate.kind.board_training_heightened_alert': 'Municipal board trained for heightened alert',
  'mandate.kind.other': 'Other',

  'mandate.state.not_started': 'Not started',
  'mandate.state.in_progress': 'In progress',
  'mandate.state.done': 'Adopted/sent',
  'mandate.state.overdue': 'Overdue',
}
