import { useT } from '~/i18n/i18n'
import { changePercent } from '~/modules/council/weekly'

export interface CountTableRow {
  key: string
  name: string
  count: number
  previous: number
  lastYear: number
}

function Change({ now, before }: { now: number; before: number }) {
  const t = useT()
  const difference = now - before
  const percent = changePercent(now, before)
  const signed = difference > 0 ? `+${difference}` : String(difference)
  return (
    <>
      {percent === null
        ? signed
        : t('councilAreas.weekly.changeWithPercent', {
            difference: signed,
            percent: percent > 0 ? `+${percent}` : String(percent),
          })}
    </>
  )
}

/** Counts of the period against the one before and the same period last year. */
export function WeeklyCountTable({
  caption,
  nameHeading,
  rows,
}: {
  caption: string
  nameHeading: string
  rows: CountTableRow[]
}) {
  const t = useT()
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table council-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeading}</th>
            <th scope="col" className="council-table__number">
              {t('councilAreas.weekly.thisPeriod')}
            </th>
            <th scope="col" className="council-table__number">
              {t('councilAreas.weekly.previous')}
            </th>
            <th scope="col" className="council-table__number">
              {t('councilAreas.weekly.change')}
            </th>
            <th scope="col" className="council-table__number">
              {t('councilAreas.weekly.lastYear')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className="council-table__number">{row.count}</td>
              <td className="council-table__number">{row.previous}</td>
              <td className="council-table__number">
                <Change now={row.count} before={row.previous} />
              </td>
              <td className="council-table__number">{row.lastYear}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
