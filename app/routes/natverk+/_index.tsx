import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formProps, useSchemaForm } from '~/components/forms/conform'
import { FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { NetworkFields } from '~/components/registry/network-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { parseSubmission, replyKeepingInput, statusOf } from '~/modules/forms/submission'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import { coordinatorPicker, NetworkSchema } from '~/modules/registry/network-form'
import { createNetwork, listNetworks } from '~/modules/registry/networks.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const db = await getDb()
  const mayCreate = can(user, 'registry.oversee')
  const [networks, { pickers }] = await Promise.all([
    listNetworks(db),
    pickerStates(db, request, coordinatorPicker([])),
  ])
  return {
    networks,
    coordinator: pickers.coordinatorOrganisationId,
    mayCreate,
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'registry.oversee')
  const formData = await readFormData(request)
  const db = await getDb()
  const { picking, pickers } = await pickerStates(db, request, coordinatorPicker(), formData)
  const submission = parseSubmission(formData, NetworkSchema)
  const coordinator = pickers.coordinatorOrganisationId
  if (picking) return { result: replyKeepingInput(submission), coordinator }
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), coordinator }, { status: statusOf(submission) })
  }
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const created = await createNetwork(tx, { actorId: user.id, ...submission.value })
    return { location: `/natverk/${created.id}`, notice: saved('networks.created') }
  })
  throw redirectTo(submitted)
}

export default function NetworksPage() {
  const t = useT()
  const { networks, coordinator, mayCreate, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(NetworkSchema, { id: 'new-network-form', lastResult: actionData?.result })
  return (
    <div className="page">
      <h1>{t('networks.title')}</h1>
      <p>{t('networks.intro')}</p>
      {networks.length === 0 ? <p>{t('networks.none')}</p> : null}
      <ul className="card-list">
        {networks.map((network) => (
          <li key={network.id} className="card">
            <Link to={`/natverk/${network.id}`}>{network.name}</Link>
            <span className="muted">{t('networks.memberCount', { count: network.members })}</span>
          </li>
        ))}
      </ul>
      {mayCreate ? (
        <section aria-labelledby="new-network" className="panel">
          <h2 id="new-network">{t('networks.create')}</h2>
          {form.status === 'error' ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
          <Form method="post" className="stack" {...formProps(form)}>
            <SubmissionKeyField value={submissionKey} />
            <NetworkFields fields={fields} coordinator={actionData?.coordinator ?? coordinator} />
            <button type="submit" className="button">
              {t('networks.create')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'networks.title')]
