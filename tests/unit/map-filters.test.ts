import { describe, expect, it } from 'vitest'
import { sectors } from '../../app/db/enums'
import {
  formatMapSort,
  mapFilterParams,
  nextMapSort,
  parseMapSort,
  sectorBit,
  sectorsOfMask,
} from '../../app/modules/map/map-filters'
import { parseMapSearch } from '../../app/modules/map/map-filters.server'

describe('the map filters in the URL', () => {
  it('reads every filter, the sort and the page', () => {
    const query = parseMapSearch(
      new URLSearchParams(
        'sector=energy&kind=police&network=11111111-1111-4111-8111-111111111111&styrel=2&no247=1&stale=on&sort=site-desc&page=3',
      ),
    )
    expect(query).toEqual({
      filters: {
        sector: 'energy',
        kind: 'police',
        network: '11111111-1111-4111-8111-111111111111',
        styrel: 2,
        no247: true,
        stale: true,
      },
      sort: { key: 'site', direction: 'desc' },
      page: 3,
    })
  })

  it('ignores what does not parse instead of refusing the page', () => {
    const query = parseMapSearch(new URLSearchParams('sector=coal&kind=&network=x&styrel=9&no247=no&sort=name&page=-2'))
    expect(query).toEqual({ filters: {}, sort: { key: 'organisation', direction: 'asc' }, page: 1 })
  })

  it('writes the filters back in a fixed order without empty ones', () => {
    expect(mapFilterParams({ stale: true, sector: 'food', styrel: 1 }).toString()).toBe('sector=food&styrel=1&stale=1')
    expect(mapFilterParams({}).toString()).toBe('')
  })
})

describe('sorting', () => {
  it('round-trips the sort parameter', () => {
    for (const value of ['organisation', 'site-desc', 'sector', 'styrel-desc']) {
      expect(formatMapSort(parseMapSort(value))).toBe(value)
    }
  })

  it('turns the current column around and starts another one ascending', () => {
    expect(nextMapSort({ key: 'site', direction: 'asc' }, 'site')).toEqual({ key: 'site', direction: 'desc' })
    expect(nextMapSort({ key: 'site', direction: 'desc' }, 'site')).toEqual({ key: 'site', direction: 'asc' })
    expect(nextMapSort({ key: 'site', direction: 'desc' }, 'styrel')).toEqual({ key: 'styrel', direction: 'asc' })
  })
})

describe('sector masks', () => {
  it('gives every sector its own bit and reads them back in the fixed order', () => {
    const all = sectors.reduce((mask, sector) => mask | sectorBit(sector), 0)
    expect(all).toBe(2 ** sectors.length - 1)
    expect(sectorsOfMask(all)).toEqual([...sectors])
    expect(sectorsOfMask(sectorBit('transport') | sectorBit('energy'))).toEqual(['energy', 'transport'])
    expect(sectorsOfMask(0)).toEqual([])
  })
})
