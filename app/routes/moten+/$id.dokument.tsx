import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { DocumentUploadForm } from '~/components/forms/document-upload-form'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatBytes, formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { uuidField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { dispatchIntent } from '~/modules/http/intents'
import { badRequest, notFound } from '~/modules/http/responses'
import { MAX_DOCUMENT_BYTES } from '~/modules/meetings/document-types'
import {
  deleteDocument,
  listDocuments,
  readUploadForm,
  storeDocument,
  type UploadForm,
} from '~/modules/meetings/documents.server'
import {
  manageableFollowUp,
  meetingHeading,
  readableFollowUp,
  type FollowUpContext,
} from '~/modules/meetings/follow-up-page.server'

const DeleteSchema = z.object({ documentId: uuidField })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, meeting, manage } = await readableFollowUp(request, params)
  return {
    meeting: meetingHeading(meeting),
    documents: await listDocuments(db, meeting.id),
    manage,
    submissionKey: newSubmissionKey(),
  }
}

interface DocumentAction extends FollowUpContext {
  request: Request
  back: string
}

const fileError = (error: string) =>
  data({ errors: { file: `meetingFollowUp.documents.error.${error}` } }, { status: 400 })

async function upload(
  { request, user, db, meeting, back }: DocumentAction,
  form: Exclude<UploadForm, { kind: 'other' }>,
) {
  if (form.kind === 'tooLarge') return fileError('tooLarge')
  if (form.kind === 'missing') return fileError('missing')
  const stored = await submitOnce(db, submissionOf(request, form.formData, user.id), async (tx) => {
    const document = await storeDocument(tx, {
      actorId: user.id,
      meetingId: meeting.id,
      organiserOrganisationId: meeting.organiserOrganisationId,
      filename: form.filename,
      bytes: form.bytes,
    })
    return document.ok
      ? { location: back, notice: saved('meetingFollowUp.documents.uploaded') }
      : refuse(document.error)
  })
  if ('refused' in stored) return fileError(stored.refused)
  throw redirectTo(stored)
}

async function remove({ user, db, meeting, back }: DocumentAction, formData: FormData) {
  const parsed = parseForm(DeleteSchema, formData)
  if (!parsed.ok) throw badRequest()
  const removed = await deleteDocument(db, {
    actorId: user.id,
    meetingId: meeting.id,
    organiserOrganisationId: meeting.organiserOrganisationId,
    id: parsed.data.documentId,
  })
  if (!removed) throw notFound()
  throw redirectWithNotice(back, saved('meetingFollowUp.documents.deleted'))
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Permission first: a body is not read for someone who may not upload.
  const followUp = await manageableFollowUp(request, params)
  const context = { ...followUp, request, back: `/moten/${followUp.meeting.id}/dokument` }
  // An upload (multipart, `intent=upload`) is told apart while its body is read, under the size limit.
  const form = await readUploadForm(request, MAX_DOCUMENT_BYTES)
  if (form.kind !== 'other') return upload(context, form)
  return dispatchIntent(form.formData, { delete: remove }, context, form.formData)
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('meetingFollowUp.documents.title', { title: data.meeting.title }),
}

export default function DocumentsPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/moten/${loaded.meeting.id}/dokument`
  return (
    <>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('meetingFollowUp.documents.heading')}</h2>
        {loaded.documents.length === 0 ? (
          <p>{t('meetingFollowUp.documents.none')}</p>
        ) : (
          <ul className="link-list document-list">
            {loaded.documents.map((document) => (
              <li key={document.id}>
                <span>
                  <a
                    href={`${base}/${document.id}`}
                    download={document.filename}
                    aria-label={t('meetingFollowUp.documents.download', { name: document.filename })}
                  >
                    {document.filename}
                  </a>
                  <span className="muted">
                    {' '}
                    ({formatBytes(locale, document.size)}, {formatDateTime(locale, document.createdAt)}
                    {document.uploadedByName ? `, ${document.uploadedByName}` : ''})
                  </span>
                </span>
                {loaded.manage ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="documentId" value={document.id} />
                    <button
                      type="submit"
                      className="button button--secondary button--small"
                      name="intent"
                      value="delete"
                    >
                      {t('meetingFollowUp.documents.delete', { name: document.filename })}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {loaded.manage ? (
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t('meetingFollowUp.documents.uploadHeading')}</h2>
          <DocumentUploadForm
            label={t('meetingFollowUp.documents.file')}
            submissionKey={loaded.submissionKey}
            error={actionData?.errors.file}
            className="stack follow-up-form"
          />
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('meetingFollowUp.meta.documents', { meeting: data?.meeting.title ?? t('meeting.meta.fallback') }),
  ),
]
