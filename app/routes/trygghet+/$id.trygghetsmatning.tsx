import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CsvFileField, CsvUploadForm } from '~/components/council/statistics-import'
import { SurveyEntryForm, SurveyImportPreviewSection } from '~/components/council/survey-entry'
import { SurveyTrend } from '~/components/council/survey-trend'
import { FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/modules/auth/permissions'
import { requireCouncil, type CouncilRequest } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import { areaNames } from '~/modules/council/reports.server'
import {
  councilUploadLimit,
  readCouncilUpload,
  resentText,
  type CouncilUpload,
} from '~/modules/council/statistics-request.server'
import {
  isSurveyYear,
  MAX_SURVEY_ROWS,
  readSurveyForm,
  surveyColumnNames,
  surveyColumns,
} from '~/modules/council/survey'
import {
  importSurvey,
  previewSurveyImport,
  saveSurveyYear,
  surveyTrend,
  surveyYear,
  surveyYears,
  type SurveyCell,
  type SurveyImportPreview,
} from '~/modules/council/survey.server'
import { formValues } from '~/modules/forms/form-values'
import { dispatchIntent } from '~/modules/http/intents'
import sourcesStyles from '~/styles/council-sources.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sourcesStyles }]

const yearField = z.coerce
  .number()
  .int()
  .refine((year) => isSurveyYear(year))
const fileNameField = z.string().max(255).default('')
const SaveSchema = z.object({ year: yearField, fileName: fileNameField })
const ImportSchema = z.object({ year: yearField.optional(), fileName: fileNameField })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const years = await surveyYears(db, council.id)
  const asked = Number(new URL(request.url).searchParams.get('ar'))
  const year = isSurveyYear(asked) ? asked : (years[0] ?? new Date().getFullYear() - 1)
  const [areas, cells, trend] = await Promise.all([
    areaNames(db, council.id),
    surveyYear(db, council.id, year),
    surveyTrend(db, council.id),
  ])
  return {
    council: councilRef(council),
    canManage: can(user, 'council.manage', councilScope(council)),
    year,
    areas,
    cells,
    trend,
    maxBytes: councilUploadLimit(),
  }
}

type ActionResult =
  | { intent: 'saved'; year: number; count: number }
  | {
      intent: 'save'
      year: number
      error: 'conflict' | 'invalid' | 'unknownArea'
      values: Record<string, string>
      errors: Record<string, string>
      current: SurveyCell[] | null
    }
  | { intent: 'upload'; error: string }
  | { intent: 'preview'; preview: SurveyImportPreview; text: string }
  | { intent: 'imported'; rows: number; changed: number }

interface SurveyAction extends CouncilRequest {
  upload: Extract<CouncilUpload, { ok: true }>
}

const formInvalid = () => data<ActionResult>({ intent: 'upload', error: 'validation.formInvalid' }, { status: 400 })
const noFile = () => data<ActionResult>({ intent: 'upload', error: 'councilSources.noFile' }, { status: 400 })

async function save({ db, user, council, upload }: SurveyAction) {
  const parsed = SaveSchema.safeParse(formValues(upload.formData))
  if (!parsed.success) return formInvalid()
  const { year } = parsed.data
  const areas = await areaNames(db, council.id)
  const read = readSurveyForm(upload.formData, [null, ...areas.map((area) => area.id)])
  if (!read.ok) {
    return data<ActionResult>(
      { intent: 'save', year, error: 'invalid', values: read.values, errors: read.errors, current: null },
      { status: 400 },
    )
  }
  const result = await saveSurveyYear(db, { councilId: council.id, actorId: user.id, year, cells: read.cells })
  if (result.ok) return { intent: 'saved' as const, year, count: result.changed }
  const current = result.error === 'conflict' ? result.current : null
  return data<ActionResult>(
    { intent: 'save', year, error: result.error, values: read.values, errors: {}, current },
    { status: 409 },
  )
}

/** The first step of an import: the file checked, nothing written. */
async function preview({ db, council, upload }: SurveyAction) {
  const parsed = ImportSchema.safeParse(formValues(upload.formData))
  if (!parsed.success) return formInvalid()
  const text = upload.file?.text
  if (!text) return noFile()
  const fileName = upload.file?.name ?? parsed.data.fileName
  const checked = await previewSurveyImport(db, { councilId: council.id, text, fileName })
  const clean = checked.ok && checked.totals.rowsWithIssues === 0
  return data<ActionResult>({ intent: 'preview', preview: checked, text }, { status: clean ? 200 : 400 })
}

