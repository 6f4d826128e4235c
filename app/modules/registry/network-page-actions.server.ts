import { data } from '@remix-run/node'
import type { Database } from '~/db/client.server'
import type { MessageKey } from '~/i18n/sv'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { replyWithConflict, type ConflictReply } from '~/modules/forms/conflict'
import { parseSubmission, replyKeepingInput, statusOf, type FormReply } from '~/modules/forms/submission'
import { notFound } from '~/modules/http/responses'
import { getOrganisation } from '~/modules/organisations/organisations.server'
import type { PickerState } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'
import { coordinatorPicker, memberPicker, MemberSchema, NetworkUpdateSchema } from './network-form'
import { setNetworkMember, updateNetwork } from './networks.server'

// The posts of a network's page (/natverk/<id>): its members added and
// removed, and its own fields saved. The route has checked that the user may
// change networks and that this one exists. Each answers with the reply of
// the form that was posted (decision 031).

type Notice = { kind: 'success' | 'error'; key: MessageKey; vars: Record<string, string> }

type StoredNetwork = { name: string; description: string; coordinatorOrganisationId: string; version: string }

interface NetworkPageResult {
  /** The reply to the form that was posted: the network's own fields, or a member added or removed. */
  update?: FormReply | ConflictReply<StoredNetwork>
  member?: FormReply
  /** After a conflict: the name of the coordinating organisation saved meanwhile. */
  currentCoordinatorName?: string | null
  notice?: Notice
  /** The picker of the form posted, as the post left it, when nothing was saved. */
  coordinatorPicker?: PickerState
  memberPicker?: PickerState
}

export interface NetworkAction {
  db: Database
  user: SessionUser
  networkId: string
  request: Request
  formData: FormData
}

async function setMember({ db, user, networkId, request, formData }: NetworkAction, member: boolean) {
  const { picking, pickers } = await pickerStates(db, request, memberPicker(), formData)
  const chosen = { memberPicker: pickers.organisationId }
  const submission = parseSubmission(formData, MemberSchema)
  if (picking) return data<NetworkPageResult>({ member: replyKeepingInput(submission), ...chosen })
  const organisation =
    submission.status === 'success' ? await getOrganisation(db, submission.value.organisationId) : null
  if (!organisation) {
    const reply = submission.reply({ fieldErrors: { organisationId: ['validation.choose'] } })
    return data<NetworkPageResult>({ member: reply, ...chosen }, { status: 400 })
  }
  await setNetworkMember(db, { actorId: user.id, networkId, organisationId: organisation.id, member })
  const notice: Notice = {
    kind: 'success',
    key: member ? 'networks.memberAdded' : 'networks.memberRemoved',
    vars: { name: organisation.name },
  }
  return data<NetworkPageResult>({ member: submission.reply({ resetForm: true }), notice })
}

async function update({ db, user, networkId, request, formData }: NetworkAction) {
  const { picking, pickers } = await pickerStates(db, request, coordinatorPicker(), formData)
  const chosen = { coordinatorPicker: pickers.coordinatorOrganisationId }
  const submission = parseSubmission(formData, NetworkUpdateSchema)
  if (picking) return data<NetworkPageResult>({ update: replyKeepingInput(submission), ...chosen })
  if (submission.status !== 'success') {
    return data<NetworkPageResult>({ update: submission.reply(), ...chosen }, { status: statusOf(submission) })
  }
  const result = await updateNetwork(db, { actorId: user.id, id: networkId, ...submission.value })
  if (result.ok) {
    // The form starts again from what is stored now, as a page loaded anew would.
    const notice: Notice = { kind: 'success', key: 'networks.saved', vars: {} }
    return data<NetworkPageResult>({ update: submission.reply({ resetForm: true }), notice })
  }
  if (result.error === 'notFound') throw notFound()
  const { name, description, coordinatorOrganisationId, version } = result.current
  const storedCoordinator = coordinatorOrganisationId ? await getOrganisation(db, coordinatorOrganisationId) : null
  const current = {
    name,
    description,
    coordinatorOrganisationId: coordinatorOrganisationId ?? '',
    version: String(version),
  }
  return data<NetworkPageResult>(
    {
      update: replyWithConflict(submission, current, 'networks.conflict'),
      currentCoordinatorName: storedCoordinator?.name ?? null,
      ...chosen,
    },
    { status: 409 },
  )
}

/** The page's posts by `intent`, for `dispatchIntent`. */
export const networkPageActions = {
  add: (context: NetworkAction) => setMember(context, true),
  remove: (context: NetworkAction) => setMember(context, false),
  update,
}
