import { Form, useNavigation } from '@remix-run/react'
import { safetySurveyQuestions, type SafetySurveyQuestion } from '~/db/enums'
import { formatNumber } from '~/i18n/format'
import { translateMessage, useLocale, useT } from '~/i18n/i18n'
import { cellName, surveyColumnNames, surveyColumns, type SurveyColumn } from '~/modules/council/survey'
import type { SurveyCell, SurveyImportPreview, SurveyPreviewRow } from '~/modules/council/survey.server'
import { ConfirmImportForm, CsvPreviewTable, FileIssues } from './statistics-preview'
import { FormMessage } from '~/components/forms/field'

export interface SurveyArea {
  id: string | null
  name: string
}

function CellInput({
  area,
  question,
  value,
  version,
  error,
  current,
}: {
  area: SurveyArea
  question: SafetySurveyQuestion
  value: string
  version: number
  error?: string
  current?: string
}) {
  const t = useT()
  const name = cellName('share', area.id, question)
  const id = `survey-${name.replace(/\./g, '-')}`
  const describedBy =
    [error ? `${id}-error` : null, current !== undefined ? `${id}-current` : null].filter(Boolean).join(' ') ||
    undefined
  return (
    <td className={error ? 'field--error' : undefined}>
      <label htmlFor={id} className="visually-hidden">
        {t('councilSources.survey.cellLabel', { question: t(`councilSources.question.${question}`), area: area.name })}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="survey-entry__input"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <input type="hidden" name={cellName('version', area.id, question)} value={version} />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {translateMessage(t, error)}
        </p>
      ) : null}
      {current !== undefined ? (
        <p className="field__current" id={`${id}-current`}>
          {t('councilSources.survey.current', { value: current || '–' })}
        </p>
      ) : null}
    </td>
  )
}

/**
 * One year's results as a table form: a row per area (the whole municipality
 * first), an input per question. After a conflict the user's values stay and
 * each cell tells what is saved now.
 */
export function SurveyEntryForm({
  year,
  areas,
  cells,
  values,
  errors,
  conflict,
}: {
  year: number
  areas: SurveyArea[]
  /** What is stored, with the versions the save refers to. */
  cells: SurveyCell[]
  /** The values the user sent, when the save failed. */
  values: Record<string, string> | null
  errors: Record<string, string>
  conflict: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const navigation = useNavigation()
  const saving = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save'
  const stored = new Map(cells.map((cell) => [cellName('share', cell.areaId, cell.question), cell]))
  return (
    <Form method="post" className="stack survey-entry" noValidate aria-busy={saving}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="year" value={year} />
      <p className="field__hint" id="survey-entry-hint">
        {t('councilSources.survey.entryHint')}
      </p>
      <div className="table-wrap">
        <table className="table survey-entry__table" aria-describedby="survey-entry-hint">
          <caption>{t('councilSources.survey.entryCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('councilSources.survey.area')}</th>
              {safetySurveyQuestions.map((question) => (
                <th scope="col" key={question}>
                  {t(`councilSources.question.${question}`)} (%)
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.id ?? 'all'}>
                <th scope="row">{area.name}</th>
                {safetySurveyQuestions.map((question) => {
                  const name = cellName('share', area.id, question)
                  const cell = stored.get(name)
                  const saved = cell ? formatNumber(locale, Number(cell.share), 1, 1) : ''
                  return (
                    <CellInput
                      key={question}
                      area={area}
                      question={question}
                      value={values ? (values[name] ?? '') : saved}
                      version={cell?.version ?? 0}
                      error={errors[name]}
                      current={conflict ? saved : undefined}
                    />
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {t('councilSources.survey.save', { year })}
        </button>
      </div>
      <div role="status" aria-live="polite" className="import-progress">
        {saving ? <span>{t('councilSources.survey.saving')}</span> : null}
      </div>
    </Form>
  )
}

/** A checked survey file: every row, and the confirmation when no row has a problem. */
export function SurveyImportPreviewSection({ preview, text }: { preview: SurveyImportPreview; text: string }) {
  const t = useT()
  const locale = useLocale()
  const heading = preview.fileName
    ? t('councilSources.previewOf', { name: preview.fileName })
    : t('councilSources.previewHeading')
  if (!preview.ok) {
    return (
      <section aria-labelledby="survey-preview" className="council-section">
        <h2 id="survey-preview">{heading}</h2>
        <FileIssues issues={preview.fileIssues} />
      </section>
    )
  }
  const { totals } = preview
  const columns = surveyColumns.map((key) => ({ key, label: surveyColumnNames[key] }))
  const cell = (row: SurveyPreviewRow, column: SurveyColumn) => {
    const value = row.value!
    if (column === 'year') return value.year
    if (column === 'area') return value.areaName ?? t('councilSources.wholeMunicipality')
    if (column === 'question') return t(`councilSources.question.${value.question}`)
    return `${formatNumber(locale, value.share, 1, 1)} %`
  }
  return (
    <section aria-labelledby="survey-preview" className="council-section">
      <h2 id="survey-preview">{heading}</h2>
      {totals.rowsWithIssues > 0 ? (
        <FormMessage kind="error">{t('councilSources.hasIssues', { count: totals.rowsWithIssues })}</FormMessage>
      ) : (
        <FormMessage kind="success">{t('councilSources.ready')}</FormMessage>
      )}
      <p>
        {t('councilSources.survey.importTotals', { rows: totals.rows, years: totals.years.join(', ') || '–' })}{' '}
        {totals.replaces > 0 ? t('councilSources.survey.importReplaces', { count: totals.replaces }) : null}
      </p>
      {preview.rows.length < totals.rows ? (
        <p className="muted">{t('councilSources.shown', { shown: preview.rows.length, total: totals.rows })}</p>
      ) : null}
      <CsvPreviewTable caption={t('councilSources.caption')} columns={columns} rows={preview.rows} cell={cell} />
      {totals.rowsWithIssues === 0 ? <ConfirmImportForm fields={{ fileName: preview.fileName }} text={text} /> : null}
    </section>
  )
}
