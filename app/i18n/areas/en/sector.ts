// English messages of the area; the Swedish ones, and the keys, are in ../sector.ts.
import type { Translation } from '../../plural'
import type { sv } from '../sector'

export const en: Translation<typeof sv> = {
  'sector.energy': 'Energy supply',
  'sector.financial': 'Financial services',
  'sector.trade_industry': 'Trade and industry',
  'sector.health_care': 'Health, medical and social care',
  'sector.information_communication': 'Information and communication',
  'sector.municipal_technical': 'Municipal technical services',
  'sector.food': 'Food',
  'sector.public_administration': 'Public administration',
  'sector.protection_safety': 'Protection and safety',
  'sector.social_insurance': 'Social insurance',
  'sector.transport': 'Transport',
}
