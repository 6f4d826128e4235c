import type { Sector } from '~/db/enums'
import { sectorsOfMask } from '~/modules/map/map-filters'

// One colour per sector, told apart as far as eleven colours can be; every
// marker also has a dark ring (contrast against any background) and the
// legend, the popup and the table say the sector in words.
export const sectorColours: Record<Sector, string> = {
  energy: '#e69f00',
  financial: '#56b4e9',
  trade_industry: '#8c564b',
  health_care: '#d55e00',
  information_communication: '#cc79a7',
  municipal_technical: '#0072b2',
  food: '#009e73',
  public_administration: '#6a3d9a',
  protection_safety: '#f0e442',
  social_insurance: '#17becf',
  transport: '#393b79',
}

/** A site with services in several sectors, and one without any registered service. */
export const severalSectorsColour = '#ffffff'
export const noSectorColour = '#9aa3ad'

export type MarkerColouring = Sector | 'several' | 'none'

export function colouringOf(mask: number): MarkerColouring {
  const list = sectorsOfMask(mask)
  if (list.length === 0) return 'none'
  if (list.length > 1) return 'several'
  return list[0]!
}

export function colourOf(colouring: MarkerColouring): string {
  if (colouring === 'several') return severalSectorsColour
  if (colouring === 'none') return noSectorColour
  return sectorColours[colouring]
}
