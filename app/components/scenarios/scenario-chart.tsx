import { intlLocale } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'

const WIDTH = 640
const HEIGHT = 120
const PAD = { left: 56, right: 12, top: 24, bottom: 24 }

function StepChart({ values, hour, label, colour }: { values: number[]; hour: number; label: string; colour: string }) {
  const locale = useLocale()
  const max = Math.max(1, ...values)
  const hours = values.length - 1
  const x = (h: number) => PAD.left + (h / Math.max(1, hours)) * (WIDTH - PAD.left - PAD.right)
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom)
  let path = `M ${x(0)} ${y(values[0] ?? 0)}`
  for (let h = 1; h <= hours; h++) path += ` H ${x(h)} V ${y(values[h]!)}`
  const number = new Intl.NumberFormat(intlLocale(locale))
  return (
    <g>
      <text x={4} y={PAD.top + 10} className="scenario-chart__label">
        {number.format(max)}
      </text>
      <text x={4} y={HEIGHT - PAD.bottom} className="scenario-chart__label">
        0
      </text>
      <line
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={HEIGHT - PAD.bottom}
        y2={HEIGHT - PAD.bottom}
        className="scenario-chart__axis"
      />
      <path d={path} fill="none" stroke={colour} strokeWidth={2.5} />
      <line x1={x(hour)} x2={x(hour)} y1={PAD.top} y2={HEIGHT - PAD.bottom} className="scenario-chart__now" />
      <text x={PAD.left} y={HEIGHT - 6} className="scenario-chart__label">
        0 h
      </text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="scenario-chart__label">
        {hours} h
      </text>
      <text x={PAD.left} y={14} className="scenario-chart__title">
        {label}
      </text>
    </g>
  )
}

/**
 * Services out of action and people affected over the hours, each on its
 * own scale, with the chosen hour marked. The same values are in a table for
 * those who do not see the chart.
 */
export function ScenarioChart({
  failed,
  people,
  hour,
  caption,
  hourHeading,
  summaryText,
}: {
  failed: number[]
  people: number[]
  hour: number
  /** The words, where they are not a scenario's: an event's projection counts hours from now. */
  caption?: string
  hourHeading?: string
  summaryText?: (peak: { failed: string; hour: number; people: string }) => string
}) {
  const t = useT()
  const locale = useLocale()
  const number = new Intl.NumberFormat(intlLocale(locale))
  const peak = failed.reduce((best, value, h) => (value > failed[best]! ? h : best), 0)
  const peakValues = {
    failed: number.format(failed[peak] ?? 0),
    hour: peak,
    people: number.format(Math.max(0, ...people)),
  }
  const summary = summaryText ? summaryText(peakValues) : t('scenario.chartSummary', peakValues)
  return (
    <figure className="scenario-chart">
      <figcaption>{caption ?? t('scenario.chart')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT * 2}`} role="img" aria-label={summary} className="scenario-chart__svg">
        <StepChart values={failed} hour={hour} label={t('scenario.chartFailed')} colour="#b00020" />
        <g transform={`translate(0 ${HEIGHT})`}>
          <StepChart values={people} hour={hour} label={t('scenario.chartPeople')} colour="#1a5fb4" />
        </g>
      </svg>
      <p className="muted">{summary}</p>
      <details>
        <summary>{t('scenario.chartTable')}</summary>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{hourHeading ?? t('scenario.hour')}</th>
                <th scope="col">{t('scenario.chartFailed')}</th>
                <th scope="col">{t('scenario.chartPeople')}</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((value, h) => (
                <tr key={h}>
                  <th scope="row">{h}</th>
                  <td>{number.format(value)}</td>
                  <td>{number.format(people[h] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}
