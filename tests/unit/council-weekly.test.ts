import { describe, expect, it } from 'vitest'
import { AreaCreateSchema, cornersOf } from '../../app/modules/council/area-form'
import { areaOf, boundingBox, type AreaShape, type Corner } from '../../app/modules/council/geometry'
import {
  addYears,
  cellBounds,
  changePercent,
  currentWeek,
  endMonth,
  gridCell,
  isoWeekOf,
  lastYearPeriod,
  mondayOfWeek,
  monthsUpTo,
  nextPeriod,
  parseFilters,
  parsePeriod,
  periodInstants,
  previousPeriod,
  weeklySearch,
  weeksInYear,
} from '../../app/modules/council/weekly'

const params = (query: string) => new URLSearchParams(query)
const now = new Date('2026-11-25T10:00:00Z')
const HOUR = 3_600_000

describe('weeks', () => {
  it('names ISO weeks across year boundaries', () => {
    expect(isoWeekOf('2026-11-23')).toEqual({ year: 2026, week: 48 })
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 })
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 })
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 })
    expect(weeksInYear(2026)).toBe(53)
    expect(weeksInYear(2025)).toBe(52)
    expect(mondayOfWeek(2026, 53)).toBe('2026-12-28')
    expect(mondayOfWeek(2025, 53)).toBeNull()
    expect(mondayOfWeek(2025, 1)).toBe('2024-12-30')
  })

  it('reads ?vecka=, and falls back to the current week when it cannot', () => {
    expect(parsePeriod(params('vecka=2026-W48'), now)).toEqual({
      period: { kind: 'week', from: '2026-11-23', until: '2026-11-30', week: '2026-W48' },
      problem: null,
    })
    expect(parsePeriod(params(''), now).period.week).toBe('2026-W48')
    expect(parsePeriod(params('vecka=2025-W53'), now)).toMatchObject({ problem: 'week', period: { week: '2026-W48' } })
    expect(parsePeriod(params('vecka=48'), now).problem).toBe('week')
  })

  it('starts the current week at Monday midnight in Stockholm, not in UTC', () => {
    // Monday 30 November 2026 00:30 in Stockholm is still Sunday in UTC.
    expect(currentWeek(new Date('2026-11-29T23:30:00Z')).week).toBe('2026-W49')
    expect(currentWeek(new Date('2026-11-29T22:30:00Z')).week).toBe('2026-W48')
  })

  it('gives DST weeks their real length: 167 hours in spring, 169 in autumn', () => {
    const spring = periodInstants(parsePeriod(params('vecka=2026-W13'), now).period)
    expect(spring.start.toISOString()).toBe('2026-03-22T23:00:00.000Z')
    expect(spring.end.toISOString()).toBe('2026-03-29T22:00:00.000Z')
    expect((spring.end.getTime() - spring.start.getTime()) / HOUR).toBe(167)
    const autumn = periodInstants(parsePeriod(params('vecka=2026-W43'), now).period)
    expect(autumn.start.toISOString()).toBe('2026-10-18T22:00:00.000Z')
    expect((autumn.end.getTime() - autumn.start.getTime()) / HOUR).toBe(169)
  })

  it('steps to the week before and after over week 53', () => {
    const week53 = parsePeriod(params('vecka=2026-W53'), now).period
    expect(nextPeriod(week53).week).toBe('2027-W01')
    expect(previousPeriod(nextPeriod(week53)).week).toBe('2026-W53')
    expect(previousPeriod(parsePeriod(params('vecka=2026-W01'), now).period).week).toBe('2025-W52')
  })

  it('compares a week with the one 52 weeks earlier, the same weekdays', () => {
    expect(lastYearPeriod(parsePeriod(params('vecka=2026-W48'), now).period)).toMatchObject({
      from: '2025-11-24',
      until: '2025-12-01',
      week: '2025-W48',
    })
    // Week 53 has no namesake: 52 weeks back is the first week of the same ISO year.
    expect(lastYearPeriod(parsePeriod(params('vecka=2026-W53'), now).period).week).toBe('2026-W01')
    expect(lastYearPeriod(parsePeriod(params('vecka=2027-W01'), now).period).week).toBe('2026-W02')
  })
})

describe('date ranges', () => {
  it('reads ?fran=&till= with both days included', () => {
    const { period, problem } = parsePeriod(params('fran=2026-02-01&till=2026-02-28&vecka=2026-W48'), now)
    expect(problem).toBeNull()
    expect(period).toEqual({ kind: 'range', from: '2026-02-01', until: '2026-03-01', week: null })
    expect(previousPeriod(period)).toMatchObject({ from: '2026-01-04', until: '2026-02-01' })
    expect(lastYearPeriod(period)).toMatchObject({ from: '2025-02-01', until: '2025-03-01' })
    expect(endMonth(period)).toBe('2026-02')
  })

  it('refuses a reversed, malformed or too long range', () => {
    expect(parsePeriod(params('fran=2026-03-01&till=2026-02-01'), now).problem).toBe('range')
    expect(parsePeriod(params('fran=2026-02-30&till=2026-03-01'), now).problem).toBe('range')
    expect(parsePeriod(params('fran=2024-01-01&till=2026-01-01'), now).problem).toBe('rangeTooLong')
  })

  it('moves 29 February to the 28th a year back', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28')
    const leap = parsePeriod(params('fran=2024-02-29&till=2024-03-06'), now).period
    expect(lastYearPeriod(leap)).toMatchObject({ from: '2023-02-28', until: '2023-03-07' })
  })

  it('lists twelve months up to the period end, over a new year', () => {
    expect(monthsUpTo('2026-02', 12)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ])
    expect(endMonth(parsePeriod(params('vecka=2026-W53'), now).period)).toBe('2027-01')
  })
})

