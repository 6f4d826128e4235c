import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { SiteFields } from '~/components/registry/site-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { parseForm } from '~/modules/forms/parse-form'
import { requireUuid } from '~/modules/http/responses'
import { requireEditableOrganisation } from '~/modules/registry/record-access.server'
import { SiteSchema } from '~/modules/registry/site-form'
import { createSite } from '~/modules/registry/sites.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const { organisation } = await requireEditableOrganisation(request, await getDb(), id)
  return { organisation: { id, name: organisation.name } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const db = await getDb()
  const { user } = await requireEditableOrganisation(request, db, id)
  const parsed = parseForm(SiteSchema, await request.formData())
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const site = await createSite(db, { actorId: user.id, organisationId: id, ...parsed.data })
  throw redirect(`/organisationer/${id}?sparad=1#plats-${site.id}`)
}

export default function NewSitePage() {
  const t = useT()
  const { organisation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <h1>{t('sites.newTitle', { organisation: organisation.name })}</h1>
      {actionData ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <SiteFields
          values={actionData?.values ?? { coordinateSystem: 'wgs84', kind: 'other' }}
          errors={actionData?.errors ?? {}}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('sites.save')}
          </button>
          <Link to={`/organisationer/${organisation.id}#platser`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ny plats – ${data?.organisation.name ?? 'Organisation'} – Områdesansvarsportalen` },
]
