import { labelOf, useT } from '~/i18n/i18n'
import {
  columnNames,
  importColumns,
  labelledValues,
  type ImportColumn,
  type LabelledColumn,
} from '~/modules/import/import-rows'

/** "Kommun (municipality), Polis (police) …": the labels of a fixed list, with their codes. */
export function useAllowedValues(): (column: LabelledColumn) => string {
  const t = useT()
  return (column) => {
    const { prefix, values } = labelledValues[column]
    return values.map((value) => `${labelOf(t, prefix, value)} (${value})`).join(', ')
  }
}

const isLabelled = (column: ImportColumn): column is LabelledColumn => column in labelledValues

/** The documentation of the file format, as the page shows it. */
export function ImportFormat({ maxRows, maxSize }: { maxRows: string; maxSize: string }) {
  const t = useT()
  const allowed = useAllowedValues()
  return (
    <section aria-labelledby="format" className="panel import-format">
      <h2 id="format">{t('import.formatHeading')}</h2>
      <p>{t('import.formatIntro')}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('import.formatHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columnHeading')}</th>
              <th scope="col">{t('import.meaningHeading')}</th>
            </tr>
          </thead>
          <tbody>
            {importColumns.map((column) => (
              <tr key={column}>
                <th scope="row">
                  <code>{columnNames[column]}</code>
                </th>
                <td>
                  {t(`import.column.${column}`, isLabelled(column) ? { values: allowed(column) } : {})}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('import.formatRules', { rows: maxRows, size: maxSize })}</p>
      <p>
        <a href="/admin/import/mall" download="importmall-organisationer.csv">
          {t('import.template')}
        </a>
      </p>
    </section>
  )
}
