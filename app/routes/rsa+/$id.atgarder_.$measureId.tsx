import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { MeasureFields } from '~/components/rsa/measure-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { getMeasure } from '~/modules/rsa/measures.server'
import { measureOptions } from '~/modules/rsa/plan-action.server'
import { runMeasureEdit } from '~/modules/rsa/measure-edit.server'
import { measureValues } from '~/modules/rsa/rsa-forms'
import { requireManageableAnalysis } from '~/modules/rsa/rsa-access.server'
import { readFormData } from '~/modules/http/form-data.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const measureId = requireUuid(params.measureId)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireManageableAnalysis(db, user, id)
  const measure = requireFound(await getMeasure(db, id, measureId))
  return {
    analysisId: id,
    title: measure.title,
    values: measureValues(measure),
    options: await measureOptions(db, analysis),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const measureId = requireUuid(params.measureId)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireManageableAnalysis(db, user, id)
  const outcome = await runMeasureEdit(db, user, analysis, measureId, await readFormData(request))
  if (outcome.kind === 'done') throw redirect(`/rsa/${id}/atgarder`)
  return data({ values: outcome.values, errors: outcome.errors }, { status: outcome.status })
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('rsa.plan.edit', { title: data.title }),
  narrow: true,
}

export default function EditMeasurePage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values: Record<string, string> = actionData?.values ?? loaded.values
  const errors: Record<string, string> = actionData?.errors ?? {}
  const conflict = errors._form === 'rsa.conflict'
  return (
    <>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="version" value={values.version ?? ''} />
        {conflict ? <FormMessage kind="error">{t('rsa.conflict')}</FormMessage> : null}
        {Object.keys(errors).length > 0 && !conflict ? (
          <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
        ) : null}
        <MeasureFields values={values} errors={errors} options={loaded.options} />
        <div className="actions">
          <button type="submit" className="button" name="intent" value="save">
            {t('common.save')}
          </button>
          <Link to={`/rsa/${loaded.analysisId}/atgarder`}>{t('common.cancel')}</Link>
        </div>
      </Form>
      <Form method="post" className="danger-zone">
        <input type="hidden" name="version" value={values.version ?? ''} />
        <button type="submit" className="button button--danger" name="intent" value="delete">
          {t('rsa.plan.delete')}
        </button>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.title ?? t('rsa.meta.measureFallback')),
]
