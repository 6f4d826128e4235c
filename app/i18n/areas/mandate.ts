// Messages of the mandate period: the calendar of statutory deliverables
// (årshjul), the yearly grant report and the training and exercise plan.
export const sv = {
  'mandate.kind.steering_document': 'Styrdokument för krisberedskap',
  'mandate.kind.crisis_board_rules': 'Krisledningsnämndens reglemente',
  'mandate.kind.chief_executive_instruction': 'Instruktion för kommunchefen',
  'mandate.kind.extraordinary_events_plan': 'Plan för hantering av extraordinära händelser',
  'mandate.kind.training_plan': 'Utbildnings- och övningsplan',
  'mandate.kind.crisis_communication_plan': 'Kriskommunikationsplan',
  'mandate.kind.duty_officer_routine': 'Rutin för tjänsteperson i beredskap (TiB)',
  'mandate.kind.posom_routine': 'Rutin för krisstöd (Posom)',
  'mandate.kind.rsa': 'Risk- och sårbarhetsanalys (RSA)',
  'mandate.kind.rsa_follow_up': 'Uppföljning av RSA:ns åtgärdsplan',
  'mandate.kind.grant_report': 'Redovisning av statlig ersättning',
  'mandate.kind.county_follow_up_visit': 'Länsstyrelsens uppföljningsbesök',
  'mandate.kind.civil_defence': 'Civilt försvar: beredskapsförberedelser',
  'mandate.kind.protective_security': 'Säkerhetsskydd',
  'mandate.kind.board_training_heightened_alert': 'Kommunstyrelsen utbildad för höjd beredskap',
  'mandate.kind.other': 'Annat',

  'mandate.state.not_started': 'Ej påbörjad',
  'mandate.state.in_progress': 'Pågår',
  'mandate.state.done': 'Antagen/skickad',
  'mandate.state.overdue': 'Försenad',
} as const
