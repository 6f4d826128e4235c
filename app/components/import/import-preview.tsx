import { Form, useNavigation } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { formatDateTime } from '~/i18n/format'
import { translateMessage, useLocale, useT } from '~/i18n/i18n'
import { columnNames, labelledValues, type ImportIssue, type LabelledColumn } from '~/modules/import/import-rows'
import type { ImportPreview as Preview, PreviewRow } from '~/modules/import/import.server'
import { useAllowedValues } from './import-format'

function useIssueText(): (row: PreviewRow, issue: ImportIssue) => string {
  const t = useT()
  const allowed = useAllowedValues()
  return (row, issue) => {
    const column = issue.column
    const message =
      issue.message === 'import.error.unknownValue' && column && column in labelledValues
        ? t('import.error.unknownValue', { value: row.raw[column], allowed: allowed(column as LabelledColumn) })
        : translateMessage(t, issue.message)
    return column ? t('import.issue', { column: columnNames[column], message }) : message
  }
}

function RowResult({ row }: { row: PreviewRow }) {
  const t = useT()
  const issueText = useIssueText()
  if (row.issues.length > 0) {
    return (
      <ul className="import-table__issues">
        {row.issues.map((issue) => (
          <li key={`${issue.column}-${issue.message}`}>{issueText(row, issue)}</li>
        ))}
      </ul>
    )
  }
  const route = { new: 'import.newRoute', duplicate: 'import.duplicateRoute', none: 'import.noRoute' } as const
  return (
    <>
      {t(row.organisationIsNew ? 'import.newOrganisation' : 'import.existingOrganisation')}. {t(route[row.routeStatus])}
      .
    </>
  )
}

/** The checked file: its rows with their problems, and the confirmation when there are none. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const t = useT()
  const locale = useLocale()
  const navigation = useNavigation()
  const confirming = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'confirm'
  const name = preview.fileName || t('import.pasted')
  if (!preview.ok) {
    return (
      <section aria-labelledby="preview">
        <h2 id="preview">{t('import.previewOf', { name })}</h2>
        <FormMessage kind="error">
          <p>{t('import.fileIssues')}</p>
          <ul>
            {preview.fileIssues.map((issue) => (
              <li key={issue.message}>{t(issue.message, issue.vars)}</li>
            ))}
          </ul>
        </FormMessage>
      </section>
    )
  }
  const { totals } = preview
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">{t('import.previewOf', { name })}</h2>
      {totals.rowsWithIssues > 0 ? (
        <FormMessage kind="error">{t('import.hasIssues', { count: totals.rowsWithIssues })}</FormMessage>
      ) : (
        <FormMessage kind="success">{t('import.ready')}</FormMessage>
      )}
      <p>
        {t('import.totals', {
          rows: totals.rows,
          organisations: totals.newOrganisations,
          routes: totals.newRoutes,
          duplicates: totals.duplicates,
        })}
      </p>
      {preview.rows.length < totals.rows ? (
        <p className="muted">{t('import.shown', { shown: preview.rows.length, total: totals.rows })}</p>
      ) : null}
      <div className="table-wrap">
        <table className="table import-table">
          <caption>{t('import.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.organisation')}</th>
              <th scope="col">{t('import.route')}</th>
              <th scope="col">{t('import.result')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.issues.length > 0 ? 'import-table__row--error' : undefined}>
                <th scope="row">
                  {t('import.line')} {row.line}
                </th>
                <td>{row.organisationName}</td>
                <td>
                  {[row.raw.function, row.raw.channel, row.raw.value, row.raw.availability].filter(Boolean).join(' · ')}
                  {row.raw.label ? <div className="muted">{row.raw.label}</div> : null}
                </td>
                <td>
                  <RowResult row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.batch ? (
        <Form method="post" className="import-confirm" aria-busy={confirming}>
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="batchId" value={preview.batch.id} />
          <p className="muted">{t('import.confirmHint', { time: formatDateTime(locale, preview.batch.expiresAt) })}</p>
          <div className="actions">
            <button type="submit" className="button" disabled={confirming}>
              {t('import.confirm')}
            </button>
          </div>
          <div role="status" aria-live="polite" className="import-progress">
            {confirming ? (
              <>
                <progress aria-label={t('import.confirming')} />
                <span>{t('import.confirming')}</span>
              </>
            ) : null}
          </div>
        </Form>
      ) : null}
    </section>
  )
}