describe('filters and links', () => {
  it('keeps only ids and repeats them in links', () => {
    const id = '0b1e5a1e-7c1d-4c1e-9a59-6a2b7c8d9e0f'
    const filters = parseFilters(params(`kategori=${id}&kategori=x;drop&kalla=${id}&kalla=${id}`))
    expect(filters).toEqual({ categoryIds: [id], organisationIds: [id] })
    const period = parsePeriod(params('vecka=2026-W48'), now).period
    expect(weeklySearch(period, filters)).toBe(`vecka=2026-W48&kategori=${id}&kalla=${id}`)
    expect(
      weeklySearch(parsePeriod(params('fran=2026-01-01&till=2026-01-31'), now).period, {
        categoryIds: [],
        organisationIds: [],
      }),
    ).toBe('fran=2026-01-01&till=2026-01-31')
  })

  it('says no percentage when there was nothing before', () => {
    expect(changePercent(5, 0)).toBeNull()
    expect(changePercent(3, 4)).toBe(-25)
  })
})

describe('the hot-spot grid', () => {
  it('puts a point inside the bounds of its cell, cells about as wide as tall', () => {
    for (const [lat, lng] of [
      [58.034, 12.808],
      [67.85, 20.22],
      [55.6, 13.0],
    ] as const) {
      const { row, column } = gridCell(lat, lng, 250)
      const [south, west, north, east] = cellBounds(row, column, 250)
      expect(lat).toBeGreaterThanOrEqual(south - 1e-6)
      expect(lat).toBeLessThan(north + 1e-6)
      expect(lng).toBeGreaterThanOrEqual(west - 1e-6)
      expect(lng).toBeLessThan(east + 1e-6)
      const widthMetres = (east - west) * 111_320 * Math.cos((south * Math.PI) / 180)
      expect(widthMetres).toBeCloseTo(250, 0)
    }
  })
})

describe('areas', () => {
  const shape = (id: string, polygon: Corner[]): AreaShape => ({ id, polygon, ...boundingBox(polygon) })
  const town = shape('town', [
    [58.0, 12.7],
    [58.1, 12.7],
    [58.1, 12.9],
    [58.0, 12.9],
  ])
  const estate = shape('estate', [
    [58.03, 12.79],
    [58.04, 12.79],
    [58.04, 12.82],
    [58.03, 12.82],
  ])

  it('places a point in the smallest area that holds it', () => {
    expect(areaOf({ lat: 58.035, lng: 12.8 }, [town, estate])).toBe('estate')
    expect(areaOf({ lat: 58.035, lng: 12.8 }, [estate, town])).toBe('estate')
    expect(areaOf({ lat: 58.05, lng: 12.85 }, [town, estate])).toBe('town')
    expect(areaOf({ lat: 59, lng: 12.85 }, [town, estate])).toBeNull()
  })

  it('reads corners one per line, with commas or points, and drops a closing repeat', () => {
    expect(cornersOf('58,03 12,79\n58.04 12.79\n58.04, 12.82\n58.03 12.79')).toEqual([
      [58.03, 12.79],
      [58.04, 12.79],
      [58.04, 12.82],
    ])
    expect(cornersOf('58.03 norr')).toBeNull()
  })

  it('wants a name and 3 to 200 corners in Sweden', () => {
    const corners = '58.03 12.79\n58.04 12.79\n58.04 12.82'
    expect(AreaCreateSchema.safeParse({ name: 'Centrum', corners }).success).toBe(true)
    const problem = (input: Record<string, string>) => AreaCreateSchema.safeParse(input).error?.issues[0]?.message
    expect(problem({ name: ' ', corners })).toBe('validation.required')
    expect(problem({ name: 'Centrum', corners: '58.03 12.79\n58.04 12.79' })).toBe('councilAreas.error.corners')
    expect(problem({ name: 'Centrum', corners: '52.5 13.4\n52.6 13.4\n52.6 13.5' })).toBe(
      'councilAreas.error.outsideSweden',
    )
    const many = Array.from({ length: 201 }, (_, i) => `58.${String(i).padStart(3, '0')} 12.8`).join('\n')
    expect(problem({ name: 'Centrum', corners: many })).toBe('councilAreas.error.corners')
  })
})
