// The one picker of organisations, people, sites and user accounts
// (components/forms/organisation-picker.tsx): what it shows and what its form
// posts. The browser and the server both read this.
//
// The chosen ids go to the form's own field, repeated, so each form's action
// reads them as before. Without JavaScript the picker searches by posting its
// form with a button of its own (PICKER_SEARCH); the action then answers with
// the form as typed and the hits, and saves nothing (picker.server.ts). In a
// GET form (a filter) the same button sends the query in the URL, and the
// loader shows the page again with the hits.

/**
 * What a picker picks: organisations; people who may be invited; sites (a
 * scenario's or an event's area); and every user account, deactivated too
 * (the change log's filter).
 */
export const pickerKinds = ['organisation', 'person', 'site', 'user'] as const
export type PickerKind = (typeof pickerKinds)[number]

/** One item as the picker lists it. */
export interface PickerItem {
  id: string
  name: string
  /** The second line: an organisation's kind, a person's or a site's organisation, a user's e-mail address. */
  kindLabel: string
}

/** Where the ids and the picker's own fields are read: a post's form data, or a GET form's search parameters. */
export type PickerFields = Pick<FormData, 'get' | 'getAll'>

/** One picker of a form, as its loader and action describe it to pickerStates() (picker.server.ts). */
export interface PickerSpec {
  kind: PickerKind
  /** The chosen ids when a page is first shown; without them they are read from the post. */
  ids?: readonly string[]
  /** One item at most (a radio button without JavaScript): a new choice replaces the old. */
  single?: boolean
}

/** What a picker shows when its page is rendered on the server. */
export interface PickerState {
  /** The form field the chosen ids are posted as. */
  field: string
  kind: PickerKind
  selected: PickerItem[]
  /** The query of a search posted without JavaScript; '' when none was. */
  query: string
  /** That search's hits, without those already chosen; null when no search was posted. */
  results: PickerItem[] | null
  /** The posted query was too short to search. */
  tooShort: boolean
  /** A network whose members were just added without JavaScript, and how many of them were new. */
  added: { name: string; count: number } | null
}

export const PICKER_QUERY_MIN = 2
export const PICKER_QUERY_MAX = 100
export const PICKER_RESULT_LIMIT = 20
/** A network added at once is capped: it is a shortcut, and the meeting form refuses more than 500 anyway. */
export const PICKER_NETWORK_LIMIT = 500
/** The ids of one field read from a post, at most: a form of the portal never sends more. */
export const PICKER_SELECTED_MAX = 2_000

/** The search button of the picker without JavaScript; its value is the field searched for. */
export const PICKER_SEARCH = 'pickerSearch'
/** The button that adds a network's members without JavaScript; its value is `field:networkId`. */
export const PICKER_NETWORK = 'pickerNetwork'
/** The search field of the picker without JavaScript. */
export const pickerQueryName = (field: string) => `pickerQuery.${field}`

const searchPaths: Record<PickerKind, string> = {
  organisation: '/organisationer/sok',
  person: '/personer/sok',
  site: '/platser/sok',
  user: '/anvandare/sok',
}

/** The resource routes the picker searches as the user types, one per kind. */
export function pickerSearchUrl(kind: PickerKind, query: string): string {
  return `${searchPaths[kind]}?${new URLSearchParams({ q: query })}`
}

export function pickerNetworkUrl(networkId: string): string {
  return `/organisationer/sok?${new URLSearchParams({ natverk: networkId })}`
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isUuid = (value: string) => uuidPattern.test(value)

/** A query as searched: no control characters, single spaces, trimmed, at most PICKER_QUERY_MAX characters. */
export function normalisePickerQuery(value: unknown): string {
  if (typeof value !== 'string') return ''
  return value
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PICKER_QUERY_MAX)
}

/** Only well-formed ids, each once, in the order given, at most PICKER_SELECTED_MAX. */
export function wellFormedIds(values: readonly unknown[]): string[] {
  const ids = values.filter((value): value is string => typeof value === 'string' && isUuid(value))
  return [...new Set(ids.map((id) => id.toLowerCase()))].slice(0, PICKER_SELECTED_MAX)
}

/** The ids a post chose in `field`: only well-formed ones, each once, in the order posted. */
export function pickedIds(formData: PickerFields, field: string): string[] {
  return wellFormedIds(formData.getAll(field))
}

/** A picker with nothing chosen and nothing searched. */
export function emptyPickerState(field: string, kind: PickerKind): PickerState {
  return { field, kind, selected: [], query: '', results: null, tooShort: false, added: null }
}

export type PickerPost = { field: string; query: string } | { field: string; networkId: string | null }

/**
 * The picker's own action in a post (a search, or a network's members to
 * add; a malformed network is none, but the post is still not the form's);
 * null when the post is the form's own.
 */
export function readPickerPost(formData: PickerFields): PickerPost | null {
  const searched = formData.get(PICKER_SEARCH)
  if (typeof searched === 'string' && searched) {
    return { field: searched, query: normalisePickerQuery(formData.get(pickerQueryName(searched))) }
  }
  const network = formData.get(PICKER_NETWORK)
  if (typeof network === 'string' && network) {
    const split = network.lastIndexOf(':')
    const networkId = network.slice(split + 1)
    return { field: network.slice(0, Math.max(split, 0)), networkId: isUuid(networkId) ? networkId : null }
  }
  return null
}
