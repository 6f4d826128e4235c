import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { translator } from '../../app/i18n/i18n'
import { contactDirectoryCsv, type ExportOrganisation } from '../../app/modules/directory/export-csv'

const t = translator('sv')

/** Reads the file as Excel would (';' separator, quoted fields), without the BOM. */
function readBack(text: string): string[][] {
  return parse(text, { delimiter: ';', bom: true, relax_column_count: false }) as string[][]
}

describe('the contact directory as CSV', () => {
  const organisations: ExportOrganisation[] = [
    {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Vårgårda Bostäder AB',
      kind: 'municipal_company',
      confirmedAt: new Date('2026-05-04T22:30:00Z'),
      visitingAddress: '',
      website: '',
      routes: [
        { function: 'isk', channel: 'phone', value: '+46 31-390 06 05', label: 'Fråga efter "ISK"', availability: 'always', callOrder: 1, visibility: 'network' },
        { function: 'other', channel: 'email', value: '=1+1@example.org', label: '', availability: 'office_hours', callOrder: 2, visibility: 'restricted' },
      ],
    },
    { id: '00000000-0000-4000-8000-000000000002', name: 'Ödsmåls Vatten', kind: 'water', confirmedAt: null, visitingAddress: '', website: '', routes: [] },
  ]

  it('has a Swedish header row, one row per route and one for an organisation without routes', () => {
    const rows = readBack(contactDirectoryCsv(t, organisations))
    expect(rows[0]).toEqual([
      'Organisation',
      'Typ av organisation',
      'Senast bekräftad',
      'Funktion',
      'Kanal',
      'Kontaktväg',
      'Beskrivning',
      'Tillgänglighet',
      'Ordning',
      'Synlighet',
    ])
    expect(rows[1]).toEqual([
      'Vårgårda Bostäder AB',
      'Kommunalt bolag',
      // Confirmed late on 4 May in UTC is 5 May in Sweden.
      '2026-05-05',
      'ISK – inriktnings- och samordningskontakt',
      'Telefon',
      // In the grouping the portal shows (issue 19), so a number typed with +46 needs no formula guard.
      '031-390 06 05',
      'Fråga efter "ISK"',
      'Dygnet runt (24/7)',
      '1',
      'Hela nätverket',
    ])
    expect(rows[2]?.[5]).toBe(`'=1+1@example.org`)
    expect(rows[2]?.[9]).toBe('Bara samordnaren och den egna organisationen')
    expect(rows[3]).toEqual(['Ödsmåls Vatten', 'Vatten', 'aldrig bekräftad', '', '', '', '', '', '', ''])
    expect(rows).toHaveLength(4)
  })

  it('follows the reader’s language', () => {
    const rows = readBack(contactDirectoryCsv(translator('en'), organisations))
    expect(rows[0]?.[2]).toBe('Last confirmed')
    expect(rows[3]?.[2]).toBe('never confirmed')
  })
})
