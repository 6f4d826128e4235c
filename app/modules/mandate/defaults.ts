import type { DeliverableKind, TrainingGoalMeasure } from '~/db/enums'

// What a new mandate period starts with, from the source document (the
// municipality's steering document for crisis preparedness, sections 4,
// 4.1.1–4.1.8, 6.1.1, 7, 8, 9 and 10). Everything is editable afterwards;
// titles are stored in Swedish, as the municipality's own documents are.

export interface DefaultDeliverable {
  kind: DeliverableKind
  title: string
  description: string
  /** The year a yearly deliverable concerns. */
  year: number | null
  dueDate: string | null
}

export function defaultDeliverables(startYear: number, endYear: number): DefaultDeliverable[] {
  const period = `${startYear}–${endYear}`
  const once = (kind: DeliverableKind, title: string, dueDate: string | null, description: string) => ({
    kind,
    title,
    description,
    year: null,
    dueDate,
  })
  const years = Array.from({ length: endYear - startYear + 1 }, (_, index) => startYear + index)
  return [
    once(
      'steering_document',
      `Styrdokument för krisberedskap ${period}`,
      `${startYear}-06-30`,
      'Övergripande mål och inriktning för krisberedskapen under mandatperioden: styrning i förvaltningar, bolag och kommunalförbund, processen för RSA, ambitionen i det geografiska områdesansvaret och vilken planering som ska tas fram.',
    ),
    once('crisis_board_rules', 'Krisledningsnämndens reglemente', `${startYear}-06-30`, 'Tas fram eller revideras.'),
    once(
      'chief_executive_instruction',
      'Instruktion för kommunchefen (krisberedskap)',
      `${startYear}-06-30`,
      'Kommunstyrelsen anger kommunchefens uppgifter inom krisberedskapen.',
    ),
    once(
      'extraordinary_events_plan',
      'Plan för hantering av extraordinära händelser',
      `${startYear}-12-31`,
      'Fastställs för varje ny mandatperiod (lag 2006:544): organisation, samverkan och ledning, lokaler med teknisk utrustning.',
    ),
    once('training_plan', `Utbildnings- och övningsplan ${period}`, `${startYear}-03-31`, 'Antas av kommunchefen.'),
    once(
      'crisis_communication_plan',
      'Kriskommunikationsplan',
      `${startYear}-12-31`,
      'Revideras kontinuerligt och övas regelbundet.',
    ),
    once(
      'duty_officer_routine',
      'Rutin för tjänsteperson i beredskap (TiB)',
      `${startYear}-12-31`,
      'TiB aktiverar krisledningsorganisationen och vid behov Posoms ledningsgrupp.',
    ),
    once(
      'posom_routine',
      'Rutin för krisstöd (Posom)',
      `${startYear}-12-31`,
      'Ledningsgruppen och stödpersonerna utbildas och övas under mandatperioden.',
    ),
    once(
      'rsa',
      `Risk- och sårbarhetsanalys ${period} till länsstyrelsen`,
      `${startYear}-10-31`,
      'Resultatet rapporteras senast den 31 oktober under mandatperiodens första kalenderår.',
    ),
    ...years.slice(1).map((year) => ({
      kind: 'rsa_follow_up' as const,
      title: `Uppföljning av RSA:ns åtgärdsplan ${year}`,
      description: 'Kommunen följer årligen upp åtgärdsplanen utifrån risk- och sårbarhetsanalysen.',
      year,
      dueDate: `${year}-10-31`,
    })),
    ...years.map((year) => ({
      kind: 'grant_report' as const,
      title: `Redovisning av statlig ersättning ${year}`,
      description: 'Till länsstyrelsen: hur ersättningen använts och vilka aktiviteter som genomförts.',
      year,
      dueDate: `${year + 1}-03-31`,
    })),
    once(
      'county_follow_up_visit',
      'Länsstyrelsens uppföljningsbesök',
      null,
      'En gång per mandatperiod. Underlag: periodens översikt (utskrift).',
    ),
    once(
      'board_training_heightened_alert',
      'Kommunstyrelsen och förvaltningscheferna utbildade i höjd beredskap och totalförsvar',
      `${startYear + 1}-12-31`,
      'Kommunstyrelsen ska kunna leda kommunens delar av det civila försvaret under höjd beredskap.',
    ),
    once(
      'protective_security',
      'Utbildad säkerhetsskyddschef och biträdande säkerhetsskyddschef',
      `${startYear + 1}-12-31`,
      '',
    ),
    once(
      'protective_security',
      'Riktlinjer för säkerhetsklassning och säkerhetsprövning antagna',
      `${startYear + 1}-12-31`,
      '',
    ),
    once(
      'protective_security',
      'Process för säkerhetsskyddsanalys etablerad, prioriterade delar analyserade',
      `${startYear + 1}-12-31`,
      '',
    ),
    once(
      'civil_defence',
      'Krigsorganisation och krigsplacering',
      `${startYear + 2}-12-31`,
      'Beredskapsförberedelser inom det civila försvaret.',
    ),
  ]
}

export interface DefaultTargetGroup {
  key: string
  name: string
  description: string
}

export const defaultTargetGroups: readonly DefaultTargetGroup[] = [
  {
    key: 'board',
    name: 'Krisledningsnämnden',
    description: 'Utbildas och övas i sin roll minst en gång under perioden.',
  },
  { key: 'central', name: 'Central krisledning', description: 'Kommunens centrala krisledningsgrupp.' },
  { key: 'tib', name: 'Tjänstepersoner i beredskap (TiB)', description: 'Alla TiB utbildas för uppgiften.' },
  { key: 'posomLead', name: 'Posoms ledningsgrupp', description: '' },
  { key: 'posomSupport', name: 'Posoms stödpersonal', description: '' },
  {
    key: 'departments',
    name: 'Förvaltningar och kommunala bolag',
    description: 'Varje förvaltning och bolag övas under perioden.',
  },
  {
    key: 'municipalBoard',
    name: 'Kommunstyrelsen (höjd beredskap)',
    description: 'Utbildas i att leda kommunens delar av det civila försvaret under höjd beredskap.',
  },
]

export interface DefaultGoal {
  title: string
  measure: TrainingGoalMeasure
  targetCount: number | null
  /** The key of the target group it concerns, if one. */
  group: string | null
}

export function defaultGoals(startYear: number, endYear: number): DefaultGoal[] {
  const period = `${startYear}–${endYear}`
  return [
    {
      title: `Krisledningsnämnden utbildad och övad i sin roll under ${period}`,
      measure: 'held_activities',
      targetCount: 1,
      group: 'board',
    },
    {
      title: `Två övningar för den centrala krisledningen, utvärderade, under ${period}`,
      measure: 'evaluated_activities',
      targetCount: 2,
      group: 'central',
    },
    {
      title: 'Deltagande i länsstyrelsens kvartalsvisa övningar',
      measure: 'held_activities',
      targetCount: 4 * (endYear - startYear + 1),
      group: null,
    },
    { title: 'Alla TiB utbildade för uppgiften', measure: 'group_trained', targetCount: null, group: 'tib' },
    {
      title: 'Posoms ledningsgrupp utbildad och övad',
      measure: 'group_trained',
      targetCount: null,
      group: 'posomLead',
    },
    { title: 'Varje förvaltning och bolag övad', measure: 'group_trained', targetCount: null, group: 'departments' },
    {
      title: 'Kommunstyrelsen utbildad i att leda civilt försvar under höjd beredskap',
      measure: 'group_trained',
      targetCount: null,
      group: 'municipalBoard',
    },
  ]
}
