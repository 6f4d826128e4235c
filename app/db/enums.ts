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

export const roles = ['coordinator', 'partner_editor', 'council_member', 'informant', 'viewer'] as const
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
export const meetingKinds = ['network_meeting', 'theme_day', 'rsa_workshop', 'exercise', 'council_meeting'] as const
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
