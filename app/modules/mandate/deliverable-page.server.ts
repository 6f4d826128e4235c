import type { Database } from '~/db/client.server'
import type { MandateDeliverable, MandatePeriod } from '~/db/schema/mandate'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { pickerStates } from '~/modules/organisations/picker.server'
import { deliverableStatus, isRsaKind } from './calendar'
import { rsaLinkOf } from './calendar.server'
import { isMilestoneOnly, stockholmToday } from './deliverable-state'
import { ownerNames } from './deliverables.server'
import { listDocuments } from './documents.server'
import { canOnPeriod, canUpdateDeliverable } from './mandate-access.server'
import { deliverableValues, ownerPickers } from './mandate-forms'
import { rsaFacts } from './rsa-state.server'

/** Everything the deliverable's page shows, and its form as this user may fill it in. */
export async function deliverablePage(
  db: Database,
  request: Request,
  user: SessionUser,
  period: MandatePeriod,
  deliverable: MandateDeliverable,
) {
  const manage = canOnPeriod(user, 'mandate.manage', period)
  const milestone = isMilestoneOnly(deliverable.kind)
  const [names, documents, rsa, choice] = await Promise.all([
    ownerNames(db, deliverable),
    milestone ? Promise.resolve([]) : listDocuments(db, [deliverable.id]),
    rsaFacts(db, user, period),
    manage ? pickerStates(db, request, ownerPickers(deliverable)) : null,
  ])
  const status = deliverableStatus(deliverable, rsa, stockholmToday())
  return {
    periodId: period.id,
    deliverable: {
      id: deliverable.id,
      kind: deliverable.kind,
      title: deliverable.title,
      description: deliverable.description,
      year: deliverable.year,
      dueDate: deliverable.dueDate,
      adoptedBy: deliverable.adoptedBy,
      adoptedOn: deliverable.adoptedOn,
      decisionReference: deliverable.decisionReference,
      notes: milestone ? '' : deliverable.notes,
      ...names,
    },
    status: { shown: status.shown, rsa: status.rsa },
    rsaLink: rsaLinkOf(rsa),
    documents: documents.map((document) => ({
      id: document.id,
      filename: document.filename,
      size: document.size,
      createdAt: document.createdAt.toISOString(),
      uploadedByName: document.uploadedByName,
    })),
    manage,
    update: canUpdateDeliverable(user, deliverable),
    milestone,
    rsaKind: isRsaKind(deliverable.kind),
    values: deliverableValues(deliverable),
    pickers: choice?.pickers ?? null,
    submissionKey: newSubmissionKey(),
  }
}
