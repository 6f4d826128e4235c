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
