import { Form } from '@remix-run/react'
import { useState } from 'react'
import { Field } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { useT } from '~/i18n/i18n'
import { acceptedExtensions, MAX_DOCUMENT_BYTES } from '~/modules/meetings/document-types'

/**
 * The one form that uploads a document (a meeting's, a mandate deliverable's):
 * intent "upload", a one-time submit key, the file field with its hint. A file
 * over 10 MB is said at the field before the upload starts; the server checks
 * again, and without JavaScript it answers alone.
 */
export function DocumentUploadForm({
  label,
  submissionKey,
  error,
  className,
}: {
  label: string
  submissionKey: string
  /** The server's message key for the file field, if it refused the last upload. */
  error?: string
  className: string
}) {
  const t = useT()
  const [tooLarge, setTooLarge] = useState(false)
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className={className}
      noValidate
      onSubmit={(event) => {
        const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0]
        if (file && file.size > MAX_DOCUMENT_BYTES) {
          event.preventDefault()
          setTooLarge(true)
        }
      }}
    >
      <input type="hidden" name="intent" value="upload" />
      <SubmissionKeyField value={submissionKey} />
      <Field
        label={label}
        name="file"
        hint={t('meetingFollowUp.documents.fileHint')}
        error={tooLarge ? 'meetingFollowUp.documents.error.tooLarge' : error}
      >
        {(props) => <input {...props} type="file" accept={acceptedExtensions} onChange={() => setTooLarge(false)} />}
      </Field>
      <button type="submit" className="button">
        {t('meetingFollowUp.documents.upload')}
      </button>
    </Form>
  )
}
