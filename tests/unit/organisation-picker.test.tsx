import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ItemPicker } from '../../app/components/forms/organisation-picker'
import { comboboxKey } from '../../app/components/forms/picker-combobox'
import {
  normalisePickerQuery,
  pickedIds,
  pickerSearchUrl,
  readPickerPost,
  type PickerState,
} from '../../app/modules/organisations/picker'

const ENERGY = '11111111-1111-4111-8111-111111111111'
const SOLOR = '22222222-2222-4222-8222-222222222222'
const NETWORK = '33333333-3333-4333-8333-333333333333'

const form = (fields: [string, string][]) => {
  const data = new FormData()
  for (const [name, value] of fields) data.append(name, value)
  return data
}

describe('what the picker posts', () => {
  it('reads its own search and network shortcut, and leaves the form’s own post alone', () => {
    expect(readPickerPost(form([['title', 'x']]))).toBeNull()
    expect(
      readPickerPost(
        form([
          ['pickerSearch', 'organisations'],
          ['pickerQuery.organisations', '  Sol\u0000ör  bo '],
        ]),
      ),
    ).toEqual({ field: 'organisations', query: 'Sol ör bo' })
    expect(readPickerPost(form([['pickerNetwork', `organisationIds:${NETWORK}`]]))).toEqual({
      field: 'organisationIds',
      networkId: NETWORK,
    })
    // A malformed shortcut is still the picker's post: the form is not saved by it.
    expect(readPickerPost(form([['pickerNetwork', 'organisations:x']]))).toEqual({
      field: 'organisations',
      networkId: null,
    })
  })

  it('keeps only well-formed ids, each once', () => {
    const data = form([
      ['organisations', ENERGY],
      ['organisations', 'inte-ett-id'],
      ['organisations', ENERGY.toUpperCase()],
      ['organisations', SOLOR],
    ])
    expect(pickedIds(data, 'organisations')).toEqual([ENERGY, SOLOR])
    // A GET form's search parameters are read the same way.
    expect(
      pickedIds(
        new URLSearchParams([
          ['organisation', SOLOR],
          ['organisation', ''],
        ]),
        'organisation',
      ),
    ).toEqual([SOLOR])
    expect(normalisePickerQuery('x'.repeat(300))).toHaveLength(100)
    expect(normalisePickerQuery(null)).toBe('')
  })
})

describe('the combobox keys', () => {
  const closed = { open: false, active: -1, count: 3, typed: true }
  const open = (active: number) => ({ open: true, active, count: 3, typed: true })

  it('opens and moves round the list with the arrows; Enter chooses only an option moved to', () => {
    expect(comboboxKey('ArrowDown', closed)).toEqual({ kind: 'move', active: 0 })
    expect(comboboxKey('ArrowUp', closed)).toEqual({ kind: 'move', active: 2 })
    expect(comboboxKey('ArrowDown', open(2))).toEqual({ kind: 'move', active: 0 })
    expect(comboboxKey('ArrowUp', open(0))).toEqual({ kind: 'move', active: 2 })
    expect(comboboxKey('Enter', open(1))).toEqual({ kind: 'choose', active: 1 })
    expect(comboboxKey('Enter', open(-1))).toEqual({ kind: 'none' })
    expect(comboboxKey('Enter', closed)).toEqual({ kind: 'none' })
    expect(comboboxKey('ArrowDown', { ...closed, count: 0 })).toEqual({ kind: 'none' })
  })

  it('Escape closes the list, then empties the field, then is the browser’s; other keys are the browser’s', () => {
    expect(comboboxKey('Escape', open(1))).toEqual({ kind: 'close' })
    expect(comboboxKey('Escape', closed)).toEqual({ kind: 'clear' })
    expect(comboboxKey('Escape', { ...closed, typed: false })).toBeNull()
    expect(comboboxKey('a', open(1))).toBeNull()
    expect(comboboxKey('Tab', open(1))).toBeNull()
  })
})

