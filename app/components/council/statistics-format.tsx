import { Form } from '@remix-run/react'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { statisticColumnNames, statisticColumns } from '~/modules/council/statistics-csv'
import type { StatisticsImportListRow } from '~/modules/council/statistics.server'

/** The documentation of the statistics file, with the council's own category and area names. */
export function StatisticsFormat({
  councilId,
  categories,
  areas,
  maxRows,
  maxSize,
}: {
  councilId: string
  categories: string[]
  areas: string[]
  maxRows: string
  maxSize: string
}) {
  const t = useT()
  const values = {
    month: {},
    category: { values: categories.join(', ') },
    area: { values: areas.length > 0 ? areas.join(', ') : t('councilSources.noAreas') },
    count: {},
  }
  return (
    <section aria-labelledby="format" className="panel import-format council-section">
      <h2 id="format">{t('councilSources.formatHeading')}</h2>
      <p>{t('councilSources.formatIntro')}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('councilSources.formatHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('councilSources.columnHeading')}</th>
              <th scope="col">{t('councilSources.meaningHeading')}</th>
            </tr>
          </thead>
          <tbody>
            {statisticColumns.map((column) => (
              <tr key={column}>
                <th scope="row">
                  <code>{statisticColumnNames[column]}</code>
                </th>
                <td>{t(`councilSources.column.${column}`, values[column])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('councilSources.formatRules', { rows: maxRows, size: maxSize })}</p>
      <p>
        <a href={`/trygghet/${councilId}/kallor/mall`} download="mall-andra-kallor.csv">
          {t('councilSources.template')}
        </a>
      </p>
    </section>
  )
}

/** The council's imported files, with a delete for those who may manage them. */
export function StatisticsImports({ imports, canManage }: { imports: StatisticsImportListRow[]; canManage: boolean }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="imports" className="council-section">
      <h2 id="imports">{t('councilSources.importsHeading')}</h2>
      {imports.length === 0 ? (
        <p className="muted">{t('councilSources.noImports')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table council-imports">
            <caption className="visually-hidden">{t('councilSources.importsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('councilSources.importedAt')}</th>
                <th scope="col">{t('councilSources.importSource')}</th>
                <th scope="col">{t('councilSources.importKind')}</th>
                <th scope="col">{t('councilSources.importRows')}</th>
                <th scope="col">{t('councilSources.importedBy')}</th>
                {canManage ? <th scope="col">{t('councilSources.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {imports.map((row) => {
                const date = formatDateTime(locale, row.importedAt)
                return (
                  <tr key={row.id}>
                    <td>{date}</td>
                    <th scope="row">
                      {row.source}
                      {row.fileName ? <div className="muted">{row.fileName}</div> : null}
                    </th>
                    <td>{t(`councilSources.kind.${row.kind}`)}</td>
                    <td>
                      {row.remaining === row.rowCount
                        ? row.rowCount
                        : t('councilSources.importRowsLeft', { rows: row.rowCount, left: row.remaining })}
                    </td>
                    <td>{row.importedByName ?? '–'}</td>
                    {canManage ? (
                      <td>
                        <Form
                          method="post"
                          onSubmit={(event) => {
                            if (!window.confirm(t('councilSources.deleteConfirm'))) event.preventDefault()
                          }}
                        >
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="importId" value={row.id} />
                          <button
                            type="submit"
                            className="button button--secondary"
                            aria-label={t('councilSources.deleteLabel', { source: row.source, date })}
                          >
                            {t('councilSources.delete')}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
