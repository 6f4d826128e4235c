import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { ImportFormat } from '~/components/import/import-format'
import { ImportPreview } from '~/components/import/import-preview'
import { UploadForm } from '~/components/import/upload-form'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { formatCount, formatUploadSize } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { dispatchIntent } from '~/modules/http/intents'
import {
  readConfirmation,
  readImportForm,
  readPreviewText,
  type ImportSubmissionError,
} from '~/modules/import/import-request.server'
import { MAX_IMPORT_ROWS } from '~/modules/import/import-rows'
import {
  confirmImport,
  previewImport,
  type ConfirmResult,
  type ImportPreview as Preview,
} from '~/modules/import/import.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'registry.oversee')
  return { maxBytes: getEnv().MAX_BODY_BYTES, maxRows: MAX_IMPORT_ROWS }
}

type ActionResult =
  | { step: 'upload'; error: ImportSubmissionError; text: string }
  | { step: 'preview'; preview: Preview; text: string }
  | { step: 'confirmed'; result: ConfirmResult }

interface ImportAction {
  user: SessionUser
  formData: FormData
}

const refused = (error: ImportSubmissionError, status: 400 | 413) =>
  data<ActionResult>({ step: 'upload', error, text: '' }, { status })

async function preview({ user, formData }: ImportAction) {
  const read = await readPreviewText(formData)
  if (!read.ok) return refused(read.error, 400)
  const checked = await previewImport(await getDb(), { actorId: user.id, text: read.text, fileName: read.fileName })
  const clean = checked.ok && checked.batch !== null
  return data<ActionResult>({ step: 'preview', preview: checked, text: read.pasted }, { status: clean ? 200 : 400 })
}

async function confirm({ user, formData }: ImportAction) {
  const read = readConfirmation(formData)
  if (!read.ok) return refused(read.error, 400)
  const result = await confirmImport(await getDb(), { actorId: user.id, batchId: read.batchId })
  return data<ActionResult>({ step: 'confirmed', result }, { status: result.ok ? 200 : 409 })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'registry.oversee')
  const formData = await readImportForm(request, getEnv().MAX_BODY_BYTES)
  if (!formData) return refused('import.tooLarge', 413)
  return dispatchIntent(formData, { preview, confirm }, { user, formData })
}

export default function ImportPage() {
  const t = useT()
  const locale = useLocale()
  const { maxBytes, maxRows } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const confirmed = actionData?.step === 'confirmed' ? actionData.result : null
  return (
    <div className="page">
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      {confirmed?.ok ? (
        <FormMessage kind="success">
          <p>
            {t('import.done', { organisations: confirmed.totals.newOrganisations, routes: confirmed.totals.newRoutes })}
          </p>
          {confirmed.createdOrganisations.length > 0 ? (
            <>
              <p>{t('import.created')}:</p>
              <ul>
                {confirmed.createdOrganisations.map((organisation) => (
                  <li key={organisation.id}>
                    <Link to={`/organisationer/${organisation.id}`}>{organisation.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </FormMessage>
      ) : null}
      {confirmed && !confirmed.ok ? (
        <FormMessage kind="error">{t(confirmed.error === 'gone' ? 'import.gone' : 'import.changed')}</FormMessage>
      ) : null}
      {actionData?.step === 'preview' ? <ImportPreview preview={actionData.preview} /> : null}
      <section aria-labelledby="upload">
        <h2 id="upload">{t('import.uploadHeading')}</h2>
        <UploadForm
          key={confirmed?.ok ? 'imported' : 'upload'}
          maxBytes={maxBytes}
          maxRows={maxRows}
          error={actionData?.step === 'upload' ? actionData.error : undefined}
          text={actionData?.step === 'preview' || actionData?.step === 'upload' ? actionData.text : ''}
        />
      </section>
      <ImportFormat maxRows={formatCount(locale, maxRows)} maxSize={formatUploadSize(locale, maxBytes)} />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'import.meta.title')]
