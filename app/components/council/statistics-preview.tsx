import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { FormMessage } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import type { FileIssue } from '~/modules/import/import-rows'
import type { CsvIssue } from '~/modules/council/statistics-csv'

export interface PreviewColumn<Column extends string> {
  key: Column
  label: string
}

interface PreviewRow<Column extends string> {
  line: number
  raw: Record<Column, string>
  issues: CsvIssue<Column>[]
}

/** The file's problems as such: no row was checked. */
export function FileIssues({ issues }: { issues: FileIssue[] }) {
  const t = useT()
  return (
    <FormMessage kind="error">
      <p>{t('councilSources.fileIssues')}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.message}-${JSON.stringify(issue.vars ?? {})}`}>{t(issue.message, issue.vars)}</li>
        ))}
      </ul>
    </FormMessage>
  )
}

/**
 * Every row of a checked CSV file: its values as read (`cells` may show the
 * parsed ones) and, per row, its problems named by column. Shared by the
 * statistics and the safety survey import.
 */
export function CsvPreviewTable<Column extends string, Row extends PreviewRow<Column>>({
  caption,
  columns,
  rows,
  cell,
}: {
  caption: string
  columns: PreviewColumn<Column>[]
  rows: Row[]
  cell?: (row: Row, column: Column) => ReactNode
}) {
  const t = useT()
  const label = new Map(columns.map((column) => [column.key, column.label]))
  return (
    <div className="table-wrap">
      <table className="table import-table csv-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('councilSources.line')}</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
              </th>
            ))}
            <th scope="col">{t('councilSources.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={row.issues.length > 0 ? 'import-table__row--error' : undefined}>
              <th scope="row">
                {t('councilSources.line')} {row.line}
              </th>
              {columns.map((column) => (
                <td key={column.key}>
                  {row.issues.length === 0 && cell ? cell(row, column.key) : row.raw[column.key]}
                </td>
              ))}
              <td>
                {row.issues.length === 0 ? (
                  t('councilSources.rowOk')
                ) : (
                  <ul className="import-table__issues">
                    {row.issues.map((issue) => (
                      <li key={`${issue.column}-${issue.message}`}>
                        {issue.column
                          ? t('import.issue', {
                              column: label.get(issue.column) ?? issue.column,
                              message: t(issue.message, issue.vars),
                            })
                          : t(issue.message, issue.vars)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The confirmation of a previewed file: the checked text goes back and is checked again before anything is written. */
export function ConfirmImportForm({ fields, text }: { fields: Record<string, string>; text: string }) {
  const t = useT()
  const navigation = useNavigation()
  const confirming = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'confirm'
  return (
    <Form method="post" encType="multipart/form-data" className="import-confirm" aria-busy={confirming}>
      <input type="hidden" name="intent" value="confirm" />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="text" value={text} />
      <div className="actions">
        <button type="submit" className="button" disabled={confirming}>
          {t('councilSources.confirm')}
        </button>
      </div>
      <div role="status" aria-live="polite" className="import-progress">
        {confirming ? <span>{t('councilSources.confirming')}</span> : null}
      </div>
    </Form>
  )
}
