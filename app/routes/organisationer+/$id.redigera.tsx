import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { OrganisationFields, type OrganisationValues } from '~/components/organisations/organisation-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { parseForm } from '~/modules/forms/parse-form'
import { notFound, requireFound, requireUuid } from '~/modules/http/responses'
import { OrganisationUpdateSchema } from '~/modules/organisations/organisation-form'
import { getOrganisation, updateOrganisation } from '~/modules/organisations/organisations.server'
import { readFormData } from '~/modules/http/form-data.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  await requirePermission(request, 'organisation.update', { organisationId: id })
  const organisation = requireFound(await getOrganisation(await getDb(), id))
  const { name, kind, description, version } = organisation
  return { id, name, kind, description, version }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'organisation.update', { organisationId: id })
  const parsed = parseForm(OrganisationUpdateSchema, await readFormData(request))
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, current: null }, { status: 400 })
  const result = await updateOrganisation(await getDb(), { actorId: user.id, id, ...parsed.data })
  if (result.ok) throw redirectWithNotice(`/organisationer/${id}`, saved('organisations.saved'))
  if (result.error === 'notFound') throw notFound()
  const { name, kind, description, version } = result.current
  // The user's text stays in the form; the new version lets them save over it knowingly.
  return data(
    {
      errors: { _form: 'organisations.conflict' },
      values: {
        ...parsed.values,
        name: parsed.data.name,
        kind: parsed.data.kind,
        description: parsed.data.description,
        version: String(version),
      },
      current: { name, kind, description },
    },
    { status: 409 },
  )
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('organisations.editTitle', { name: data.name }),
  narrow: true,
}

export default function EditOrganisationPage() {
  const t = useT()
  const organisation = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const submitted = actionData?.values
  const values: OrganisationValues = submitted
    ? { name: submitted.name ?? '', kind: submitted.kind ?? '', description: submitted.description ?? '' }
    : organisation
  const version = submitted?.version ?? String(organisation.version)
  return (
    <>
      {errors._form ? <FormMessage kind="error">{t('organisations.conflict')}</FormMessage> : null}
      {Object.keys(errors).some((key) => key !== '_form') ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      {/* The key remounts the fields when a conflict brings a new version, so they show the kept input. */}
      <Form method="post" className="stack" noValidate key={version}>
        <input type="hidden" name="version" value={version} />
        <OrganisationFields values={values} errors={errors} current={actionData?.current ?? undefined} />
        <div className="actions">
          <button type="submit" className="button">
            {t('organisations.save')}
          </button>
          <Link to={`/organisationer/${organisation.id}`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'organisations.meta.edit')]
