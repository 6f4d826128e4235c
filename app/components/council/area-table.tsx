import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'

/** The council's areas, with their reports and a link to change each. */
export function AreaTable({
  areas,
  editLink,
}: {
  areas: { id: string; name: string; reportCount: number; cornerCount: number }[]
  editLink: ((id: string) => string) | null
}) {
  const t = useT()
  if (areas.length === 0) return <p>{t('councilAreas.none')}</p>
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={t('councilAreas.tableCaption', { count: areas.length })}
      tabIndex={0}
    >
      <table className="table council-table">
        <caption>{t('councilAreas.tableCaption', { count: areas.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('councilAreas.name')}</th>
            <th scope="col">{t('councilAreas.reports')}</th>
            <th scope="col">{t('councilAreas.cornerCount')}</th>
            {editLink ? <th scope="col">{t('councilAreas.change')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.id}>
              <th scope="row">{area.name}</th>
              <td className="council-table__number">{area.reportCount}</td>
              <td className="council-table__number">{area.cornerCount}</td>
              {editLink ? (
                <td>
                  <Link to={editLink(area.id)} aria-label={t('councilAreas.changeNamed', { name: area.name })}>
                    {t('councilAreas.change')}
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
