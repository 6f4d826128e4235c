import { renderToStaticMarkup } from 'react-dom/server'
import { StaticRouter } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'
import { ProjectionResult } from '../../app/components/events/projection-result'
import { ProjectionSummary } from '../../app/components/events/projection-summary'
import { translator } from '../../app/i18n/i18n'
import {
  formatClock,
  projectionHeadline,
  type ProjectionOutcome,
  type ProjectionView,
} from '../../app/modules/events/event-projection-view'

const t = translator('sv')
// 10:40 in Stockholm (UTC+1 in December); the event started at 06:00.
const computedFor = '2026-12-03T09:40:00.000Z'
const origin = '2026-12-03T05:00:00.000Z'

const heat: ProjectionOutcome = {
  id: 'heat',
  name: 'Fjärrvärme Solör',
  organisationName: 'Solör Bioenergi',
  report: { status: 'backup', reportedAt: '2026-12-03T08:40:00.000Z', backupHoursLeft: 7, expectedRestorationAt: null },
  stateNow: 'backup',
  timeline: [
    [0, 6, 'backup'],
    [6, 72, 'failed'],
  ],
  failsIn: 6,
  wake: 4,
  // Engine hours from 06:00: 4 h 40 min to now, the backup runs out 6 h later.
  reasons: [{ kind: 'direct', failedAt: 10 + 2 / 3 }],
  rootReport: {
    status: 'backup',
    reportedAt: '2026-12-03T08:40:00.000Z',
    backupHoursLeft: 7,
    expectedRestorationAt: null,
    serviceName: 'Fjärrvärme Solör',
  },
}

const view: ProjectionView = {
  origin,
  computedFor,
  windowHours: 72,
  serviceCount: 120,
  reportCount: 3,
  outcomes: { items: [heat], page: 1, pages: 1, count: 1 },
  totals: {
    failed: Array.from({ length: 73 }, (_, h) => (h >= 6 ? 1 : 0)),
    backup: Array.from({ length: 73 }, (_, h) => (h < 6 ? 1 : 0)),
    degraded: new Array(73).fill(0),
    recovered: new Array(73).fill(0),
    peopleServedFailed: Array.from({ length: 73 }, (_, h) => (h >= 6 ? 9000 : 0)),
    failedBySector: { energy: Array.from({ length: 73 }, (_, h) => (h >= 6 ? 1 : 0)) },
    failedByStyrel: { none: Array.from({ length: 73 }, (_, h) => (h >= 6 ? 1 : 0)) },
  },
}

describe('the projection in words', () => {
  it('says clock times in Stockholm, with the day when it is another', () => {
    expect(formatClock(t, 'sv', '2026-12-03T15:40:00Z', computedFor)).toBe('kl. 16:40')
    expect(formatClock(t, 'sv', '2026-12-04T01:10:00Z', computedFor)).toBe('fre 4 dec. kl. 02:10')
  })

  it('gives a failure ahead one line with its wake', () => {
    expect(projectionHeadline(t, 'sv', heat)).toBe('Fjärrvärme Solör: reserven slut om 6 h → 4 verksamheter påverkas')
  })

  it('renders the list as a table with the reasons, and the chart with its text', () => {
    const html = renderToStaticMarkup(<ProjectionResult view={view} pageLink={(page) => `?sida=${page}`} />)
    expect(html).toContain('Läget nu (kl. 10:40)')
    expect(html).toContain('<th scope="col">Slutar fungera</th>')
    expect(html).toContain('om 6 h, kl. 16:40')
    expect(html).toContain('På reserv, 7 h kvar (kl. 09:40)')
    expect(html).toContain('4 verksamheter')
    expect(html).toContain(
      'Fjärrvärme Solör går på reserv enligt lägesrapporten kl. 09:40, med 7 h kvar: slutar fungera kl. 16:40',
    )
    expect(html).toContain('Flest verksamheter ur funktion: 1 om 6 h. Flest personer berörda: 9')
  })

  it('shows "Härnäst" with a link to the projection, or that nothing is expected to fail', () => {
    const summary = { eventId: 'e1', ended: false, computedFor, next: [heat] }
    const html = renderToStaticMarkup(
      <StaticRouter location="/handelser/e1">
        <ProjectionSummary summary={summary} />
      </StaticRouter>,
    )
    expect(html).toContain('<h2 id="projection-summary-heading">Härnäst</h2>')
    expect(html).toContain('<li>Fjärrvärme Solör: reserven slut om 6 h → 4 verksamheter påverkas</li>')
    expect(html).toContain('href="/handelser/e1/prognos"')
    const none = renderToStaticMarkup(
      <StaticRouter location="/handelser/e1">
        <ProjectionSummary summary={{ ...summary, next: [] }} />
      </StaticRouter>,
    )
    expect(none).toContain('Inga verksamheter beräknas falla bort de närmaste 72 timmarna.')
  })
})
