// Value lists shared by the schema and the UI. Kept free of drizzle imports
// so that the browser bundle does not pull in the ORM.
export const organisationKinds = [
  'municipality',
  'municipal_company',
  'police',
  'rescue_services',
  'county_board',
  'energy',
  'water',
  'healthcare',
  'school',
  'company',
  'network',
  'voluntary',
  'other',
] as const
export type OrganisationKind = (typeof organisationKinds)[number]

/** duty_officer: the municipality's TiB, who declares and leads events like the coordinator. */
export const roles = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'informant', 'viewer'] as const
export type Role = (typeof roles)[number]

// MCF's (formerly MSB's) societal sectors: the fixed list for a critical service.
export const sectors = [
  'energy',
  'financial',
  'trade_industry',
  'health_care',
  'information_communication',
  'municipal_technical',
  'food',
  'public_administration',
  'protection_safety',
  'social_insurance',
  'transport',
] as const
export type Sector = (typeof sectors)[number]

export const siteKinds = [
  'plant',
  'office',
  'school',
  'care_home',
  'reservoir',
  'depot',
  'station',
  'meeting_point',
  'other',
] as const
export type SiteKind = (typeof siteKinds)[number]

export const resources = [
  'electricity',
  'drinking_water',
  'district_heating',
  'fuel',
  'telecom_it',
  'transport',
  'special_staff',
  'food',
  'other',
] as const
export type Resource = (typeof resources)[number]

export const contactFunctions = [
  'duty_officer',
  'isk',
  'switchboard',
  'security_coordinator',
  'crisis_management',
  'communications',
  'ceo',
  'other',
] as const
export type ContactFunction = (typeof contactFunctions)[number]

export const contactChannels = [
  'phone',
  'mobile',
  'email',
  'rakel',
  'satellite_phone',
  'radio',
  'meeting_point',
] as const
export type ContactChannel = (typeof contactChannels)[number]

export const availabilities = ['always', 'office_hours', 'on_activation'] as const
export type Availability = (typeof availabilities)[number]

/** Personal or sensitive routes are never shown network-wide. */
export const visibilities = ['network', 'restricted'] as const
export type Visibility = (typeof visibilities)[number]

/** A scenario is a draft of its organisation until shared with the network. */
export const scenarioStates = ['draft', 'shared'] as const
export type ScenarioState = (typeof scenarioStates)[number]

/** What kind of gathering a meeting is; a theme day may link a saved scenario. */
export const meetingKinds = [
  'network_meeting',
  'theme_day',
  'rsa_workshop',
  'exercise',
  'training',
  'council_meeting',
  'isf_conference',
] as const
export type MeetingKind = (typeof meetingKinds)[number]

export const meetingStates = ['planned', 'cancelled'] as const
export type MeetingState = (typeof meetingStates)[number]

/** An invited organisation's answer. */
export const meetingAnswers = ['pending', 'attending', 'not_attending'] as const
export type MeetingAnswer = (typeof meetingAnswers)[number]

export const actionItemStates = ['open', 'in_progress', 'done'] as const
export type ActionItemState = (typeof actionItemStates)[number]

/** An RSA organisation's answer for one event: a draft until it says it is done. */
export const rsaAnswerStates = ['draft', 'submitted'] as const
export type RsaAnswerState = (typeof rsaAnswerStates)[number]

export const rsaMeasureStates = ['planned', 'in_progress', 'done', 'cancelled'] as const
export type RsaMeasureState = (typeof rsaMeasureStates)[number]

/**
 * A person's part in one council, granted explicitly: a member works with its
 * reports, an informant files reports to it (docs/decisions/018-council-membership.md).
 */
export const councilRoles = ['member', 'informant'] as const
export type CouncilRole = (typeof councilRoles)[number]

/**
 * An informant report's way through the council's inbox: new until reviewed;
 * accepted, rejected (with a reason) or merged into another report.
 */
export const reportStates = ['new', 'accepted', 'rejected', 'merged'] as const
export type ReportState = (typeof reportStates)[number]

/** How the informant said where: a pin on the map, the phone's position, or a named area. */
export const reportLocationKinds = ['pin', 'position', 'area'] as const
export type ReportLocationKind = (typeof reportLocationKinds)[number]

/** The default categories a new council starts with; the council maintains its own list. */
export const defaultReportCategories = [
  'Skadegörelse',
  'Klotter',
  'Nedskräpning',
  'Brand eller anlagd brand',
  'Samlingar som skapar otrygghet',
  'Tecken på narkotikaförsäljning eller bruk',
  'Hot eller våld',
  'Inbrott eller stöld',
  'Trasig belysning',
  'Plats som känns otrygg',
  'Övrigt',
] as const

/** Other sources the council imports per month, category and area. */
export const councilStatisticKinds = ['crime_statistics', 'incident_reports'] as const
export type CouncilStatisticKind = (typeof councilStatisticKinds)[number]

