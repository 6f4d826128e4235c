import { Pager } from '~/components/ui/pager'
import { formatCount, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { DependencyGraphView } from '~/modules/dependency-graph/graph-view'
import { OrganisationLink, TargetName } from './target-name'

/**
 * The graph's content as a table, one row per dependency, a page at a time:
 * everything the drawing shows is here too, which the law on accessible
 * digital services asks of a graphic.
 */
export function DependencyTable({ table, search }: { table: DependencyGraphView['table']; search: string }) {
  const t = useT()
  const locale = useLocale()
  const { total, page, pageSize, rows } = table
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  const pageLink = (target: number) => {
    const params = new URLSearchParams(search)
    if (target === 1) params.delete('page')
    else params.set('page', String(target))
    const query = params.toString()
    return query ? `?${query}` : '?'
  }
  return (
    <section aria-labelledby="graph-table-heading">
      <h2 id="graph-table-heading">{t('graph.table.heading')}</h2>
      <p id="graph-table-count">
        {t('graph.table.count', { count: total })}
        {total > pageSize
          ? ` ${t('graph.table.range', { first: formatCount(locale, first), last: formatCount(locale, last) })}`
          : ''}
      </p>
      {total === 0 ? (
        <p>{t('graph.table.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table graph-table" aria-describedby="graph-table-count">
            <caption className="visually-hidden">{t('graph.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('graph.table.service')}</th>
                <th scope="col">{t('graph.table.organisation')}</th>
                <th scope="col">{t('graph.table.dependsOn')}</th>
                <th scope="col">{t('graph.table.copes')}</th>
                <th scope="col">{t('graph.table.backup')}</th>
                <th scope="col">{t('graph.table.backupHours')}</th>
                <th scope="col">{t('graph.table.weak')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <span className="graph-table__name">{row.service.name}</span>
                    <span className="graph-table__meta">
                      {t(`sector.${row.sector}`)} ·{' '}
                      {t('graph.table.acceptable', { hours: formatNumber(locale, row.acceptableOutageHours) })}
                    </span>
                  </th>
                  <td>
                    <OrganisationLink organisation={row.organisation} />
                  </td>
                  <td>
                    <TargetName target={row.target} />
                  </td>
                  <td className="graph-table__number">{formatNumber(locale, row.copesHours)}</td>
                  <td>{row.backupDescription || (row.backupSource === 'site' ? t('graph.table.siteBackup') : '–')}</td>
                  <td className="graph-table__number">
                    {row.backupSource === 'none' ? '–' : formatNumber(locale, row.backupHours)}
                  </td>
                  <td>
                    {row.weak === 'none'
                      ? t('graph.table.weak.none')
                      : row.weak === 'short'
                        ? t('graph.table.weak.short', { hours: formatNumber(locale, row.acceptableOutageHours) })
                        : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        pageLink={pageLink}
        label={t('graph.table.pages')}
        previous={t('graph.table.previous')}
        next={t('graph.table.next')}
        position={t('graph.table.pageOf', { page: formatCount(locale, page), pages: formatCount(locale, pages) })}
      />
    </section>
  )
}
