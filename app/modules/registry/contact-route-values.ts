import type { ContactChannel } from '~/db/enums'

// Contact-route helpers for the browser and the server, kept free of zod so
// the organisation page stays light; the form schemas are in contact-route-form.ts.

export const CONTACT_VALUE_MAX = 200

const phoneCharacters = /^\+?[0-9 ()-]+$/

/** The digits of a phone number, with a leading + kept and a "(0)" after the country code dropped. */
export function phoneDigits(value: string): string {
  const trimmed = value.trim()
  const plus = trimmed.startsWith('+') ? '+' : ''
  return plus + trimmed.replace(/\(0\)/g, '').replace(/\D/g, '')
}

/**
 * A Swedish number: national (0 and 7–11 digits in all), with the country
 * code (+46 or 0046), or a short service number such as 1177.
 */
export function isSwedishPhoneNumber(value: string): boolean {
  if (!phoneCharacters.test(value.trim())) return false
  const digits = phoneDigits(value).replace(/^0046/, '+46')
  return /^0[1-9]\d{5,9}$/.test(digits) || /^\+46[1-9]\d{6,10}$/.test(digits) || /^[1-9]\d{2,5}$/.test(digits)
}

/** Satellite phones have their own country codes (+881, +882 …), so any international number. */
export function isInternationalPhoneNumber(value: string): boolean {
  if (!phoneCharacters.test(value.trim())) return false
  return /^\+[1-9]\d{6,14}$/.test(phoneDigits(value))
}

export function isPhoneChannel(channel: ContactChannel): boolean {
  return channel === 'phone' || channel === 'mobile' || channel === 'satellite_phone'
}

/** The `tel:` address of a number as typed. */
export function telHref(value: string): string {
  return `tel:${phoneDigits(value)}`
}

/** What a coordinator needs first in a crisis: the ISK and whatever answers around the clock. */
export function isCrisisRoute(route: { function: string; availability: string }): boolean {
  return route.function === 'isk' || route.availability === 'always'
}

/** The form's text values of a contact route. */
export interface ContactRouteValues {
  function: string
  channel: string
  value: string
  label: string
  availability: string
  callOrder: string
  visibility: string
}

/** A contact route's own fields, as the organisation page, the form and the exports read them. */
export interface ContactRouteFields {
  function: string
  channel: string
  value: string
  label: string
  availability: string
  callOrder: number
  visibility: string
}

export function contactRouteValues(route: ContactRouteFields): ContactRouteValues {
  return {
    function: route.function,
    channel: route.channel,
    value: route.value,
    label: route.label,
    availability: route.availability,
    callOrder: String(route.callOrder),
    visibility: route.visibility,
  }
}

export function submittedContactRouteValues(
  values: Record<string, string>,
  fallback: ContactRouteValues,
): ContactRouteValues {
  return {
    function: values.function ?? fallback.function,
    channel: values.channel ?? fallback.channel,
    value: values.value ?? '',
    label: values.label ?? '',
    availability: values.availability ?? fallback.availability,
    callOrder: values.callOrder ?? '',
    visibility: values.visibility ?? fallback.visibility,
  }
}

export const newContactRouteValues: ContactRouteValues = {
  function: 'switchboard',
  channel: 'phone',
  value: '',
  label: '',
  availability: 'office_hours',
  callOrder: '1',
  visibility: 'network',
}