/** A measure (insats) is social or situational. */
export const councilMeasureKinds = ['situational', 'social'] as const
export type CouncilMeasureKind = (typeof councilMeasureKinds)[number]

export const councilMeasureStates = ['planned', 'ongoing', 'done', 'cancelled'] as const
export type CouncilMeasureState = (typeof councilMeasureStates)[number]

/** A follow-up's judgement of whether a measure had the effect expected. */
export const councilFollowUpAssessments = ['as_expected', 'partly', 'not_achieved', 'too_early'] as const
export type CouncilFollowUpAssessment = (typeof councilFollowUpAssessments)[number]

/** The safety survey's questions, as a share (per cent) of those asked. */
export const safetySurveyQuestions = ['feel_unsafe', 'worry_crime', 'problems_seen'] as const
export type SafetySurveyQuestion = (typeof safetySurveyQuestions)[number]

/** An event is a real disruption or an exercise; an exercise is marked ÖVNING everywhere. */
export const eventKinds = ['real', 'exercise'] as const
export type EventKind = (typeof eventKinds)[number]

/**
 * The municipality's level of crisis management (MCF's common grounds):
 * normal operation, heightened readiness (förstärkningsläge), staff mode
 * (stabsläge), extraordinary event with the crisis board activated.
 */
export const eventLevels = ['normal', 'heightened', 'staff', 'extraordinary'] as const
export type EventLevel = (typeof eventLevels)[number]

/** A critical service's reported state during an event. */
export const serviceStatuses = ['normal', 'backup', 'degraded', 'failed', 'restored'] as const
export type ServiceStatus = (typeof serviceStatuses)[number]

/** What an actor needs during an event: a fixed list, plus free text. */
export const eventNeeds = [
  'reserve_power',
  'fuel',
  'drinking_water',
  'staff',
  'transport',
  'information_support',
] as const
export type EventNeed = (typeof eventNeeds)[number]

/** What an event log entry is. status_report, callout, level and closed are written by the portal itself. */
export const eventLogKinds = [
  'observation',
  'decision',
  'task',
  'message_in',
  'message_out',
  'call',
  'status_report',
  'callout',
  'level',
  'closed',
] as const
export type EventLogKind = (typeof eventLogKinds)[number]

/** The log kinds a person writes; the rest the portal writes. */
export const writtenEventLogKinds = ['observation', 'decision', 'task', 'message_in', 'message_out'] as const
export type WrittenEventLogKind = (typeof writtenEventLogKinds)[number]

export const eventTaskStates = ['open', 'in_progress', 'done'] as const
export type EventTaskState = (typeof eventTaskStates)[number]

/** The outcome of one call on the call list. */
export const callOutcomes = ['reached', 'not_reached', 'left_message'] as const
export type CallOutcome = (typeof callOutcomes)[number]

/** The evaluation of an event or exercise: open for answers until the coordinator closes it. */
export const eventEvaluationStates = ['open', 'closed'] as const
export type EventEvaluationState = (typeof eventEvaluationStates)[number]

/**
 * What a mandate period's deliverable is (source document sections 4, 6, 7,
 * 8, 9, 10). `rsa` and `rsa_follow_up` take their state from the RSA pages;
 * the civil-defence and protective-security kinds record only that a
 * milestone was reached, never its (partly classified) content.
 */
export const deliverableKinds = [
  'steering_document',
  'crisis_board_rules',
  'chief_executive_instruction',
  'extraordinary_events_plan',
  'training_plan',
  'crisis_communication_plan',
  'duty_officer_routine',
  'posom_routine',
  'rsa',
  'rsa_follow_up',
  'grant_report',
  'county_follow_up_visit',
  'civil_defence',
  'protective_security',
  'board_training_heightened_alert',
  'other',
] as const
export type DeliverableKind = (typeof deliverableKinds)[number]

/** Kinds whose content may be classified: the portal keeps only done / not done, a date and who decided. */
export const milestoneOnlyKinds = ['civil_defence', 'protective_security', 'board_training_heightened_alert'] as const

/** A deliverable's stored state; "overdue" is read from the due date, never stored. */
export const deliverableStates = ['not_started', 'in_progress', 'done'] as const
export type DeliverableState = (typeof deliverableStates)[number]

/** The categories of MSB's (now MCF's) guidance for the state grant to municipalities. */
export const grantCategories = [
  'risk_analysis',
  'planning',
  'cooperation',
  'training',
  'exercises',
  'reporting',
  'protective_security',
  'civil_defence',
] as const
export type GrantCategory = (typeof grantCategories)[number]

/**
 * How a training goal is measured: evaluated exercises or trainings held
 * (tagged with the goal) against a target count, or everyone in a target
 * group trained.
 */
export const trainingGoalMeasures = ['evaluated_activities', 'held_activities', 'group_trained'] as const
export type TrainingGoalMeasure = (typeof trainingGoalMeasures)[number]
