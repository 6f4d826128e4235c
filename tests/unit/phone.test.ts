import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPhoneNumber } from '../../app/i18n/format'
import { dialNumber, phoneQueryDigits, swedishNationalDigits, telHref } from '../../app/modules/text/phone'

describe('the Swedish grouping of a number', () => {
  it.each([
    ['070-174 06 55', '070-174 06 55'],
    ['0701740655', '070-174 06 55'],
    ['070-1740655', '070-174 06 55'],
    ['+46 70 174 06 55', '070-174 06 55'],
    ['+46 (0)70-174 06 55', '070-174 06 55'],
    ['0046 70 174 06 55', '070-174 06 55'],
    ['031-3900630', '031-390 06 30'],
    ['(031) 390 06 30', '031-390 06 30'],
    ['08-46500400', '08-465 004 00'],
    ['08 123 45 67', '08-123 45 67'],
    ['0980-319200', '0980-31 92 00'],
    ['0303 12345', '0303-123 45'],
    ['0322123456', '0322-12 34 56'],
    ['090-123456', '090-12 34 56'],
    ['0900-1234567', '0900-123 45 67'],
    ['020-123456', '020-12 34 56'],
    ['010 123 45 67', '010-123 45 67'],
    ['0739876543', '073-987 65 43'],
  ])('shows %s as %s', (typed, shown) => {
    expect(formatPhoneNumber(typed)).toBe(shown)
  })

  it('splits after the real area code: two, three or four digits with the 0', () => {
    expect(formatPhoneNumber('0313900630')).toBe('031-390 06 30')
    expect(formatPhoneNumber('0322390063')).toBe('0322-39 00 63')
    expect(formatPhoneNumber('0813900630')).toBe('08-139 006 30')
  })

  it('groups short service numbers and leaves anything else as typed', () => {
    expect(formatPhoneNumber('11414')).toBe('114 14')
    expect(formatPhoneNumber('1177')).toBe('1177')
    expect(formatPhoneNumber('112')).toBe('112')
    expect(formatPhoneNumber(' +8816 1234  5678 ')).toBe('+8816 1234 5678')
    expect(formatPhoneNumber('031-390 06 00 ank. 12')).toBe('031-390 06 00 ank. 12')
    expect(formatPhoneNumber('VGR KRIS-1')).toBe('VGR KRIS-1')
  })
})

describe('dialling a number', () => {
  it('dials a Swedish number with +46, a short number as it is and any other with its own code', () => {
    expect(dialNumber('070-174 06 55')).toBe('+46701740655')
    expect(dialNumber('0046 31 390 06 00')).toBe('+46313900600')
    expect(dialNumber('+46 (0)31-390 06 00')).toBe('+46313900600')
    expect(dialNumber('1177')).toBe('1177')
    expect(dialNumber('+881 6 1234 5678')).toBe('+881612345678')
    expect(telHref('031-390 06 00')).toBe('tel:+46313900600')
  })
})

describe('a search for a number', () => {
  it.each([
    '070-174 06 55',
    '0701740655',
    '070-1740655',
    '+46 70 174 06 55',
    '+46 (0)70-174 06 55',
    '0046 70 174 06 55',
    '070.174.06.55',
    '070/1740655',
    ' 070 - 174 06 55 ',
  ])('looks for the digits of %s', (query) => {
    expect(phoneQueryDigits(query)).toBe('0701740655')
  })

  it('looks for part of a number, and not for words, postal codes or short numbers', () => {
    expect(phoneQueryDigits('174 06 55')).toBe('1740655')
    expect(phoneQueryDigits('vargarda')).toBeNull()
    expect(phoneQueryDigits('tib 070-174 06 55')).toBeNull()
    expect(phoneQueryDigits('447 30')).toBeNull()
    expect(phoneQueryDigits('1177')).toBeNull()
  })
})

/** Area codes after the 0 from PTS's plan, of one, two and three digits. */
const areaCode = fc.constantFrom(
  '8',
  '10',
  '31',
  '33',
  '46',
  '70',
  '73',
  '76',
  '90',
  '303',
  '322',
  '520',
  '980',
  '771',
  '900',
)
const swedishNumber = fc
  .tuple(areaCode, fc.stringMatching(/^[1-9]\d{4,6}$/))
  .map(([code, subscriber]) => `0${code}${subscriber}`)

/** The digits as someone might type them: cut anywhere, with spaces, hyphens or nothing between, nationally or with +46. */
const typedAs = (national: string) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: national.length - 1 }), { maxLength: 5 }),
      fc.array(fc.constantFrom(' ', '-', '', ' - ', '  '), { minLength: 5, maxLength: 5 }),
      fc.constantFrom('', '+46 ', '+46', '0046 ', '+46 (0)'),
    )
    .map(([cuts, separators, prefix]) => {
      const digits = prefix ? national.slice(1) : national
      const at = [...new Set(cuts.map((cut) => Math.min(cut, digits.length - 1)))].sort((a, b) => a - b)
      let typed = ''
      let from = 0
      at.forEach((cut, index) => {
        typed += digits.slice(from, cut) + separators[index]
        from = cut
      })
      return prefix + typed + digits.slice(from)
    })

describe('any grouping of a number', () => {
  it('normalises to the same digits, shows the same and dials the same', () => {
    fc.assert(
      fc.property(
        swedishNumber.chain((national) => fc.tuple(fc.constant(national), typedAs(national))),
        ([national, typed]) => {
          expect(phoneQueryDigits(typed)).toBe(national)
          expect(swedishNationalDigits(typed)).toBe(national)
          expect(formatPhoneNumber(typed)).toBe(formatPhoneNumber(national))
          expect(dialNumber(typed)).toBe(`+46${national.slice(1)}`)
        },
      ),
    )
  })

  it('is shown with every digit in its place, the area code before the hyphen', () => {
    fc.assert(
      fc.property(swedishNumber, (national) => {
        const shown = formatPhoneNumber(national)
        expect(shown.replace(/\D/g, '')).toBe(national)
        expect(shown).toMatch(/^0\d{1,3}-\d{2,3}( \d{2,3})*$/)
        expect(swedishNationalDigits(shown)).toBe(national)
      }),
    )
  })
})
