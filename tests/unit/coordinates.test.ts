import { describe, expect, it } from 'vitest'
import { formatDegrees } from '../../app/i18n/format'
import {
  formatMetres,
  isInSwedenSweref,
  isInSwedenWgs84,
  swerefToWgs84,
  wgs84ToSweref,
} from '../../app/modules/registry/coordinates'
import { differs, parseDecimal } from '../../app/modules/registry/decimal'

const dms = (degrees: number, minutes: number, seconds: number) => degrees + minutes / 60 + seconds / 3600

// Lantmäteriet's own transformation service: N 59° 58' 55.23" E 17° 50' 06.12"
// (WGS84/SWEREF 99) is N 6 652 797.165, E 658 185.201 in SWEREF 99 TM, and the
// grid point back is N 59° 58' 55.23001", E 17° 50' 6.11997".
const published = {
  wgs84: { lat: dms(59, 58, 55.23), lng: dms(17, 50, 6.12) },
  sweref: { northing: 6_652_797.165, easting: 658_185.201 },
  back: { lat: dms(59, 58, 55.23001), lng: dms(17, 50, 6.11997) },
}

/** One arc second of latitude is about 30.9 m; 1 mm is about 9e-9 degrees. */
const MILLIMETRE_IN_DEGREES = 1e-3 / 111_000

describe('SWEREF 99 TM ⇄ WGS84', () => {
  it('matches a published point of Lantmäteriet to the millimetre', () => {
    const grid = wgs84ToSweref(published.wgs84)
    expect(Math.abs(grid.northing - published.sweref.northing)).toBeLessThan(0.001)
    expect(Math.abs(grid.easting - published.sweref.easting)).toBeLessThan(0.001)
  })

  it('converts the published grid point back to the published degrees (to 0.00001 arc seconds)', () => {
    const point = swerefToWgs84(published.sweref)
    expect(Math.abs(point.lat - published.back.lat) * 3600).toBeLessThan(0.00001)
    expect(Math.abs(point.lng - published.back.lng) * 3600).toBeLessThan(0.00001)
  })

  it('puts Vårgårda centre where the national grid has it', () => {
    const grid = wgs84ToSweref({ lat: 58.034, lng: 12.808 })
    expect(Math.round(grid.northing)).toBe(6_434_596)
    expect(Math.round(grid.easting)).toBe(370_569)
  })

  it.each([
    ['Vårgårda', { lat: 58.034, lng: 12.808 }],
    ['Smygehuk', { lat: 55.3375, lng: 13.3597 }],
    ['Treriksröset', { lat: 69.0599, lng: 20.5487 }],
    ['Haparanda', { lat: 65.8355, lng: 24.1363 }],
    ['Strömstad', { lat: 58.9395, lng: 11.1712 }],
  ])('round-trips %s within a millimetre', (_name, point) => {
    const back = swerefToWgs84(wgs84ToSweref(point))
    expect(Math.abs(back.lat - point.lat)).toBeLessThan(MILLIMETRE_IN_DEGREES)
    expect(Math.abs(back.lng - point.lng) * Math.cos((point.lat * Math.PI) / 180)).toBeLessThan(MILLIMETRE_IN_DEGREES)
    const grid = wgs84ToSweref(point)
    const again = wgs84ToSweref(swerefToWgs84(grid))
    expect(Math.abs(again.northing - grid.northing)).toBeLessThan(0.001)
    expect(Math.abs(again.easting - grid.easting)).toBeLessThan(0.001)
  })
})

describe("Sweden's extent", () => {
  it('accepts points in Sweden and the edges of the box', () => {
    expect(isInSwedenWgs84({ lat: 58.034, lng: 12.808 })).toBe(true)
    expect(isInSwedenWgs84({ lat: 55, lng: 10.5 })).toBe(true)
    expect(isInSwedenWgs84({ lat: 69.1, lng: 24.2 })).toBe(true)
    expect(isInSwedenSweref({ northing: 6_434_596, easting: 370_569 })).toBe(true)
    expect(isInSwedenSweref({ northing: 6_100_000, easting: 250_000 })).toBe(true)
    expect(isInSwedenSweref({ northing: 7_700_000, easting: 950_000 })).toBe(true)
  })

  it('refuses points outside, swapped axes and non-numbers', () => {
    expect(isInSwedenWgs84({ lat: 12.808, lng: 58.034 })).toBe(false)
    expect(isInSwedenWgs84({ lat: 54.99, lng: 13 })).toBe(false)
    expect(isInSwedenWgs84({ lat: 60, lng: 24.21 })).toBe(false)
    expect(isInSwedenWgs84({ lat: Number.NaN, lng: 13 })).toBe(false)
    expect(isInSwedenSweref({ northing: 370_569, easting: 6_434_596 })).toBe(false)
    expect(isInSwedenSweref({ northing: 6_099_999, easting: 400_000 })).toBe(false)
    expect(isInSwedenSweref({ northing: 6_500_000, easting: 950_001 })).toBe(false)
  })

  it('formats degrees to six decimals and metres to three, with the Swedish decimal comma', () => {
    expect(formatDegrees(58.0340001)).toBe('58,034000')
    expect(formatMetres(6434596.3171)).toBe('6434596,317')
  })
})

describe('decimal numbers as typed in Sweden', () => {
  it.each([
    ['58,034', 58.034],
    ['58.034', 58.034],
    [' 6 434 596,317 ', 6_434_596.317],
    ['6\u00a0434\u00a0596', 6_434_596],
    ['−1,5', -1.5],
    ['-0.5', -0.5],
    ['12', 12],
    [',5', 0.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value)
  })

  it.each(['', 'abc', '1,2,3', '1.2.3', '58°', '1e5', '12 h', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull()
  })

  it('compares typed numbers as numbers', () => {
    expect(differs('1,5', '1.5')).toBe(false)
    expect(differs('2', '2.0')).toBe(false)
    expect(differs('2', '3')).toBe(true)
    expect(differs('text', 'other')).toBe(true)
    expect(differs('', '')).toBe(false)
    expect(differs('on', '')).toBe(true)
  })
})
