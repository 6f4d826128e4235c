import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormMessage } from '~/components/forms/field'
import { analysisTitleOf } from '~/components/rsa/analysis-header'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getDb } from '~/db/app-db.server'
import { translateMessage, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { requireUser } from '~/modules/auth/guards.server'
import { parseForm } from '~/modules/forms/parse-form'
import { notFound, requireUuid } from '~/modules/http/responses'
import { updateNarrative } from '~/modules/rsa/analyses.server'
import { reportParts } from '~/modules/rsa/report'
import { NarrativeSchema } from '~/modules/rsa/rsa-forms'
import { requireManageableAnalysis } from '~/modules/rsa/rsa-access.server'
import { readFormData } from '~/modules/http/form-data.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const analysis = await requireManageableAnalysis(await getDb(), user, id)
  const values: Record<string, string> = { version: String(analysis.version) }
  for (const part of reportParts) values[part] = analysis.narrative[part] ?? ''
  return { analysisId: id, values }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireManageableAnalysis(db, user, id)
  const parsed = parseForm(NarrativeSchema, await readFormData(request))
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors }, { status: 400 })
  const { version, ...parts } = parsed.data
  const narrative = Object.fromEntries(reportParts.map((part) => [part, parts[part]]))
  const result = await updateNarrative(db, { actorId: user.id, id, version, narrative })
  if (result.ok) throw redirect(`/rsa/${id}/rapport`)
  if (result.error === 'notFound') throw notFound()
  // The text stays; the stored version lets a second save overwrite knowingly.
  return data(
    {
      values: { ...parsed.values, version: String(analysis.version) },
      errors: { _form: 'rsa.conflict' } as Record<string, string>,
    },
    { status: 409 },
  )
}

const partLabels: Record<(typeof reportParts)[number], MessageKey> = {
  area: 'rsa.part.area',
  process: 'rsa.part.process',
  services: 'rsa.part.services',
  dependencies: 'rsa.part.dependencies',
  risks: 'rsa.part.risks',
  vulnerabilities: 'rsa.part.vulnerabilities',
  measures: 'rsa.part.measures',
}

export const handle: SectionHandle<typeof loader> = { heading: 'rsa.narrative.title', narrow: true }

export default function NarrativePage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values: Record<string, string> = actionData?.values ?? loaded.values
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <>
      <p>{t('rsa.narrative.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="version" value={values.version ?? ''} />
        {errors._form ? <FormMessage kind="error">{translateMessage(t, errors._form)}</FormMessage> : null}
        {reportParts.map((part, index) => (
          <Field
            key={part}
            label={`${index + 1}. ${t(partLabels[part])}`}
            name={part}
            hint={t(`rsa.narrative.hint.${part}`)}
            error={errors[part]}
          >
            {(props) => <textarea {...props} rows={6} defaultValue={values[part] ?? ''} />}
          </Field>
        ))}
        <div className="actions">
          <button type="submit" className="button">
            {t('rsa.narrative.save')}
          </button>
          <Link to={`/rsa/${loaded.analysisId}/rapport`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, (t) => t('rsa.meta.narrative', { analysis: analysisTitleOf(matches) ?? t('rsa.meta.fallback') })),
]
