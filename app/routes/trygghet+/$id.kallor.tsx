import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { StatisticsFormat, StatisticsImports } from '~/components/council/statistics-format'
import { StatisticsPreviewSection, StatisticsUploadForm } from '~/components/council/statistics-import'
import { FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { councilStatisticKinds } from '~/db/enums'
import { formatCount, formatUploadSize } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/modules/auth/permissions'
import { requireCouncil, type CouncilRequest } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import { MAX_STATISTICS_ROWS } from '~/modules/council/statistics-csv'
import {
  councilUploadLimit,
  readCouncilUpload,
  resentText,
  type CouncilUpload,
} from '~/modules/council/statistics-request.server'
import {
  deleteStatisticsImport,
  importStatistics,
  listStatisticsImports,
  previewStatisticsImport,
  statisticsNames,
  type StatisticsPreview,
} from '~/modules/council/statistics.server'
import { enumField, requiredText, uuidField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { dispatchIntent } from '~/modules/http/intents'
import sourcesStyles from '~/styles/council-sources.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sourcesStyles }]

const ImportSchema = z.object({
  kind: enumField(councilStatisticKinds),
  source: requiredText(100),
  fileName: z.string().max(255, 'validation.tooLong').default(''),
})
const DeleteSchema = z.object({ importId: uuidField })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const [names, imports] = await Promise.all([statisticsNames(db, council.id), listStatisticsImports(db, council.id)])
  return {
    council: councilRef(council),
    canManage: can(user, 'council.manage', councilScope(council)),
    categories: names.categories.map((category) => category.name),
    areas: names.areas.map((area) => area.name),
    imports,
    maxBytes: councilUploadLimit(),
    maxRows: MAX_STATISTICS_ROWS,
  }
}

type Values = { kind: string; source: string }
type ActionResult =
  | { intent: 'upload'; errors: Record<string, string>; values: Values }
  | { intent: 'preview'; preview: StatisticsPreview; values: Values; text: string }
  | { intent: 'imported'; rows: number; replaced: number }
  | { intent: 'deleted'; ok: boolean }

interface SourcesAction extends CouncilRequest {
  upload: Extract<CouncilUpload, { ok: true }>
}

/** The fields of both import steps; the file's text comes from the upload (preview) or is sent back (confirm). */
function readImport({ council, upload }: SourcesAction, text: string | null | undefined) {
  const parsed = parseForm(ImportSchema, upload.formData)
  const values = { kind: parsed.values.kind ?? '', source: parsed.values.source ?? '' }
  if (!parsed.ok)
    return { values, failed: data<ActionResult>({ intent: 'upload', errors: parsed.errors, values }, { status: 400 }) }
  if (!text) {
    const errors = { file: 'councilSources.noFile' }
    return { values, failed: data<ActionResult>({ intent: 'upload', errors, values }, { status: 400 }) }
  }
  const { kind, source } = parsed.data
  const fileName = upload.file?.name ?? parsed.data.fileName
  return { values, input: { councilId: council.id, kind, source, fileName, text } }
}

/** The first step of an import: the file checked, nothing written. */
async function preview(context: SourcesAction) {
  const { values, failed, input } = readImport(context, context.upload.file?.text)
  if (!input) return failed
  const checked = await previewStatisticsImport(context.db, input)
  const clean = checked.ok && checked.totals.rowsWithIssues === 0
  return data<ActionResult>(
    { intent: 'preview', preview: checked, values, text: input.text },
    { status: clean ? 200 : 400 },
  )
}

/** The second step: the checked text, sent back, checked again and written. */
async function confirm(context: SourcesAction) {
  const { values, failed, input } = readImport(context, resentText(context.upload.formData))
  if (!input) return failed
  const result = await importStatistics(context.db, { ...input, actorId: context.user.id })
  if (result.ok) return { intent: 'imported' as const, rows: result.rows, replaced: result.replaced }
  return data<ActionResult>({ intent: 'preview', preview: result.preview, values, text: input.text }, { status: 400 })
}

async function remove({ db, user, council, upload }: SourcesAction) {
  const parsed = parseForm(DeleteSchema, upload.formData)
  if (!parsed.ok) {
    const values = { kind: parsed.values.kind ?? '', source: parsed.values.source ?? '' }
    return data<ActionResult>({ intent: 'upload', errors: parsed.errors, values }, { status: 400 })
  }
  const ok = await deleteStatisticsImport(db, {
    councilId: council.id,
    importId: parsed.data.importId,
    actorId: user.id,
  })
  return data<ActionResult>({ intent: 'deleted', ok }, { status: ok ? 200 : 404 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.manage')
  const upload = await readCouncilUpload(request)
  if (!upload.ok)
    return data<ActionResult>(
      { intent: 'upload', errors: { file: upload.error }, values: { kind: '', source: '' } },
      { status: 413 },
    )
  return dispatchIntent(upload.formData, { preview, confirm, delete: remove }, { db, user, council, upload })
}

export const handle: SectionHandle<typeof loader> = { heading: 'councilSources.title' }

export default function CouncilSourcesPage() {
  const t = useT()
  const locale = useLocale()
  const { council, canManage, categories, areas, imports, maxBytes, maxRows } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values =
    actionData?.intent === 'upload' || actionData?.intent === 'preview' ? actionData.values : { kind: '', source: '' }
  return (
    <>
      <p>{t('councilSources.intro')}</p>
      {actionData?.intent === 'imported' ? (
        <FormMessage kind="success">
          {t('councilSources.done', { rows: actionData.rows, replaced: actionData.replaced })}
        </FormMessage>
      ) : null}
      {actionData?.intent === 'deleted' ? (
        <FormMessage kind={actionData.ok ? 'success' : 'error'}>
          {t(actionData.ok ? 'councilSources.deleted' : 'councilSources.deleteGone')}
        </FormMessage>
      ) : null}
      {actionData?.intent === 'preview' ? (
        <StatisticsPreviewSection
          preview={actionData.preview}
          kind={actionData.values.kind === 'incident_reports' ? 'incident_reports' : 'crime_statistics'}
          source={actionData.values.source}
          text={actionData.text}
          confirmable={canManage}
        />
      ) : null}
      {canManage ? (
        <section aria-labelledby="upload" className="council-section">
          <h2 id="upload">{t('councilSources.uploadHeading')}</h2>
          <StatisticsUploadForm
            key={actionData?.intent === 'imported' ? 'imported' : 'upload'}
            maxBytes={maxBytes}
            maxRows={maxRows}
            values={values}
            errors={actionData?.intent === 'upload' ? actionData.errors : {}}
          />
        </section>
      ) : (
        <p className="notice">{t('councilSources.readOnly')}</p>
      )}
      <StatisticsImports imports={imports} canManage={canManage} />
      <StatisticsFormat
        councilId={council.id}
        categories={categories}
        areas={areas}
        maxRows={formatCount(locale, maxRows)}
        maxSize={formatUploadSize(locale, maxBytes)}
      />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('councilSources.meta.title', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
