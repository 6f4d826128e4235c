import {
  availabilities,
  contactChannels,
  contactFunctions,
  councilFollowUpAssessments,
  councilMeasureStates,
  deliverableStates,
  eventLogKinds,
  organisationKinds,
  resources,
  roles,
  sectors,
  siteKinds,
  visibilities,
} from '~/db/enums'
import type { MessageKey } from './sv'

/**
 * The families of messages named `prefix.value` for each value of a fixed list, which pages
 * reach through `labelOf` where the value arrives typed only as text. A value without its
 * Swedish message stops the line below from compiling (and en.ts then requires the English).
 */
export const labelFamilies = {
  kind: organisationKinds,
  role: roles,
  sector: sectors,
  siteKind: siteKinds,
  resource: resources,
  contactFunction: contactFunctions,
  contactChannel: contactChannels,
  availability: availabilities,
  visibility: visibilities,
  'event.logKind': eventLogKinds,
  'mandate.state': deliverableStates,
  'councilMeasures.state': councilMeasureStates,
  'councilMeasures.assessment': councilFollowUpAssessments,
} as const

type Families = typeof labelFamilies
export type LabelFamilyKey = { [P in keyof Families]: `${P}.${Families[P][number]}` }[keyof Families]

export const everyLabelTranslated: [Exclude<LabelFamilyKey, MessageKey>] extends [never] ? true : never = true