describe('the picker as the server renders it (and as it works without JavaScript)', () => {
  const state: PickerState = {
    field: 'organisations',
    kind: 'organisation',
    selected: [{ id: ENERGY, name: 'Vårgårda Energi', kindLabel: 'Energi' }],
    query: 'Solör',
    results: [{ id: SOLOR, name: 'Solör Bostäder AB', kindLabel: 'Kommunalt bolag' }],
    tooShort: false,
    added: null,
  }
  const inputs = (html: string) => [...html.matchAll(/<input\b[^>]*>/g)].map((match) => match[0])
  const labelled = (html: string, input: string) => {
    const id = /\sid="([^"]+)"/.exec(input)?.[1]
    return id !== undefined && html.includes(`for="${id}"`)
  }

  it('lists the chosen as ticked boxes, the hits as boxes to tick, and posts a search with its own button', () => {
    const html = renderToStaticMarkup(
      <ItemPicker state={state} label="Organisationer" networks={[{ id: NETWORK, name: 'Sjuhärad' }]} />,
    )
    expect(html).toContain('<legend>Organisationer</legend>')
    expect(html).toContain('Valda (1)')
    const boxes = inputs(html).filter((input) => input.includes('type="checkbox"'))
    expect(boxes).toHaveLength(2)
    expect(boxes[0]).toMatch(new RegExp(`name="organisations" checked="" value="${ENERGY}"`))
    expect(boxes[1]).toMatch(new RegExp(`name="organisations" value="${SOLOR}"`))
    expect(inputs(html).every((input) => labelled(html, input))).toBe(true)
    expect(html).toMatch(/<input[^>]*type="search"[^>]*name="pickerQuery.organisations"[^>]*value="Solör"/)
    expect(html).toMatch(/<button type="submit"[^>]*name="pickerSearch" value="organisations"/)
    expect(html).toContain(`name="pickerNetwork" value="organisations:${NETWORK}"`)
    expect(html).toContain('Lägg till alla i Sjuhärad')
    expect(html).toContain('<p class="picker__status" role="status">1 träff.</p>')
    // The combobox is the browser's, once the page runs: no half-working widget before that.
    expect(html).not.toContain('role="combobox"')
  })

  it('searches each kind at its own route', () => {
    expect(pickerSearchUrl('site', 'vatten verk')).toBe('/platser/sok?q=vatten+verk')
    expect(pickerSearchUrl('user', 'anna')).toBe('/anvandare/sok?q=anna')
  })

  it('in a filter that may be left empty, offers a radio button that chooses none, once something is chosen', () => {
    const chosen = renderToStaticMarkup(
      <ItemPicker state={{ ...state, field: 'organisationId' }} label="Organisation" single noneLabel="Alla" />,
    )
    const radios = inputs(chosen).filter((input) => input.includes('type="radio"'))
    expect(radios).toHaveLength(3)
    expect(radios.filter((input) => input.includes('value=""'))).toHaveLength(1)
    expect(inputs(chosen).every((input) => labelled(chosen, input))).toBe(true)
    const nothing = renderToStaticMarkup(
      <ItemPicker state={{ ...state, selected: [] }} label="Organisation" single noneLabel="Alla" />,
    )
    expect(nothing).not.toContain('value=""')
  })

  it('picks one with radio buttons, offers no network shortcut, and says when nothing or too little was typed', () => {
    const single = renderToStaticMarkup(
      <ItemPicker
        state={{ ...state, field: 'organisationId' }}
        label="Organisation"
        networks={[{ id: NETWORK, name: 'Sjuhärad' }]}
        single
      />,
    )
    expect(inputs(single).filter((input) => input.includes('type="radio"'))).toHaveLength(2)
    expect(single).not.toContain('pickerNetwork')
    const none = renderToStaticMarkup(
      <ItemPicker state={{ ...state, query: 'x', results: [], tooShort: true, selected: [] }} label="Organisationer" />,
    )
    expect(none).toContain('Inga valda ännu.')
    expect(none).toContain('Skriv minst två tecken.')
    const nothing = renderToStaticMarkup(
      <ItemPicker state={{ ...state, query: 'zzz', results: [] }} label="Organisationer" error="validation.choose" />,
    )
    expect(nothing).toContain('Inga träffar för ”zzz”.')
    expect(nothing).toMatch(/<fieldset class="picker field--error" aria-describedby="[^"]+">/)
  })
})
