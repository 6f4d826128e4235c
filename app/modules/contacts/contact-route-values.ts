import type { Availability, ContactChannel, ContactFunction, Visibility } from '~/db/enums'
import { formatPhoneNumber } from '~/i18n/format'

// Contact-route helpers for the browser and the server, kept free of zod so
// the organisation page stays light; the form schemas are in contact-route-form.ts.

export const CONTACT_VALUE_MAX = 200

export function isPhoneChannel(channel: string): boolean {
  return channel === 'phone' || channel === 'mobile' || channel === 'satellite_phone'
}

/** A route's value as the portal shows it in text: a number in the Swedish grouping, anything else as typed. */
export function contactValueText(route: { channel: string; value: string }): string {
  return isPhoneChannel(route.channel) ? formatPhoneNumber(route.value) : route.value
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
  function: ContactFunction
  channel: ContactChannel
  value: string
  label: string
  availability: Availability
  callOrder: number
  visibility: Visibility
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
