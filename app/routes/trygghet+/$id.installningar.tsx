import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { listAuditEntries } from '~/modules/audit/audit.server'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { updateCouncilSettings } from '~/modules/council/councils.server'
import { requiredText, versionField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { notFound } from '~/modules/http/responses'
import { readFormData } from '~/modules/http/form-data.server'

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'council.settings.whole')
    .transform(Number)
    .refine((value) => value >= min && value <= max, 'council.settings.range')

const SettingsSchema = z.object({
  version: versionField,
  name: requiredText(200),
  retentionMonths: wholeNumber(1, 120),
  coarsenMetres: wholeNumber(0, 5000),
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.settings')
  const [lastRun] = await listAuditEntries(db, { entity: 'council_retention', entityId: council.id, limit: 1 })
  return {
    council: councilRef(council),
    values: {
      name: council.name,
      retentionMonths: String(council.retentionMonths),
      coarsenMetres: String(council.coarsenMetres),
      version: String(council.version),
    },
    lastRun: lastRun
      ? { at: lastRun.at.toISOString(), deleted: Number((lastRun.changes.deleted as { after?: unknown })?.after ?? 0) }
      : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.settings')
  const parsed = parseForm(SettingsSchema, await readFormData(request))
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, conflict: false }, { status: 400 })
  const updated = await updateCouncilSettings(db, { actorId: user.id, id: council.id, ...parsed.data })
  if (updated.ok) throw redirectWithNotice(`/trygghet/${council.id}/installningar`, saved('council.settings.saved'))
  if (updated.error === 'notFound') throw notFound()
  return data(
    { errors: {}, values: { ...parsed.values, version: String(updated.current.version) }, conflict: true },
    { status: 409 },
  )
}

export const handle: SectionHandle<typeof loader> = { heading: 'council.settings.title' }

export default function CouncilSettingsPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values: Record<string, string> = actionData?.values ?? loaded.values
  const errors: Record<string, string> = actionData?.errors ?? {}
  const current = actionData?.conflict ? loaded.values : undefined
  return (
    <>
      {actionData?.conflict ? <FormMessage kind="error">{t('council.settings.conflict')}</FormMessage> : null}
      <Form method="post" noValidate className="stack" key={values.version}>
        <input type="hidden" name="version" value={values.version} />
        <Field label={t('council.create.name')} name="name" error={errors.name} current={current?.name}>
          {(props) => <input {...props} defaultValue={values.name} />}
        </Field>
        <Field
          label={t('council.settings.retention')}
          name="retentionMonths"
          hint={t('council.settings.retentionHint')}
          error={errors.retentionMonths}
          current={current?.retentionMonths}
        >
          {(props) => (
            <input {...props} inputMode="numeric" className="input--short" defaultValue={values.retentionMonths} />
          )}
        </Field>
        <Field
          label={t('council.settings.coarsen')}
          name="coarsenMetres"
          hint={t('council.settings.coarsenHint')}
          error={errors.coarsenMetres}
          current={current?.coarsenMetres}
        >
          {(props) => (
            <input {...props} inputMode="numeric" className="input--short" defaultValue={values.coarsenMetres} />
          )}
        </Field>
        <button type="submit" className="button">
          {t('council.settings.save')}
        </button>
      </Form>
      <p className="council-section">
        {loaded.lastRun
          ? t('council.settings.lastRun', {
              date: formatDateTime(locale, loaded.lastRun.at),
              count: loaded.lastRun.deleted,
            })
          : t('council.settings.neverRun')}
      </p>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('council.meta.settings', { council: data?.council.name ?? t('council.meta.fallback') })),
]
