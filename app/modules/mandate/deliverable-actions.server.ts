import { data, redirect } from '@remix-run/node'
import type { Database } from '~/db/client.server'
import type { MandateDeliverable, MandatePeriod } from '~/db/schema/mandate'
import type { MessageKey } from '~/i18n/sv'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { formValues } from '~/modules/forms/form-values'
import { parseForm } from '~/modules/forms/parse-form'
import { refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { dispatchIntent } from '~/modules/http/intents'
import { badRequest, forbidden, notFound } from '~/modules/http/responses'
import type { UploadForm } from '~/modules/meetings/documents.server'
import type { PickerState } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'
import { isRsaKind } from './calendar'
import { isMilestoneOnly } from './deliverable-state'
import { deleteDeliverable, ownerNames, updateDeliverable } from './deliverables.server'
import { deleteDocument, storeDocument } from './documents.server'
import { canOnPeriod } from './mandate-access.server'
import {
  DeleteSchema,
  deliverableValues,
  ownerPickers,
  parseDeliverableEdit,
  readOwnerChoice,
  RemoveDocumentSchema,
} from './mandate-forms'

// The deliverable page's posts, one function per intent: save the form,
// ask to confirm a removal, remove, upload a document, remove a document.
// The route has already found the deliverable readable and this user allowed
// to update it; removing it is the coordinator's alone.

export type DeliverableOutcome =
  | { kind: 'saved'; what: 'saved' | 'uploaded' | 'documentRemoved' }
  | {
      kind: 'invalid'
      values: Record<string, string>
      errors: Record<string, string>
      /** After a conflict: what is stored now, as the form shows it. */
      current?: Record<string, string>
      pickers?: Record<'ownerUserId' | 'ownerOrganisationId', PickerState>
    }
  | {
      kind: 'picking'
      values: Record<string, string>
      pickers: Record<'ownerUserId' | 'ownerOrganisationId', PickerState>
    }
  | { kind: 'confirmDelete'; version: string }
  | { kind: 'deleteConflict'; version: string }
  | { kind: 'fileError'; error: MessageKey }

export interface DeliverableContext {
  db: Database
  request: Request
  user: SessionUser
  period: MandatePeriod
  deliverable: MandateDeliverable
}

async function save(context: DeliverableContext, formData: FormData) {
  const { db, request, user, period, deliverable } = context
  const manage = canOnPeriod(user, 'mandate.manage', period)
  const choice = manage ? await pickerStates(db, request, ownerPickers(), formData) : null
  if (choice?.picking)
    return data<DeliverableOutcome>({ kind: 'picking', values: formValues(formData), pickers: choice.pickers })
  const parsed = parseDeliverableEdit(formData, {
    manage,
    milestone: isMilestoneOnly(deliverable.kind),
    rsaKind: isRsaKind(deliverable.kind),
  })
  const owner = choice ? readOwnerChoice(formData, choice.pickers) : null
  const errors = { ...(parsed.ok ? {} : parsed.errors), ...(owner && !owner.ok ? owner.errors : {}) }
  if (!parsed.ok || (owner && !owner.ok)) {
    return data<DeliverableOutcome>(
      { kind: 'invalid', values: parsed.values, errors, pickers: choice?.pickers },
      { status: 400 },
    )
  }
  const result = await updateDeliverable(db, {
    actorId: user.id,
    period,
    id: deliverable.id,
    version: parsed.data.version,
    changes: {
      ...parsed.data.changes,
      ...(owner?.ok ? { ownerUserId: owner.ownerUserId, ownerOrganisationId: owner.ownerOrganisationId } : {}),
    },
  })
  if (result.ok) return data<DeliverableOutcome>({ kind: 'saved', what: 'saved' })
  if (result.error === 'notFound') throw notFound()
  const stored = result.current
  const names = await ownerNames(db, stored)
  return data<DeliverableOutcome>(
    {
      kind: 'invalid',
      values: { ...parsed.values, version: String(stored.version) },
      errors: { _form: 'mandateCalendar.conflict' },
      current: {
        ...deliverableValues(stored),
        ownerUserId: names.ownerName ?? '',
        ownerOrganisationId: names.ownerOrganisationName ?? '',
      },
      pickers: choice?.pickers,
    },
    { status: 409 },
  )
}

/** The first step of a removal: a confirmation that works without JavaScript. */
async function askToDelete(context: DeliverableContext, formData: FormData) {
  if (!canOnPeriod(context.user, 'mandate.manage', context.period)) throw forbidden()
  const parsed = parseForm(DeleteSchema, formData)
  if (!parsed.ok) throw badRequest()
  return data<DeliverableOutcome>({ kind: 'confirmDelete', version: String(parsed.data.version) })
}

async function confirmDelete(context: DeliverableContext, formData: FormData) {
  const { db, user, period, deliverable } = context
  if (!canOnPeriod(user, 'mandate.manage', period)) throw forbidden()
  const parsed = parseForm(DeleteSchema, formData)
  if (!parsed.ok) throw badRequest()
  const result = await deleteDeliverable(db, {
    actorId: user.id,
    period,
    id: deliverable.id,
    version: parsed.data.version,
  })
  if (result.ok) throw redirect(`/mandatperiod/${period.id}`)
  if (result.error === 'notFound') throw notFound()
  return data<DeliverableOutcome>({ kind: 'deleteConflict', version: String(result.current.version) }, { status: 409 })
}

async function removeDocument(context: DeliverableContext, formData: FormData) {
  const parsed = parseForm(RemoveDocumentSchema, formData)
  if (!parsed.ok) throw badRequest()
  const removed = await deleteDocument(context.db, {
    actorId: context.user.id,
    period: context.period,
    deliverableId: context.deliverable.id,
    id: parsed.data.documentId,
  })
  if (!removed) throw notFound()
  return data<DeliverableOutcome>({ kind: 'saved', what: 'documentRemoved' })
}

const fileError = (error: MessageKey) => data<DeliverableOutcome>({ kind: 'fileError', error }, { status: 400 })

async function upload(context: DeliverableContext, form: Exclude<UploadForm, { kind: 'other' }>) {
  const { db, request, user, period, deliverable } = context
  // A milestone that may be classified takes no document, whatever the file.
  if (isMilestoneOnly(deliverable.kind)) return fileError('mandateCalendar.milestone.noDocuments')
  if (form.kind === 'tooLarge') return fileError('meetingFollowUp.documents.error.tooLarge')
  if (form.kind === 'missing') return fileError('meetingFollowUp.documents.error.missing')
  const stored = await submitOnce(db, submissionOf(request, form.formData, user.id), async (tx) => {
    const document = await storeDocument(tx, {
      actorId: user.id,
      period,
      deliverable,
      filename: form.filename,
      bytes: form.bytes,
    })
    return document.ok ? `/mandatperiod/${period.id}/leveranser/${deliverable.id}` : refuse(document.error)
  })
  if ('refused' in stored) {
    return fileError(
      stored.refused === 'milestone'
        ? 'mandateCalendar.milestone.noDocuments'
        : `meetingFollowUp.documents.error.${stored.refused}`,
    )
  }
  return data<DeliverableOutcome>({ kind: 'saved', what: 'uploaded' })
}

const intents = {
  save,
  delete: askToDelete,
  confirmDelete,
  removeDocument,
}

export function runDeliverableAction(context: DeliverableContext, form: UploadForm) {
  if (form.kind !== 'other') return upload(context, form)
  return dispatchIntent(form.formData, intents, context, form.formData)
}
