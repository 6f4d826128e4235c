import { Form } from '@remix-run/react'
import { DocumentUploadForm } from '~/components/forms/document-upload-form'
import { formatBytes, formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'

export interface DocumentItem {
  id: string
  filename: string
  size: number
  createdAt: string
  uploadedByName: string | null
}

/** The deliverable's documents: each to download, and to remove and add for who may update it. */
export function DeliverableDocuments({
  base,
  documents,
  update,
  submissionKey,
  error,
}: {
  /** The deliverable page's path; a document is `${base}/dokument/<id>`. */
  base: string
  documents: DocumentItem[]
  update: boolean
  submissionKey: string
  error?: string
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="documents-heading" className="mandate-documents">
      <h3 id="documents-heading">{t('mandateCalendar.documents.heading')}</h3>
      {documents.length === 0 ? (
        <p>{t('mandateCalendar.documents.none')}</p>
      ) : (
        <ul className="link-list document-list">
          {documents.map((document) => (
            <li key={document.id}>
              <span>
                <a
                  href={`${base}/dokument/${document.id}`}
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
              {update ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removeDocument" />
                  <input type="hidden" name="documentId" value={document.id} />
                  <button type="submit" className="button button--secondary button--small">
                    {t('meetingFollowUp.documents.delete', { name: document.filename })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {update ? (
        <DocumentUploadForm
          label={t('mandateCalendar.documents.file')}
          submissionKey={submissionKey}
          error={error}
          className="stack mandate-form"
        />
      ) : null}
    </section>
  )
}
