import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ContactRouteFields } from '~/components/contacts/contact-route-fields'
import { FormMessage } from '~/components/forms/field'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { getDb } from '~/db/app-db.server'
import { translator, useT } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { getOrganisation } from '~/modules/organisations/organisations.server'
import { ContactRouteSchema, parseContactRouteForm } from '~/modules/contacts/contact-route-form'
import { newContactRouteValues, submittedContactRouteValues } from '~/modules/contacts/contact-route-values'
import { createContactRoute } from '~/modules/contacts/contact-routes.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  await requirePermission(request, 'organisation.update', { organisationId: id })
  const organisation = requireFound(await getOrganisation(await getDb(), id))
  const t = translator(getLocale(request))
  return {
    organisation: { id, name: organisation.name },
    title: `${t('contacts.meta.new', { name: organisation.name })} – ${t('app.name')}`,
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'organisation.update', { organisationId: id })
  const db = await getDb()
  requireFound(await getOrganisation(db, id))
  const formData = await readFormData(request)
  const parsed = parseContactRouteForm(ContactRouteSchema, formData)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    await createContactRoute(tx, { actorId: user.id, organisationId: id, ...parsed.data })
    return { location: `/organisationer/${id}`, notice: saved('contacts.flash.ny') }
  })
  throw redirectTo(submitted)
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('contacts.newTitle', { name: data.organisation.name }),
  narrow: true,
}

export default function NewContactRoutePage() {
  const t = useT()
  const { organisation, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values = actionData
    ? submittedContactRouteValues(actionData.values, newContactRouteValues)
    : newContactRouteValues
  return (
    <>
      {actionData ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
        <ContactRouteFields values={values} errors={errors} />
        <div className="actions">
          <button type="submit" className="button">
            {t('contacts.save')}
          </button>
          <Link to={`/organisationer/${organisation.id}`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data ? { title: data.title } : pageTitle(matches),
]
