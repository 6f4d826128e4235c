import { describe, expect, it } from 'vitest'
import { mapViewportParams, mercatorY, parseMapViewport } from '../../app/modules/map/map-view'

const parse = (search: string) => parseMapViewport(new URLSearchParams(search))

describe('the map view in the URL', () => {
  it('is absent when neither box nor zoom is given: the extent is asked for', () => {
    expect(parse('sector=energy')).toBeNull()
  })

  it('reads a box and a zoom level, keeping the box inside the map', () => {
    expect(parse('bbox=12.5,57.9,13.25,58.2&zoom=10')).toEqual({ bbox: [12.5, 57.9, 13.25, 58.2], zoom: 10 })
    // Beyond the date line and the poles, clamped to what Web Mercator shows.
    expect(parse('bbox=-181,-89,-170,-80&zoom=5')).toEqual({ bbox: [-180, -85.05, -170, -80], zoom: 5 })
  })

  it.each([
    ['only a zoom', 'zoom=10'],
    ['only a box', 'bbox=12.5,57.9,13.25,58.2'],
    ['three numbers', 'bbox=12.5,57.9,13.25&zoom=10'],
    ['an empty number', 'bbox=12.5,,13.25,58.2&zoom=10'],
    ['words', 'bbox=a,b,c,d&zoom=10'],
    ['west east of east', 'bbox=13.25,57.9,12.5,58.2&zoom=10'],
    ['a zoom beyond street level', 'bbox=12.5,57.9,13.25,58.2&zoom=21'],
    ['a fractional zoom', 'bbox=12.5,57.9,13.25,58.2&zoom=9.5'],
    ['a box larger than any screen', 'bbox=-180,-85,180,85&zoom=17'],
  ])('is refused with %s', (_, search) => {
    expect(parse(search)).toBe('invalid')
  })

  it('accepts a whole-world view when it fits a screen', () => {
    // 256 × 2^5 = 8192 pixels: the largest accepted.
    expect(parse('bbox=-180,-85,180,85&zoom=5')).not.toBe('invalid')
    expect(parse('bbox=-180,-85,180,85&zoom=6')).toBe('invalid')
  })

  it('writes the box rounded outwards to about a metre, and reads it back', () => {
    const params = mapViewportParams({ bbox: [12.123456, 57.987654, 12.2, 58.0000001], zoom: 12 })
    expect(params.toString()).toBe('bbox=12.12345%2C57.98765%2C12.20000%2C58.00001&zoom=12')
    expect(parseMapViewport(params)).toEqual({ bbox: [12.12345, 57.98765, 12.2, 58.00001], zoom: 12 })
  })

  it('places latitudes as the tiles do', () => {
    expect(mercatorY(0)).toBeCloseTo(0.5, 10)
    expect(mercatorY(85.0511287798)).toBeCloseTo(0, 6)
    // The slippy-map tile formula: (1 − asinh(tan φ)/π) / 2; for 58° about 0.30119.
    expect(mercatorY(58)).toBeCloseTo((1 - Math.asinh(Math.tan((58 * Math.PI) / 180)) / Math.PI) / 2, 12)
    expect(mercatorY(58)).toBeCloseTo(0.30119, 5)
  })
})
