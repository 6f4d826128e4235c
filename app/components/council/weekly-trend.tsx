import { intlLocale } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { MonthlyTrend } from '~/modules/council/weekly.server'
import { colourOf, dashOf } from './weekly-colours'

const WIDTH = 640
const HEIGHT = 260
const LEFT = 40
const RIGHT = 12
const TOP = 12
const BOTTOM = 34

/** A round top for the axis: 1, 2 or 5 times a power of ten, at least the largest count. */
function axisTop(max: number): number {
  if (max <= 4) return 4
  const power = 10 ** Math.floor(Math.log10(max))
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= max) ?? 10 * power
}

function useMonthName() {
  const locale = useLocale()
  const short = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const date = (month: string) => new Date(`${month}-15T12:00:00Z`)
  return { short: (month: string) => short.format(date(month)), long: (month: string) => long.format(date(month)) }
}

/** Reports per month and category as lines, and the same numbers as a table. */
export function WeeklyTrend({ trend, categoryOrder }: { trend: MonthlyTrend; categoryOrder: string[] }) {
  const t = useT()
  const names = useMonthName()
  const { months, series } = trend
  // The same colour as on the map: by the category's place among all of the council's.
  const colour = (categoryId: string) => Math.max(0, categoryOrder.indexOf(categoryId))
  const top = axisTop(Math.max(0, ...series.flatMap((line) => line.counts)))
  const plotWidth = WIDTH - LEFT - RIGHT
  const plotHeight = HEIGHT - TOP - BOTTOM
  const x = (index: number) => LEFT + (months.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (months.length - 1))
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight
  const ticks = [0, top / 2, top]
  const first = months[0] ? names.long(months[0]) : ''
  const last = months.at(-1) ? names.long(months.at(-1)!) : ''
  const label = t('councilAreas.weekly.trendLabel', { first, last })
  return (
    <figure className="weekly-trend">
      <svg className="weekly-trend__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} className="weekly-trend__grid" />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="weekly-trend__tick">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {months.map((month, index) => (
          <text key={month} x={x(index)} y={HEIGHT - 12} textAnchor="middle" className="weekly-trend__tick">
            {names.short(month)}
          </text>
        ))}
        {series.map((line) => (
          <g key={line.categoryId}>
            <polyline
              fill="none"
              stroke={colourOf(colour(line.categoryId))}
              strokeWidth={2}
              strokeDasharray={dashOf(colour(line.categoryId)) || undefined}
              points={line.counts.map((value, i) => `${x(i)},${y(value)}`).join(' ')}
            />
            {line.counts.map((value, i) => (
              <circle key={i} cx={x(i)} cy={y(value)} r={3} fill={colourOf(colour(line.categoryId))} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="weekly-legend">
          {series.map((line) => (
            <li key={line.categoryId}>
              <svg width="28" height="10" aria-hidden="true">
                <line
                  x1="0"
                  x2="28"
                  y1="5"
                  y2="5"
                  stroke={colourOf(colour(line.categoryId))}
                  strokeWidth={3}
                  strokeDasharray={dashOf(colour(line.categoryId)) || undefined}
                />
              </svg>
              {line.name}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="weekly-trend__numbers">
        <summary>{t('councilAreas.weekly.trendTable')}</summary>
        <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
          <table className="table council-table">
            <caption>{label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('councilAreas.weekly.category')}</th>
                {months.map((month) => (
                  <th key={month} scope="col" className="council-table__number">
                    <abbr title={names.long(month)}>{names.short(month)}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((line) => (
                <tr key={line.categoryId}>
                  <th scope="row">{line.name}</th>
                  {line.counts.map((value, i) => (
                    <td key={months[i]} className="council-table__number">
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}
