import { describe, expect, it } from 'vitest'
import { parseDraftForm } from '../../app/modules/events/situation-report-form'
import { reportDiff, situationReportSubject, situationReportText } from '../../app/modules/events/situation-report-text'

const content = {
  development: '– 08:10 Elavbrott i Vårgårda\n– 09:00 Reservkraft startad',
  state: '– Fjärrvärme: på reserv',
  expected: '– Inom 24 timmar: 3 verksamheter utslagna',
  measures: '– Beslut: trygghetspunkt öppnas',
  sender: 'Vårgårda kommun',
  situationAt: '2026-12-06T08:30:00.000Z',
  nextReportAt: '',
  contact: 'ISK Vårgårda kommun: 0322-600 600',
}

describe('the plain-text situation report', () => {
  it('puts ÖVNING first for an exercise, the headings in capitals and times in Stockholm time', () => {
    const text = situationReportText({
      number: 2,
      title: 'Stormen Ŋ',
      exercise: true,
      content,
      frozenAt: '2026-07-01T10:00:00.000Z',
    })
    const lines = text.split('\n')
    expect(lines[0]).toBe('ÖVNING – ÖVNING – ÖVNING')
    expect(text).toContain('ÖVNING – LÄGESRAPPORT 2: Stormen Ŋ')
    for (const heading of [
      'HÄNDELSEUTVECKLING',
      'TILLSTÅND',
      'FÖRVÄNTAD UTVECKLING',
      'VIDTAGNA OCH PLANERADE ÅTGÄRDER',
    ])
      expect(lines).toContain(heading)
    // 08:30 UTC in December is 09:30 in Stockholm; 10:00 UTC in July is 12:00.
    expect(text).toContain('Lägestidpunkt: 2026-12-06 09:30')
    expect(text).toContain('Fastställd: 2026-07-01 12:00')
    expect(text).toContain('Nästa lägesrapport: Ej bestämd')
  })

  it('has no ÖVNING in a real event, and the subject says ÖVNING only for an exercise', () => {
    const text = situationReportText({
      number: 1,
      title: 'Elavbrott',
      exercise: false,
      content,
      frozenAt: content.situationAt,
    })
    expect(text).not.toContain('ÖVNING')
    expect(situationReportSubject({ number: 3, title: 'Stormen', exercise: true })).toBe(
      'ÖVNING – Lägesrapport 3: Stormen',
    )
    expect(situationReportSubject({ number: 3, title: 'Stormen', exercise: false })).toBe('Lägesrapport 3: Stormen')
  })
})

describe('what changed since the previous report', () => {
  it('names added and removed lines per heading, and leaves unchanged headings out', () => {
    const changes = reportDiff(content, {
      ...content,
      state: '– Fjärrvärme: utslagen',
      measures: `${content.measures}\n– Uppgift: tankning (Solör Bioenergi, pågår)`,
    })
    expect(changes).toEqual([
      { heading: 'state', added: ['– Fjärrvärme: utslagen'], removed: ['– Fjärrvärme: på reserv'] },
      { heading: 'measures', added: ['– Uppgift: tankning (Solör Bioenergi, pågår)'], removed: [] },
    ])
  })

  it('counts repeated lines and treats the first report as all added', () => {
    expect(reportDiff({ ...content, state: 'a\na' }, { ...content, state: 'a' })).toEqual([
      { heading: 'state', added: [], removed: ['a'] },
    ])
    expect(reportDiff(null, content).map((change) => change.heading)).toEqual([
      'development',
      'state',
      'expected',
      'measures',
    ])
  })
})

describe('the draft form', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.set(name, value)
    return data
  }

  it('reads Stockholm times and refuses a malformed one next to its field', () => {
    const ok = parseDraftForm(
      form({ development: 'x', situationDate: '2026-12-06', situationTime: '09:30', sender: ' Kommunen ' }),
    )
    expect(ok.ok && ok.content.situationAt).toBe('2026-12-06T08:30:00.000Z')
    expect(ok.ok && ok.content.nextReportAt).toBe('')
    expect(ok.ok && ok.content.sender).toBe('Kommunen')
    const bad = parseDraftForm(
      form({ development: 'kept', situationDate: '6/12', situationTime: '09:30', nextDate: '2026-12-06' }),
    )
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.errors).toEqual({
        situationDate: 'situationReport.invalidTime',
        nextDate: 'situationReport.invalidTime',
      })
      expect(bad.values.development).toBe('kept')
    }
  })
})