/** The second step: the checked text, sent back, checked again and written. */
async function confirm({ db, user, council, upload }: SurveyAction) {
  const parsed = ImportSchema.safeParse(formValues(upload.formData))
  if (!parsed.success) return formInvalid()
  const text = resentText(upload.formData)
  if (!text) return noFile()
  const fileName = upload.file?.name ?? parsed.data.fileName
  const result = await importSurvey(db, { councilId: council.id, text, fileName, actorId: user.id })
  if (result.ok) return { intent: 'imported' as const, rows: result.rows, changed: result.changed }
  return data<ActionResult>({ intent: 'preview', preview: result.preview, text }, { status: 400 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.manage')
  const upload = await readCouncilUpload(request)
  if (!upload.ok) return data<ActionResult>({ intent: 'upload', error: upload.error }, { status: 413 })
  return dispatchIntent(upload.formData, { save, preview, confirm }, { db, user, council, upload })
}

export const handle: SectionHandle<typeof loader> = { heading: 'councilSources.survey.title' }

export default function SurveyPage() {
  const t = useT()
  const { council, canManage, year, areas, cells, trend, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failed = actionData?.intent === 'save' && actionData.year === year ? actionData : null
  const shownCells = failed?.current ?? cells
  const rows = [{ id: null, name: t('councilSources.wholeMunicipality') }, ...areas]
  return (
    <>
      <p>{t('councilSources.survey.intro')}</p>
      <Form method="get" className="survey-year">
        <label htmlFor="survey-year">{t('councilSources.survey.year')}</label>
        <input
          id="survey-year"
          name="ar"
          type="text"
          inputMode="numeric"
          defaultValue={year}
          key={year}
          className="input--short"
        />
        <button type="submit" className="button button--secondary">
          {t('councilSources.survey.show')}
        </button>
      </Form>
      <section aria-labelledby="survey-entry" className="council-section">
        <h2 id="survey-entry">{t('councilSources.survey.entryHeading', { year })}</h2>
        {actionData?.intent === 'saved' ? (
          <FormMessage kind="success">
            {t('councilSources.survey.saved', { year: actionData.year, count: actionData.count })}
          </FormMessage>
        ) : null}
        {failed?.error === 'conflict' ? (
          <FormMessage kind="error">{t('councilSources.survey.conflict', { year })}</FormMessage>
        ) : null}
        {failed?.error === 'invalid' ? (
          <FormMessage kind="error">{t('councilSources.survey.invalid')}</FormMessage>
        ) : null}
        {failed?.error === 'unknownArea' ? (
          <FormMessage kind="error">{t('councilSources.survey.unknownArea')}</FormMessage>
        ) : null}
        {canManage ? (
          <SurveyEntryForm
            key={`${year}:${shownCells.map((cell) => `${cell.areaId}${cell.question}${cell.version}`).join()}:${failed ? 'failed' : ''}`}
            year={year}
            areas={rows}
            cells={shownCells}
            values={failed?.values ?? null}
            errors={failed?.errors ?? {}}
            conflict={failed?.error === 'conflict'}
          />
        ) : (
          <p className="notice">{t('councilSources.survey.readOnly')}</p>
        )}
      </section>
      <SurveyTrend trend={trend} />
      {actionData?.intent === 'imported' ? (
        <FormMessage kind="success">
          {t('councilSources.survey.imported', { rows: actionData.rows, changed: actionData.changed })}
        </FormMessage>
      ) : null}
      {actionData?.intent === 'preview' ? (
        <SurveyImportPreviewSection preview={actionData.preview} text={actionData.text} />
      ) : null}
      {canManage ? (
        <section aria-labelledby="survey-import" className="council-section">
          <h2 id="survey-import">{t('councilSources.survey.importHeading')}</h2>
          <p>
            {t('councilSources.survey.importIntro', {
              columns: surveyColumns.map((column) => surveyColumnNames[column]).join(';'),
            })}
          </p>
          <CsvUploadForm>
            <CsvFileField
              maxBytes={maxBytes}
              maxRows={MAX_SURVEY_ROWS}
              error={actionData?.intent === 'upload' ? actionData.error : undefined}
            />
          </CsvUploadForm>
          <p>
            <a href={`/trygghet/${council.id}/kallor/mall?fil=trygghetsmatning`} download="mall-trygghetsmatning.csv">
              {t('councilSources.survey.template')}
            </a>
          </p>
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('councilSources.meta.survey', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
