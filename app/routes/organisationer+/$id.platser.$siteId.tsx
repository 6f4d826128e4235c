import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { SiteFields } from '~/components/registry/site-fields'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { versionField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { notFound, requireUuid } from '~/modules/http/responses'
import { siteFormValues } from '~/modules/registry/form-values'
import { requireEditableSite } from '~/modules/registry/record-access.server'
import { SiteUpdateSchema } from '~/modules/registry/site-form'
import { deleteSite, updateSite } from '~/modules/registry/sites.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent, withDefaultIntent } from '~/modules/http/intents'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const siteId = requireUuid(params.siteId)
  const user = await requireUser(request)
  const site = await requireEditableSite(await getDb(), user, id, siteId)
  return { organisationId: id, siteId, name: site.name, version: site.version, values: siteFormValues(site) }
}

interface SiteAction {
  db: Database
  user: SessionUser
  organisationId: string
  siteId: string
  formData: FormData
}

async function save({ db, user, organisationId, siteId, formData }: SiteAction) {
  const parsed = parseForm(SiteUpdateSchema, formData)
  if (!parsed.ok)
    return data({ form: 'save' as const, errors: parsed.errors, values: parsed.values, current: null }, { status: 400 })
  const result = await updateSite(db, { actorId: user.id, id: siteId, ...parsed.data })
  if (result.ok)
    throw redirectWithNotice(`/organisationer/${organisationId}#plats-${siteId}`, saved('organisations.saved'))
  if (result.error === 'notFound') throw notFound()
  // The user's input stays in the form; the new version lets them save over it knowingly.
  return data(
    {
      form: 'save' as const,
      errors: { _form: 'sites.conflict' },
      values: { ...parsed.values, version: String(result.current.version) },
      current: siteFormValues(result.current),
    },
    { status: 409 },
  )
}

async function remove({ db, user, organisationId, siteId, formData }: SiteAction) {
  const deleteConflict = (status: 400 | 409) =>
    data(
      { form: 'delete' as const, errors: { _form: 'sites.deleteConflict' }, values: null, current: null },
      { status },
    )
  const version = versionField.safeParse(formData.get('version'))
  if (!version.success) return deleteConflict(400)
  const result = await deleteSite(db, { actorId: user.id, id: siteId, version: version.data })
  if (result.ok) throw redirectWithNotice(`/organisationer/${organisationId}#platser`, saved('organisations.saved'))
  if (result.error === 'notFound') throw notFound()
  return deleteConflict(409)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organisationId = requireUuid(params.id)
  const siteId = requireUuid(params.siteId)
  const user = await requireUser(request)
  const db = await getDb()
  await requireEditableSite(db, user, organisationId, siteId)
  const formData = await readFormData(request)
  // A post without an intent saves, as it did before the delete button got its own.
  return dispatchIntent(
    withDefaultIntent(formData, 'save'),
    { save, delete: remove },
    { db, user, organisationId, siteId, formData },
  )
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('sites.editTitle', { name: data.name }),
  narrow: true,
}

export default function EditSitePage() {
  const t = useT()
  const site = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values = actionData?.values ?? site.values
  const version = actionData?.values?.version ?? String(site.version)
  return (
    <>
      {errors._form === 'sites.conflict' ? <FormMessage kind="error">{t('sites.conflict')}</FormMessage> : null}
      {errors._form === 'sites.deleteConflict' ? (
        <FormMessage kind="error">{t('sites.deleteConflict')}</FormMessage>
      ) : null}
      {Object.keys(errors).some((key) => key !== '_form') ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      {/* The key remounts the fields when a conflict brings a new version, so they show the kept input. */}
      <Form method="post" className="stack" noValidate key={version}>
        <input type="hidden" name="version" value={version} />
        <SiteFields values={values} errors={errors} current={actionData?.current ?? undefined} />
        <div className="actions">
          <button type="submit" className="button" name="intent" value="save">
            {t('sites.save')}
          </button>
          <Link to={`/organisationer/${site.organisationId}#plats-${site.siteId}`}>{t('common.cancel')}</Link>
        </div>
      </Form>
      <Form method="post" className="danger-zone">
        <input type="hidden" name="version" value={String(site.version)} />
        <p className="field__hint">{t('sites.deleteHint')}</p>
        <button type="submit" className="button button--danger" name="intent" value="delete">
          {t('sites.delete')}
        </button>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.name ?? t('sites.meta.fallback')),
]
