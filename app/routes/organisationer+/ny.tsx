import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { OrganisationFields } from '~/components/organisations/organisation-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { OrganisationSchema } from '~/modules/organisations/organisation-form'
import { createOrganisation } from '~/modules/organisations/organisations.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'organisation.create')
  return { submissionKey: newSubmissionKey() }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'organisation.create')
  const formData = await readFormData(request)
  const parsed = parseForm(OrganisationSchema, formData)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const submitted = await submitOnce(await getDb(), submissionOf(request, formData, user.id), async (tx) => {
    const created = await createOrganisation(tx, { actorId: user.id, ...parsed.data })
    return { location: `/organisationer/${created.id}`, notice: saved('organisations.saved') }
  })
  throw redirectTo(submitted)
}

export default function NewOrganisationPage() {
  const t = useT()
  const { submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('organisations.create')}</h1>
      {actionData ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
        <OrganisationFields
          values={{ name: values.name ?? '', kind: values.kind ?? 'company', description: values.description ?? '' }}
          errors={errors}
        />
        <button type="submit" className="button">
          {t('organisations.save')}
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'organisations.meta.new')]
