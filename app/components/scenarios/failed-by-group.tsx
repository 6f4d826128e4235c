import { intlLocale } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { Sector } from '~/db/enums'
import type { ScenarioTotals } from '~/modules/scenarios/scenario-view'

function GroupTable({ caption, rows, hour }: { caption: string; rows: [string, number[]][]; hour: number }) {
  const t = useT()
  const locale = useLocale()
  const number = new Intl.NumberFormat(intlLocale(locale))
  return (
    <table className="table scenario-groups__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scenario.group')}</th>
          <th scope="col">{t('scenario.count.failed')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, values]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{number.format(values[hour] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Failed services at the chosen hour by sector and by Styrel priority class: where the losses fall. */
export function FailedByGroup({ totals, hour, heading }: { totals: ScenarioTotals; hour: number; heading?: string }) {
  const t = useT()
  const sectors = Object.entries(totals.failedBySector) as [Sector, number[]][]
  if (sectors.length === 0) return null
  const styrel = Object.entries(totals.failedByStyrel).sort(([a], [b]) =>
    a === 'none' ? 1 : b === 'none' ? -1 : Number(a) - Number(b),
  )
  return (
    <section aria-labelledby="groups-heading" className="scenario-groups">
      <h2 id="groups-heading">{heading ?? t('scenario.groupsHeading', { hour })}</h2>
      <div className="scenario-groups__tables">
        <GroupTable
          caption={t('scenario.bySector')}
          hour={hour}
          rows={sectors.map(([sector, values]) => [t(`sector.${sector}`), values])}
        />
        <GroupTable
          caption={t('scenario.byStyrel')}
          hour={hour}
          rows={styrel.map(([key, values]) => [
            key === 'none'
              ? t('scenario.styrelNone')
              : /^[1-8]$/.test(key)
                ? t(`map.styrelClass.${key as '1'}`)
                : t('map.styrelShort', { class: key }),
            values,
          ])}
        />
      </div>
    </section>
  )
}
