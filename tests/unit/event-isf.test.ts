import { describe, expect, it } from 'vitest'
import { parseIsfConveneForm } from '../../app/modules/events/isf-form'
import {
  composeIsfMinutes,
  isfLogText,
  isfNumberOf,
  isfTitle,
  roundText,
  splitIsfMinutes,
} from '../../app/modules/events/isf'

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

describe('ISF conferences', () => {
  it('titles and numbers a conference, with ÖVNING for an exercise', () => {
    expect(isfTitle({ title: 'Elavbrott', exercise: true }, 3)).toBe('ÖVNING – ISF-konferens 3: Elavbrott')
    expect(isfTitle({ title: 'Elavbrott', exercise: false }, 1)).toBe('ISF-konferens 1: Elavbrott')
    expect(isfNumberOf('ÖVNING – ISF-konferens 12: Elavbrott')).toBe(12)
    expect(isfNumberOf('Omdöpt möte')).toBeNull()
    expect(isfLogText(2, 'Beslut')).toBe('ISF-konferens 2: Beslut')
  })

  it('stores the minutes with the agenda as headings and splits them back, keeping stray text', () => {
    const minutes = composeIsfMinutes(['Runda', '', 'Inriktning: värme först\n\n- punkt'])
    expect(minutes.split('\n')[0]).toBe('## 1. Lägesbild per aktör')
    expect(minutes).toContain('## 6. Nästa konferens')
    expect(splitIsfMinutes(minutes)).toEqual(['Runda', '', 'Inriktning: värme först\n\n- punkt', '', '', ''])
    expect(splitIsfMinutes('Skrivet på mötets sida\n\n## 2. Gemensam lägesbild\nLäget')).toEqual([
      'Skrivet på mötets sida',
      'Läget',
      '',
      '',
      '',
      '',
    ])
  })

  it('writes the round per organisation from its latest reports', () => {
    const text = roundText(
      [
        { id: 'a', name: 'Solör Bioenergi' },
        { id: 'b', name: 'Vårgårda Bostäder' },
      ],
      [
        {
          organisationId: 'a',
          organisationName: 'Solör Bioenergi',
          serviceName: 'Fjärrvärme',
          status: 'backup',
          backupHoursLeft: 5.5,
          needs: ['fuel'],
          needsOther: 'tankbil',
        },
      ],
      { status: (status) => `S:${status}`, need: (need) => `N:${need}` },
    )
    expect(text).toBe(
      '### Solör Bioenergi\n\n- Fjärrvärme: S:backup; reserv 5,5 h kvar; behöver N:fuel, tankbil\n\n### Vårgårda Bostäder\n\nIngen lägesrapport ännu.',
    )
  })

  it('reads the convene form: now, or a Stockholm time that exists and has not passed', () => {
    const now = new Date('2026-12-06T09:00:00Z')
    const nowForm = parseIsfConveneForm(form({ when: 'now', place: 'Kommunhuset', videoLink: '' }), now)
    expect(nowForm).toMatchObject({ ok: true, data: { startsAt: null, durationMinutes: 60 } })
    const at = parseIsfConveneForm(
      form({ when: 'at', date: '2026-12-06', time: '14:00', duration: '90', videoLink: '' }),
      now,
    )
    expect(at).toMatchObject({ ok: true, data: { startsAt: new Date('2026-12-06T13:00:00Z'), durationMinutes: 90 } })
    const past = parseIsfConveneForm(form({ when: 'at', date: '2026-12-05', time: '14:00', videoLink: '' }), now)
    expect(past).toMatchObject({ ok: false, errors: { time: 'isf.error.past' } })
    const bad = parseIsfConveneForm(
      form({ when: 'at', date: '', time: '', duration: '5', videoLink: 'http://x.se' }),
      now,
    )
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['duration', 'videoLink'])
  })
})
