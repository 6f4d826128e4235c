import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formError, formProps, useSchemaForm } from '~/components/forms/conform'
import { FormMessage } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { NetworkFields } from '~/components/registry/network-fields'
import { getDb } from '~/db/app-db.server'
import { translateMessage, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { conflictOf } from '~/modules/forms/conflict'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { pickerStates } from '~/modules/organisations/picker.server'
import { coordinatorPicker, memberPicker, MemberSchema, NetworkUpdateSchema } from '~/modules/registry/network-form'
import { networkPageActions } from '~/modules/registry/network-page-actions.server'
import { getNetwork, listNetworkMembers } from '~/modules/registry/networks.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'network.read')
  const db = await getDb()
  const network = requireFound(await getNetwork(db, id))
  const mayEdit = can(user, 'registry.oversee')
  const coordinatorId = network.coordinatorOrganisationId
  const [coordinator, member, members] = await Promise.all([
    pickerStates(db, request, coordinatorPicker(coordinatorId ? [coordinatorId] : [])),
    pickerStates(db, request, memberPicker([])),
    listNetworkMembers(db, id),
  ])
  return {
    network: {
      id,
      name: network.name,
      description: network.description,
      coordinatorOrganisationId: network.coordinatorOrganisationId ?? '',
      version: network.version,
    },
    coordinatorName: coordinator.pickers.coordinatorOrganisationId.selected[0]?.name ?? null,
    members,
    coordinatorPicker: coordinator.pickers.coordinatorOrganisationId,
    memberPicker: member.pickers.organisationId,
    mayEdit,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'registry.oversee')
  const db = await getDb()
  requireFound(await getNetwork(db, id))
  const formData = await readFormData(request)
  return dispatchIntent(formData, networkPageActions, { db, user, networkId: id, request, formData })
}

export default function NetworkPage() {
  const t = useT()
  const { network, coordinatorName, members, coordinatorPicker, memberPicker, mayEdit } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [memberForm, memberFields] = useSchemaForm(MemberSchema, {
    id: 'add-member-form',
    lastResult: actionData?.member,
  })
  const [form, fields] = useSchemaForm(NetworkUpdateSchema, {
    id: 'edit-network-form',
    lastResult: actionData?.update,
    defaultValue: {
      name: network.name,
      description: network.description,
      coordinatorOrganisationId: network.coordinatorOrganisationId,
      version: String(network.version),
    },
  })
  // After a conflict the next save is over the version stored now.
  const conflict = actionData?.update && 'current' in actionData.update ? actionData.update : undefined
  return (
    <div className="page">
      <h1>{network.name}</h1>
      {actionData?.notice ? (
        <FormMessage kind={actionData.notice.kind}>{t(actionData.notice.key, actionData.notice.vars)}</FormMessage>
      ) : null}
      <p className="prewrap">{network.description || t('organisations.noDescription')}</p>
      <dl className="facts">
        <dt>{t('networks.coordinator')}</dt>
        <dd>{coordinatorName ?? t('networks.noCoordinator')}</dd>
      </dl>
      <section aria-labelledby="members">
        <h2 id="members">{t('networks.members')}</h2>
        {members.length === 0 ? <p>{t('networks.noMembers')}</p> : null}
        <ul className="link-list">
          {members.map((member) => (
            <li key={member.id} className="row-with-action">
              <Link to={`/organisationer/${member.id}`}>{member.name}</Link>{' '}
              <span className="tag">{t(`kind.${member.kind}`)}</span>
              {mayEdit ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="organisationId" value={member.id} />
                  <button type="submit" className="button button--small button--secondary">
                    {t('networks.remove', { name: member.name })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {mayEdit ? (
          <Form
            key={members.map((member) => member.id).join()}
            method="post"
            className="stack panel"
            {...formProps(memberForm)}
          >
            <input type="hidden" name="intent" value="add" />
            <ItemPicker
              state={actionData?.memberPicker ?? memberPicker}
              label={t('networks.addMember')}
              error={memberFields.organisationId.errors?.[0]}
              single
            />
            <button type="submit" className="button">
              {t('networks.add')}
            </button>
          </Form>
        ) : null}
      </section>
      {mayEdit ? (
        <section aria-labelledby="edit-network" className="panel">
          <h2 id="edit-network">{t('networks.edit')}</h2>
          {formError(form) ? <FormMessage kind="error">{translateMessage(t, formError(form)!)}</FormMessage> : null}
          <Form method="post" className="stack" {...formProps(form)}>
            <input type="hidden" name="intent" value="update" />
            <input
              type="hidden"
              name={fields.version.name}
              value={conflict?.current.version ?? String(network.version)}
            />
            <NetworkFields
              fields={fields}
              coordinator={actionData?.coordinatorPicker ?? coordinatorPicker}
              current={conflictOf(conflict)}
              currentCoordinatorName={actionData?.currentCoordinatorName}
            />
            <button type="submit" className="button">
              {t('common.save')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.network.name ?? t('networks.meta.fallback')),
]
