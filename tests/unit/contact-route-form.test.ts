import { describe, expect, it } from 'vitest'
import {
  ContactCheckSchema,
  ContactRouteSchema,
  ContactRouteUpdateSchema,
  contactValueIssue,
  parseContactRouteForm,
} from '../../app/modules/contacts/contact-route-form'
import { isCrisisRoute } from '../../app/modules/contacts/contact-route-values'
import { isSwedishPhoneNumber, telHref } from '../../app/modules/text/phone'
import { parseForm } from '../../app/modules/forms/parse-form'

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  return data
}

const valid = {
  function: 'isk',
  channel: 'phone',
  value: '031-390 06 00',
  label: 'TiB',
  availability: 'always',
  callOrder: '1',
  visibility: 'network',
}

describe('Swedish phone numbers', () => {
  it.each([
    '031-390 06 00',
    '070-174 06 05',
    '08-465 004 00',
    '0980-31 92 00',
    '+46 31 390 06 00',
    '+46 (0)31-390 06 00',
    '0046 70 174 06 99',
    '(031) 390 06 00',
    '1177',
    '113 13',
  ])('accepts %s', (value) => {
    expect(isSwedishPhoneNumber(value)).toBe(true)
  })

  it.each([
    'tel 031-390 06 00',
    '031/390 06 00',
    '12',
    '0',
    '+1 202 555 0100',
    '031-390 06 00 ank. 12',
    '03+1 390',
    '0701740605123456',
    'abc',
  ])('refuses %s', (value) => {
    expect(isSwedishPhoneNumber(value)).toBe(false)
  })

  it('dials the digits of what was typed, a Swedish number with +46', () => {
    expect(telHref('031-390 06 00')).toBe('tel:+46313900600')
    expect(telHref('+46 (0)70-174 06 05')).toBe('tel:+46701740605')
  })
})

describe('contact value by channel', () => {
  it('checks phones, mobiles, satellite phones and e-mail, and leaves other channels as text', () => {
    expect(contactValueIssue('phone', '031-390 06 00')).toBeNull()
    expect(contactValueIssue('mobile', 'ring Kalle')).toBe('contacts.validation.phone')
    expect(contactValueIssue('satellite_phone', '+8816 1234 5678')).toBeNull()
    expect(contactValueIssue('satellite_phone', '031-390 06 00')).toBe('contacts.validation.satellite')
    expect(contactValueIssue('email', 'tib@example.org')).toBeNull()
    expect(contactValueIssue('email', 'tib(at)example.org')).toBe('validation.email')
    expect(contactValueIssue('rakel', 'VGR Vårgårda Kris 1')).toBeNull()
    expect(contactValueIssue('meeting_point', 'Vårgårda kommunhus, Kungsgatan 41')).toBeNull()
    expect(contactValueIssue('radio', '  ')).toBe('validation.required')
    expect(contactValueIssue('rakel', 'x'.repeat(201))).toBe('validation.tooLong')
    expect(contactValueIssue('rakel', 'x'.repeat(200))).toBeNull()
  })

  it('parses a valid route with the call order as a number', () => {
    const result = parseForm(ContactRouteSchema, form(valid))
    expect(result.ok && result.data).toEqual({ ...valid, callOrder: 1 })
  })

  it('puts the channel rule on the value field', () => {
    const result = parseForm(ContactRouteSchema, form({ ...valid, channel: 'email' }))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toEqual({ value: 'validation.email' })
  })

  it('reports a wrong value together with other wrong fields, and keeps the input', () => {
    const result = parseContactRouteForm(
      ContactRouteUpdateSchema,
      form({ ...valid, value: 'ring Kalle', callOrder: 'först', version: '2' }),
    )
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toEqual({
      value: 'contacts.validation.phone',
      callOrder: 'contacts.validation.callOrder',
    })
    expect(result.values.value).toBe('ring Kalle')
  })

  it('refuses unknown functions, channels and visibilities and call orders outside 1–99', () => {
    const result = parseContactRouteForm(
      ContactRouteSchema,
      form({ ...valid, function: 'boss', channel: 'pigeon', visibility: 'secret', callOrder: '100' }),
    )
    expect(!result.ok && result.errors).toEqual({
      function: 'validation.choose',
      channel: 'validation.choose',
      visibility: 'validation.choose',
      callOrder: 'contacts.validation.callOrder',
    })
  })

  it('needs an answer to whether a test call reached anyone', () => {
    expect(parseForm(ContactCheckSchema, form({ note: 'x' })).ok).toBe(false)
    const result = parseForm(ContactCheckSchema, form({ reached: 'no', note: ' Röstbrevlåda ' }))
    expect(result.ok && result.data).toEqual({ reached: 'no', note: 'Röstbrevlåda' })
  })
})

describe('crisis routes', () => {
  it('are the ISK and whatever answers around the clock', () => {
    expect(isCrisisRoute({ function: 'isk', availability: 'on_activation' })).toBe(true)
    expect(isCrisisRoute({ function: 'switchboard', availability: 'always' })).toBe(true)
    expect(isCrisisRoute({ function: 'switchboard', availability: 'office_hours' })).toBe(false)
  })
})
