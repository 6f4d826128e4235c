import { describe, expect, it } from 'vitest'
import { en } from '../../app/i18n/en'
import { labelOf, translator } from '../../app/i18n/i18n'
import { labelFamilies } from '../../app/i18n/label-families'
import { coreSv, sv } from '../../app/i18n/sv'
import { labelledValues } from '../../app/modules/import/import-rows'

const nbsp = '\u00a0'

describe('a plural message', () => {
  it.each([
    [0, '0 platser matchar filtren.', '0 sites match the filters.'],
    [1, '1 plats matchar filtren.', '1 site matches the filters.'],
    [2, '2 platser matchar filtren.', '2 sites match the filters.'],
    [5, '5 platser matchar filtren.', '5 sites match the filters.'],
    [21, '21 platser matchar filtren.', '21 sites match the filters.'],
  ])('picks the form for %i in Swedish and English', (count, swedish, english) => {
    expect(translator('sv')('map.count', { count })).toBe(swedish)
    expect(translator('en')('map.count', { count })).toBe(english)
  })

  it('writes the count with the reader’s digit grouping and keeps the other values', () => {
    expect(translator('sv')('directory.hitCount', { count: 1234 })).toBe(`1${nbsp}234 träffar`)
    expect(translator('en')('directory.hitCount', { count: 1234 })).toBe('1,234 results')
    expect(translator('sv')('eventProjection.basis', { count: 1, time: '10:42' })).toBe(
      'Bygger på 1 lägesrapport och registrets beroenden och reservtider; senast beräknad 10:42.',
    )
  })

  it('has the same forms in English as in Swedish', () => {
    for (const [key, message] of Object.entries(sv)) {
      const english = en[key as keyof typeof en]
      if (typeof message === 'string') expect(typeof english, key).toBe('string')
      else expect(Object.keys(english).sort(), key).toEqual(Object.keys(message).sort())
    }
  })
})

describe('a family of keys named by a value', () => {
  const families: [string, readonly string[]][] = [
    ...Object.entries(labelFamilies),
    ...Object.values(labelledValues).map(({ prefix, values }): [string, readonly string[]] => [prefix, values]),
  ]

  it.each(families)('has a message for every value of %s in Swedish and English', (prefix, values) => {
    for (const value of values) {
      const key = `${prefix}.${value}`
      expect(typeof (sv as Record<string, unknown>)[key], key).toBe('string')
      expect(typeof (en as Record<string, unknown>)[key], key).toBe('string')
    }
  })

  it('labels a value by its message, and an unknown value as itself', () => {
    expect(labelOf(translator('sv'), 'availability', 'always')).toBe(sv['availability.always'])
    expect(labelOf(translator('en'), 'availability', 'always')).toBe(en['availability.always'])
    expect(labelOf(translator('sv'), 'availability', 'sometimes')).toBe('sometimes')
  })
})

describe('where a message lives', () => {
  const areaFiles = import.meta.glob<{ sv: Record<string, unknown> }>('../../app/i18n/areas/*.ts', { eager: true })
  const englishFiles = import.meta.glob<{ en: Record<string, unknown> }>('../../app/i18n/areas/en/*.ts', {
    eager: true,
  })
  const nameOf = (file: string) => file.split('/').pop()!.replace(/\.ts$/, '')
  const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
  const prefixOf = (key: string) => key.split('.')[0]!

  it.each(Object.keys(areaFiles).map(nameOf))(
    'areas/%s.ts holds only keys named after it, in both languages',
    (name) => {
      const keys = Object.keys(areaFiles[`../../app/i18n/areas/${name}.ts`]!.sv)
      expect(keys.length).toBeGreaterThan(0)
      expect(keys.filter((key) => prefixOf(key) !== camel(name))).toEqual([])
      expect(Object.keys(englishFiles[`../../app/i18n/areas/en/${name}.ts`]!.en).sort()).toEqual([...keys].sort())
    },
  )

  it('keeps each prefix in one place: the core catalogue or the area file of its name', () => {
    const areaPrefixes = new Set(Object.keys(areaFiles).map((file) => camel(nameOf(file))))
    const corePrefixes = new Set(Object.keys(coreSv).map(prefixOf))
    expect([...corePrefixes].filter((prefix) => areaPrefixes.has(prefix))).toEqual([])
    expect(
      Object.keys(sv).filter((key) => !corePrefixes.has(prefixOf(key)) && !areaPrefixes.has(prefixOf(key))),
    ).toEqual([])
  })
})
