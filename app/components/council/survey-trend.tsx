import { useId } from 'react'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { SurveySeries, SurveyTrendData } from '~/modules/council/survey'

// Colours that keep a 3:1 contrast against white, each with its own dash and
// marker so that the lines are told apart without colour too.
const styles = [
  { colour: '#1d4f91', dash: '', marker: 'circle' },
  { colour: '#b3261e', dash: '6 3', marker: 'square' },
  { colour: '#2e6b30', dash: '2 3', marker: 'triangle' },
  { colour: '#7a4a00', dash: '10 3 2 3', marker: 'diamond' },
  { colour: '#6a3d9a', dash: '4 4', marker: 'circle' },
  { colour: '#00696f', dash: '8 2', marker: 'square' },
] as const

const width = 640
const height = 260
const margin = { top: 12, right: 24, bottom: 32, left: 52 }

function Marker({ x, y, kind, colour }: { x: number; y: number; kind: string; colour: string }) {
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />
  if (kind === 'triangle') return <polygon points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} fill={colour} />
  if (kind === 'diamond')
    return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} fill={colour} />
  return <circle cx={x} cy={y} r={4} fill={colour} />
}

function TrendChart({
  label,
  legend,
  years,
  series,
  areaName,
}: {
  label: string
  legend: string
  years: number[]
  series: SurveySeries[]
  areaName: (s: SurveySeries) => string
}) {
  // A multiple of 20, so that the four steps of the axis are whole per cents.
  const max = Math.max(20, Math.ceil(Math.max(...series.flatMap((s) => s.points.map((p) => p.share))) / 20) * 20)
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const x = (year: number) =>
    margin.left + (years.length === 1 ? plotWidth / 2 : ((year - years[0]!) / (years.at(-1)! - years[0]!)) * plotWidth)
  const y = (share: number) => margin.top + plotHeight - (share / max) * plotHeight
  const ticks = Array.from({ length: 5 }, (_, index) => (max / 4) * index)
  return (
    <div className="survey-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="survey-chart__svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className="survey-chart__grid" />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" className="survey-chart__tick">
              {tick} %
            </text>
          </g>
        ))}
        {years.map((year) => (
          <text key={year} x={x(year)} y={height - 10} textAnchor="middle" className="survey-chart__tick">
            {year}
          </text>
        ))}
        {series.map((s, index) => {
          const style = styles[index % styles.length]!
          const points = [...s.points].sort((a, b) => a.year - b.year)
          return (
            <g key={s.areaId ?? 'all'}>
              <polyline
                points={points.map((p) => `${x(p.year)},${y(p.share)}`).join(' ')}
                fill="none"
                stroke={style.colour}
                strokeWidth={2.5}
                strokeDasharray={style.dash || undefined}
              />
              {points.map((p) => (
                <Marker key={p.year} x={x(p.year)} y={y(p.share)} kind={style.marker} colour={style.colour} />
              ))}
            </g>
          )
        })}
      </svg>
      <ul className="survey-chart__legend" aria-label={legend}>
        {series.map((s, index) => {
          const style = styles[index % styles.length]!
          return (
            <li key={s.areaId ?? 'all'}>
              <svg width="32" height="12" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  x2="32"
                  y1="6"
                  y2="6"
                  stroke={style.colour}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash || undefined}
                />
                <Marker x={16} y={6} kind={style.marker} colour={style.colour} />
              </svg>
              {areaName(s)}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/**
 * The safety survey over the years: per question, a line chart (one line per
 * area) and the same numbers as a table of years × areas.
 */
export function SurveyTrend({ trend, headingLevel = 2 }: { trend: SurveyTrendData; headingLevel?: 2 | 3 }) {
  const t = useT()
  const locale = useLocale()
  const id = useId()
  const Heading = `h${headingLevel}` as const
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4'
  const areaName = (s: SurveySeries) => s.areaName ?? t('councilSources.wholeMunicipality')
  return (
    <section aria-labelledby={`${id}-trend`} className="survey-trend council-section">
      <Heading id={`${id}-trend`}>{t('councilSources.trend.heading')}</Heading>
      {trend.questions.length === 0 ? <p className="muted">{t('councilSources.trend.none')}</p> : null}
      {trend.questions.map(({ question, series }) => {
        const name = t(`councilSources.question.${question}`)
        const years = trend.years.filter((year) => series.some((s) => s.points.some((p) => p.year === year)))
        return (
          <div key={question} className="survey-trend__question">
            <Sub>{name}</Sub>
            <TrendChart
              label={t('councilSources.trend.chart', { question: name })}
              legend={t('councilSources.trend.legend')}
              years={years}
              series={series}
              areaName={areaName}
            />
            <div className="table-wrap">
              <table className="table survey-trend__table">
                <caption>{t('councilSources.trend.caption', { question: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('councilSources.trend.year')}</th>
                    {series.map((s) => (
                      <th scope="col" key={s.areaId ?? 'all'}>
                        {areaName(s)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {years.map((year) => (
                    <tr key={year}>
                      <th scope="row">{year}</th>
                      {series.map((s) => {
                        const point = s.points.find((p) => p.year === year)
                        return (
                          <td key={s.areaId ?? 'all'}>
                            {point ? `${formatNumber(locale, point.share, 1, 1)} %` : '–'}
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )
      })}
    </section>
  )
}
