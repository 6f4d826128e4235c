import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { DeleteDeliverable, DeliverableFacts } from '~/components/mandate/deliverable-facts'
import { DeliverableDocuments } from '~/components/mandate/deliverable-documents'
import { DeliverableForm } from '~/components/mandate/deliverable-form'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { requireUser } from '~/modules/auth/guards.server'
import { forbidden, requireUuid } from '~/modules/http/responses'
import { runDeliverableAction } from '~/modules/mandate/deliverable-actions.server'
import { deliverablePage } from '~/modules/mandate/deliverable-page.server'
import { canUpdateDeliverable, requireReadableDeliverable } from '~/modules/mandate/mandate-access.server'
import { MAX_DOCUMENT_BYTES } from '~/modules/meetings/document-types'
import { readUploadForm } from '~/modules/meetings/documents.server'

// One deliverable: what it is, when it is due, who owns it, its state and
// decision, its documents and notes. Its owner and the coordinator update
// it; the coordinator alone changes its title, due date and owner, and
// removes it. A milestone that may be classified records only that it was
// reached, when and by whose decision.

async function readable({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const deliverableId = requireUuid(params.deliverableId)
  const user = await requireUser(request)
  const db = await getDb()
  return { db, user, ...(await requireReadableDeliverable(db, user, id, deliverableId)) }
}

export async function loader(args: LoaderFunctionArgs) {
  const { db, user, period, deliverable } = await readable(args)
  return deliverablePage(db, args.request, user, period, deliverable)
}

export async function action(args: ActionFunctionArgs) {
  const { db, user, period, deliverable } = await readable(args)
  // Permission first: a body is not read for someone who may not change the deliverable.
  if (!canUpdateDeliverable(user, deliverable)) throw forbidden()
  const form = await readUploadForm(args.request, MAX_DOCUMENT_BYTES)
  return runDeliverableAction({ db, request: args.request, user, period, deliverable }, form)
}

const savedNotices: Record<string, MessageKey> = {
  saved: 'mandateCalendar.saved',
  uploaded: 'meetingFollowUp.documents.uploaded',
  documentRemoved: 'meetingFollowUp.documents.deleted',
}

export default function DeliverablePage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const base = `/mandatperiod/${loaded.periodId}/leveranser/${loaded.deliverable.id}`
  const invalid = outcome?.kind === 'invalid' || outcome?.kind === 'picking' ? outcome : null
  const values = invalid?.values ?? loaded.values
  const errors: Record<string, string> = outcome?.kind === 'invalid' ? outcome.errors : {}
  return (
    <article className="mandate-deliverable" aria-labelledby="deliverable-heading">
      <h2 id="deliverable-heading">{loaded.deliverable.title}</h2>
      {loaded.milestone ? (
        <p className="notice mandate-milestone-notice">
          <strong>{t('mandateCalendar.milestone.notice')}</strong>
        </p>
      ) : null}
      {outcome?.kind === 'saved' ? <FormMessage kind="success">{t(savedNotices[outcome.what]!)}</FormMessage> : null}
      <DeliverableFacts
        deliverable={loaded.deliverable}
        status={loaded.status}
        rsaLink={loaded.rsaLink}
        milestone={loaded.milestone}
      />
      {loaded.update ? (
        <section aria-labelledby="edit-heading">
          <h3 id="edit-heading">{t('mandateCalendar.edit.heading')}</h3>
          {errors._form ? <FormMessage kind="error">{t('mandateCalendar.conflict')}</FormMessage> : null}
          {Object.keys(errors).some((key) => key !== '_form') ? (
            <FormMessage kind="error">
              {t('validation.formInvalid')}
              {/* A milestone's form has no notes field to show this beside. */}
              {loaded.milestone && errors.notes ? ` ${t('mandateCalendar.milestone.noNotes')}` : null}
            </FormMessage>
          ) : null}
          <DeliverableForm
            values={values}
            errors={errors}
            current={outcome?.kind === 'invalid' ? outcome.current : undefined}
            manage={loaded.manage}
            milestone={loaded.milestone}
            rsaKind={loaded.rsaKind}
            rsaLink={loaded.rsaLink}
            pickers={invalid?.pickers ?? loaded.pickers ?? undefined}
          />
        </section>
      ) : null}
      {loaded.milestone ? null : (
        <DeliverableDocuments
          base={base}
          documents={loaded.documents}
          update={loaded.update}
          submissionKey={loaded.submissionKey}
          error={outcome?.kind === 'fileError' ? outcome.error : undefined}
        />
      )}
      {loaded.milestone && outcome?.kind === 'fileError' ? (
        <FormMessage kind="error">{t(outcome.error)}</FormMessage>
      ) : null}
      {loaded.manage ? (
        <DeleteDeliverable
          version={
            outcome?.kind === 'deleteConflict' || outcome?.kind === 'confirmDelete'
              ? outcome.version
              : loaded.values.version!
          }
          confirming={outcome?.kind === 'confirmDelete'}
          conflict={outcome?.kind === 'deleteConflict'}
          cancelTo={base}
        />
      ) : null}
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.deliverable.title ?? t('mandateCalendar.meta.deliverable')),
]
