import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { ServiceFields } from '~/components/registry/service-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { requireUuid } from '~/modules/http/responses'
import { requireEditableOrganisation } from '~/modules/registry/record-access.server'
import { ruleFieldErrors } from '~/modules/registry/rule-error'
import { parseServiceForm, ServiceSchema } from '~/modules/registry/service-form'
import { createService } from '~/modules/registry/services.server'
import { listSites } from '~/modules/registry/sites.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const db = await getDb()
  const { organisation } = await requireEditableOrganisation(request, db, id)
  const sites = await listSites(db, id)
  return {
    organisation: { id, name: organisation.name },
    sites: sites.map(({ id, name }) => ({ id, name })),
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const db = await getDb()
  const { user } = await requireEditableOrganisation(request, db, id)
  const formData = await readFormData(request)
  const parsed = parseServiceForm(ServiceSchema, formData)
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, siteIds: parsed.siteIds }, { status: 400 })
  try {
    const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
      const service = await createService(tx, { actorId: user.id, organisationId: id, ...parsed.data })
      return { location: `/organisationer/${id}#verksamhet-${service.id}`, notice: saved('organisations.saved') }
    })
    throw redirectTo(submitted)
  } catch (error) {
    if (error instanceof Response) throw error
    return data({ errors: ruleFieldErrors(error), values: parsed.values, siteIds: parsed.siteIds }, { status: 400 })
  }
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('services.newTitle', { organisation: data.organisation.name }),
  narrow: true,
}

export default function NewServicePage() {
  const t = useT()
  const { organisation, sites, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      {actionData ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
        <ServiceFields
          values={actionData?.values ?? {}}
          siteIds={actionData?.siteIds ?? []}
          sites={sites}
          errors={actionData?.errors ?? {}}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('services.save')}
          </button>
          <Link to={`/organisationer/${organisation.id}#verksamheter`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('services.meta.new', { organisation: data?.organisation.name ?? t('organisations.meta.fallback') }),
  ),
]
