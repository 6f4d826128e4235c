import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { SiteFields } from '~/components/registry/site-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { requireUuid } from '~/modules/http/responses'
import { requireEditableOrganisation } from '~/modules/registry/record-access.server'
import { SiteSchema } from '~/modules/registry/site-form'
import { createSite } from '~/modules/registry/sites.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const { organisation } = await requireEditableOrganisation(request, await getDb(), id)
  return { organisation: { id, name: organisation.name }, submissionKey: newSubmissionKey() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const db = await getDb()
  const { user } = await requireEditableOrganisation(request, db, id)
  const formData = await readFormData(request)
  const parsed = parseForm(SiteSchema, formData)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const site = await createSite(tx, { actorId: user.id, organisationId: id, ...parsed.data })
    return { location: `/organisationer/${id}#plats-${site.id}`, notice: saved('organisations.saved') }
  })
  throw redirectTo(submitted)
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('sites.newTitle', { organisation: data.organisation.name }),
  narrow: true,
}

export default function NewSitePage() {
  const t = useT()
  const { organisation, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      {actionData ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
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
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('sites.meta.new', { organisation: data?.organisation.name ?? t('organisations.meta.fallback') }),
  ),
]
