import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { NetworkFields, type NetworkValues } from '~/components/registry/network-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { parseForm } from '~/modules/forms/parse-form'
import { notFound, requireFound, requireUuid } from '~/modules/http/responses'
import { getOrganisation } from '~/modules/organisations/organisations.server'
import type { PickerState } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'
import { coordinatorPicker, memberPicker, MemberSchema, NetworkUpdateSchema } from '~/modules/registry/network-form'
import { getNetwork, listNetworkMembers, setNetworkMember, updateNetwork } from '~/modules/registry/networks.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import type { Database } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'

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

type Notice = { kind: 'success' | 'error'; key: MessageKey; vars: Record<string, string> }

interface ActionResult {
  errors: Record<string, string>
  values: Record<string, string>
  current: { name: string; description: string; coordinatorOrganisationId: string } | null
  /** After a conflict: the name of the coordinating organisation saved meanwhile. */
  currentCoordinatorName?: string | null
  notice: Notice | null
  /** The picker of the form posted, as the post left it, when nothing was saved. */
  coordinatorPicker?: PickerState
  memberPicker?: PickerState
}

interface NetworkAction {
  db: Database
  user: SessionUser
  networkId: string
  request: Request
  formData: FormData
}

async function setMember({ db, user, networkId, request, formData }: NetworkAction, member: boolean) {
  const { picking, pickers } = await pickerStates(db, request, memberPicker(), formData)
  const chosen = { memberPicker: pickers.organisationId }
  if (picking) return data<ActionResult>({ errors: {}, values: {}, current: null, notice: null, ...chosen })
  const parsed = parseForm(MemberSchema, formData)
  const organisation = parsed.ok ? await getOrganisation(db, parsed.data.organisationId) : null
  if (!parsed.ok || !organisation) {
    const errors = { organisationId: 'validation.choose' }
    return data<ActionResult>({ errors, values: {}, current: null, notice: null, ...chosen }, { status: 400 })
  }
  await setNetworkMember(db, { actorId: user.id, networkId, organisationId: organisation.id, member })
  const notice: Notice = {
    kind: 'success',
    key: member ? 'networks.memberAdded' : 'networks.memberRemoved',
    vars: { name: organisation.name },
  }
  return data<ActionResult>({ errors: {}, values: {}, current: null, notice })
}

async function update({ db, user, networkId, request, formData }: NetworkAction) {
  const { picking, pickers } = await pickerStates(db, request, coordinatorPicker(), formData)
  const chosen = { coordinatorPicker: pickers.coordinatorOrganisationId }
  const parsed = parseForm(NetworkUpdateSchema, formData)
  if (picking) return data<ActionResult>({ errors: {}, values: parsed.values, current: null, notice: null, ...chosen })
  if (!parsed.ok) {
    return data<ActionResult>(
      { errors: parsed.errors, values: parsed.values, current: null, notice: null, ...chosen },
      { status: 400 },
    )
  }
  const result = await updateNetwork(db, { actorId: user.id, id: networkId, ...parsed.data })
  if (result.ok) {
    const notice: Notice = { kind: 'success', key: 'networks.saved', vars: {} }
    return data<ActionResult>({ errors: {}, values: {}, current: null, notice })
  }
  if (result.error === 'notFound') throw notFound()
  const { name, description, coordinatorOrganisationId, version } = result.current
  const storedCoordinator = coordinatorOrganisationId ? await getOrganisation(db, coordinatorOrganisationId) : null
  return data<ActionResult>(
    {
      errors: { _form: 'networks.conflict' },
      values: { ...parsed.values, version: String(version) },
      current: { name, description, coordinatorOrganisationId: coordinatorOrganisationId ?? '' },
      currentCoordinatorName: storedCoordinator?.name ?? null,
      notice: null,
      ...chosen,
    },
    { status: 409 },
  )
}

const add = (context: NetworkAction) => setMember(context, true)
const remove = (context: NetworkAction) => setMember(context, false)

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'registry.oversee')
  const db = await getDb()
  requireFound(await getNetwork(db, id))
  const formData = await readFormData(request)
  return dispatchIntent(formData, { add, remove, update }, { db, user, networkId: id, request, formData })
}

export default function NetworkPage() {
  const t = useT()
  const { network, coordinatorName, members, coordinatorPicker, memberPicker, mayEdit } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  // Kept input: after a conflict or a validation error the form shows what the user typed.
  const submitted: Record<string, string> = actionData?.values ?? {}
  const values: NetworkValues =
    'name' in submitted
      ? {
          name: submitted.name ?? '',
          description: submitted.description ?? '',
          coordinatorOrganisationId: submitted.coordinatorOrganisationId ?? '',
        }
      : network
  const version = submitted.version ?? String(network.version)
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
          <Form method="post" className="stack panel" noValidate key={members.map((member) => member.id).join()}>
            <input type="hidden" name="intent" value="add" />
            <ItemPicker
              state={actionData?.memberPicker ?? memberPicker}
              label={t('networks.addMember')}
              error={errors.organisationId}
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
          {errors._form ? <FormMessage kind="error">{t('networks.conflict')}</FormMessage> : null}
          <Form method="post" className="stack" noValidate key={version}>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={version} />
            <NetworkFields
              values={values}
              errors={errors}
              coordinator={actionData?.coordinatorPicker ?? coordinatorPicker}
              current={actionData?.current ?? undefined}
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
