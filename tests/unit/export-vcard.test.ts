import { describe, expect, it } from 'vitest'
import type { ContactChannel } from '../../app/db/enums'
import { translator } from '../../app/i18n/i18n'
import type { ExportOrganisation } from '../../app/modules/directory/export-csv'
import { contactDirectoryVcards, organisationCard } from '../../app/modules/directory/export-vcard'
import { escapeText, foldLine } from '../../app/modules/text/content-line'
import { parseVcards } from '../support/vcard'

const t = translator('sv')
const octets = (text: string) => Buffer.byteLength(text, 'utf8')

const bostader: ExportOrganisation = {
  id: '6f1d7c2e-3b5a-4c8d-9e0f-1a2b3c4d5e6f',
  name: 'Vårgårda Bostäder AB',
  kind: 'municipal_company',
  confirmedAt: new Date('2026-03-02T09:00:00Z'),
  visitingAddress: 'Kungsgatan 1, 447 30 Vårgårda',
  website: 'https://example.org/bostader?a=1,2',
  routes: [
    { function: 'isk', channel: 'phone', value: '031-390 06 05', label: '', availability: 'always', callOrder: 1, visibility: 'network' },
    { function: 'isk', channel: 'rakel', value: 'VGR KRIS-1', label: 'Talgrupp; regional, vid kris', availability: 'always', callOrder: 2, visibility: 'network' },
    { function: 'ceo', channel: 'mobile', value: '070-174 06 05', label: '', availability: 'office_hours', callOrder: 1, visibility: 'restricted' },
    { function: 'switchboard', channel: 'email', value: 'vaxel@example.org', label: '', availability: 'office_hours', callOrder: 1, visibility: 'network' },
    {
      function: 'crisis_management',
      channel: 'meeting_point',
      value: 'Kommunhuset, Kungsgatan 1',
      label: 'Ingång från parkeringen\nTa med legitimation',
      availability: 'on_activation',
      callOrder: 1,
      visibility: 'network',
    },
  ],
}

describe('vCard text', () => {
  it('escapes backslash, comma, semicolon and line breaks', () => {
    expect(escapeText('a\\b, c; d\ne\r\nf')).toBe('a\\\\b\\, c\\; d\\ne\\nf')
  })

  it('folds a line after 75 octets with CRLF and a space, never inside a character', () => {
    const line = `NOTE:${'Å'.repeat(100)}`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(2)
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75)
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true)
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line)
    expect(folded).not.toContain('\uFFFD')
  })

  it('leaves a short line alone', () => {
    expect(foldLine('FN:Vårgårda kommun')).toBe('FN:Vårgårda kommun')
  })
})

describe('an organisation as a vCard', () => {
  const text = organisationCard(t, bostader)

  it('is vCard 3.0 with CRLF line ends and no line over 75 octets', () => {
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true)
    expect(text.endsWith('END:VCARD\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
  })

  it('parses back with the organisation, its numbers by type and label, e-mail and note', () => {
    const [card] = parseVcards(text)
    expect(card).toMatchObject({
      version: '3.0',
      uid: `urn:uuid:${bostader.id}`,
      fn: 'Vårgårda Bostäder AB',
      org: ['Vårgårda Bostäder AB'],
      url: 'https://example.org/bostader?a=1,2',
    })
    expect(card!.adr?.[2]).toBe('Kungsgatan 1, 447 30 Vårgårda')
    expect(card!.tels).toEqual([
      {
        value: '+46313900605',
        types: ['work', 'voice', 'pref'],
        label: 'ISK – inriktnings- och samordningskontakt, dygnet runt (24/7): 031-390 06 05',
      },
      { value: '+46701740605', types: ['cell', 'voice'], label: 'Chef: 070-174 06 05' },
    ])
    expect(card!.emails).toEqual([{ value: 'vaxel@example.org', types: ['internet', 'work'], label: 'Växel' }])
    expect(card!.note.split('\n')).toEqual([
      'ISK – inriktnings- och samordningskontakt, dygnet runt (24/7): Rakel-talgrupp VGR KRIS-1 – Talgrupp; regional, vid kris',
      'Krisledning: Fysisk mötesplats Kommunhuset, Kungsgatan 1 – Ingång från parkeringen',
      'Ta med legitimation',
      'Senast bekräftad: 2026-03-02',
    ])
  })

  it('dials every number as +46, however it was typed, with the Swedish grouping in the label', () => {
    const typedAs = (value: string, channel: ContactChannel = 'mobile') => ({ ...bostader.routes[2]!, channel, value })
    const [card] = parseVcards(
      organisationCard(t, {
        ...bostader,
        routes: [typedAs('0701740606'), typedAs('+46 (0)8-465 004 00', 'phone'), typedAs('0046 980 31 92 00', 'phone'), typedAs('1177', 'phone'), typedAs('+881 6 1234 5678', 'satellite_phone')],
      }),
    )
    expect(card!.tels.map((tel) => [tel.value, tel.label])).toEqual([
      ['+46701740606', 'Chef: 070-174 06 06'],
      ['+46846500400', 'Chef: 08-465 004 00'],
      ['+46980319200', 'Chef: 0980-31 92 00'],
      ['1177', 'Chef: 1177'],
      ['+881612345678', 'Chef – Satellittelefon: +881 6 1234 5678'],
    ])
  })

  it('escapes a name with separators so that it stays one organisation name', () => {
    const [card] = parseVcards(organisationCard(t, { ...bostader, name: 'Räddning; Alingsås, Vårgårda\\AVRF' }))
    expect(card!.org).toEqual(['Räddning; Alingsås, Vårgårda\\AVRF'])
    expect(card!.fn).toBe('Räddning; Alingsås, Vårgårda\\AVRF')
  })

  it('says when the data was never confirmed', () => {
    const [card] = parseVcards(organisationCard(t, { ...bostader, confirmedAt: null, routes: [] }))
    expect(card!.note).toBe('Senast bekräftad: aldrig bekräftad')
    expect(card!.tels).toEqual([])
  })

  it('puts one card per organisation in a list', () => {
    const cards = parseVcards(contactDirectoryVcards(t, [bostader, { ...bostader, id: '7f1d7c2e-3b5a-4c8d-9e0f-1a2b3c4d5e6f', name: 'Solör Bioenergi' }]))
    expect(cards.map((card) => card.fn)).toEqual(['Vårgårda Bostäder AB', 'Solör Bioenergi'])
  })
})
