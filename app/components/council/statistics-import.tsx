import { Form, useNavigation } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { councilStatisticKinds, type CouncilStatisticKind } from '~/db/enums'
import { formatCount, formatUploadSize } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { statisticColumnNames, statisticColumns, type StatisticColumn } from '~/modules/council/statistics-csv'
import type { StatisticsPreview, StatisticsPreviewRow } from '~/modules/council/statistics.server'
import { ConfirmImportForm, CsvPreviewTable, FileIssues } from './statistics-preview'

/** A CSV file field that refuses a file over the limit before it is sent. */
export function CsvFileField({ maxBytes, maxRows, error }: { maxBytes: number; maxRows: number; error?: string }) {
  const t = useT()
  const locale = useLocale()
  const [tooLarge, setTooLarge] = useState<string | null>(null)
  const maxSize = formatUploadSize(locale, maxBytes)
  return (
    <Field
      label={t('councilSources.file')}
      name="file"
      hint={t('councilSources.fileHint', { size: maxSize, rows: formatCount(locale, maxRows) })}
      error={tooLarge ?? (error === 'import.tooLarge' ? t('import.tooLarge', { size: maxSize }) : error)}
    >
      {(props) => (
        <input
          {...props}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            setTooLarge(
              file && file.size > maxBytes
                ? t('councilSources.fileTooLarge', { size: formatUploadSize(locale, file.size), max: maxSize })
                : null,
            )
          }}
        />
      )}
    </Field>
  )
}

/** The upload of a council import page: its own fields, the file, and a live region while it is checked. */
export function CsvUploadForm({ children, className }: { children: ReactNode; className?: string }) {
  const t = useT()
  const navigation = useNavigation()
  const checking = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'preview'
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className={`stack ${className ?? ''}`}
      noValidate
      aria-busy={checking}
    >
      <input type="hidden" name="intent" value="preview" />
      {children}
      <div className="actions">
        <button type="submit" className="button" disabled={checking}>
          {t('councilSources.preview')}
        </button>
      </div>
      <div role="status" aria-live="polite" className="import-progress">
        {checking ? <span>{t('councilSources.checking')}</span> : null}
      </div>
    </Form>
  )
}

export interface StatisticsFormValues {
  kind: string
  source: string
}

/** Kind, source name and file of a statistics import. */
export function StatisticsUploadForm({
  maxBytes,
  maxRows,
  values,
  errors,
}: {
  maxBytes: number
  maxRows: number
  values: StatisticsFormValues
  errors: Record<string, string>
}) {
  const t = useT()
  return (
    <CsvUploadForm>
      <FieldGroup legend={t('councilSources.kindLabel')} className="choices" error={errors.kind}>
        {councilStatisticKinds.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="kind"
              value={kind}
              defaultChecked={(values.kind || 'crime_statistics') === kind}
            />
            {t(`councilSources.kind.${kind}`)}
          </label>
        ))}
      </FieldGroup>
      <Field
        label={t('councilSources.source')}
        name="source"
        hint={t('councilSources.sourceHint')}
        error={errors.source}
      >
        {(props) => <input {...props} type="text" maxLength={100} autoComplete="off" defaultValue={values.source} />}
      </Field>
      <CsvFileField maxBytes={maxBytes} maxRows={maxRows} error={errors.file} />
    </CsvUploadForm>
  )
}

const columns = statisticColumns.map((key) => ({ key, label: statisticColumnNames[key] }))

/** A checked statistics file: totals, what it replaces, every row, and the confirmation when no row has a problem. */
export function StatisticsPreviewSection({
  preview,
  kind,
  source,
  text,
  confirmable,
}: {
  preview: StatisticsPreview
  kind: CouncilStatisticKind
  source: string
  text: string
  confirmable: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const heading = preview.fileName
    ? t('councilSources.previewOf', { name: preview.fileName })
    : t('councilSources.previewHeading')
  if (!preview.ok) {
    return (
      <section aria-labelledby="preview" className="council-section">
        <h2 id="preview">{heading}</h2>
        <FileIssues issues={preview.fileIssues} />
      </section>
    )
  }
  const { totals } = preview
  const number = (value: number) => formatCount(locale, value)
  const cell = (row: StatisticsPreviewRow, column: StatisticColumn) => {
    const value = row.value!
    if (column === 'month') return value.month.slice(0, 7)
    if (column === 'category') return value.categoryName
    if (column === 'area') return value.areaName ?? t('councilSources.wholeMunicipality')
    return number(value.count)
  }
  return (
    <section aria-labelledby="preview" className="council-section">
      <h2 id="preview">{heading}</h2>
      {totals.rowsWithIssues > 0 ? (
        <FormMessage kind="error">{t('councilSources.hasIssues', { count: totals.rowsWithIssues })}</FormMessage>
      ) : (
        <FormMessage kind="success">{t('councilSources.ready')}</FormMessage>
      )}
      <p>
        {t('councilSources.totals', {
          rows: number(totals.rows),
          sum: number(totals.sum),
          first: totals.firstMonth?.slice(0, 7) ?? '–',
          last: totals.lastMonth?.slice(0, 7) ?? '–',
        })}{' '}
        {totals.replaces > 0
          ? t('councilSources.replaces', {
              count: number(totals.replaces),
              source,
              kind: t(`councilSources.kind.${kind}`),
            })
          : t('councilSources.replacesNone')}
      </p>
      {preview.rows.length < totals.rows ? (
        <p className="muted">{t('councilSources.shown', { shown: preview.rows.length, total: totals.rows })}</p>
      ) : null}
      <CsvPreviewTable caption={t('councilSources.caption')} columns={columns} rows={preview.rows} cell={cell} />
      {confirmable && totals.rowsWithIssues === 0 ? (
        <ConfirmImportForm fields={{ kind, source, fileName: preview.fileName }} text={text} />
      ) : null}
    </section>
  )
}
