import { Form, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { Field } from '~/components/forms/field'
import { formatCount, formatUploadSize } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

/**
 * The upload: a file or pasted text. A file over the limit is refused here
 * before it is sent (the server would refuse it with 413 anyway); while the
 * upload is checked the form says so in a live region.
 */
export function UploadForm({
  maxBytes,
  maxRows,
  error,
  text,
}: {
  maxBytes: number
  maxRows: number
  error?: MessageKey
  /** Pasted text, kept after a check that found errors. */
  text: string
}) {
  const t = useT()
  const locale = useLocale()
  const navigation = useNavigation()
  const checking = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'preview'
  const [tooLarge, setTooLarge] = useState<string | null>(null)
  const maxSize = formatUploadSize(locale, maxBytes)
  const fileError = tooLarge ?? (error ? t(error, { size: maxSize }) : undefined)
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="stack"
      noValidate
      aria-busy={checking}
      onSubmit={(event) => {
        if (tooLarge) event.preventDefault()
      }}
    >
      <input type="hidden" name="intent" value="preview" />
      <Field
        label={t('import.file')}
        name="file"
        hint={t('import.fileHint', { size: maxSize, rows: formatCount(locale, maxRows) })}
        error={fileError}
      >
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0]
              setTooLarge(
                file && file.size > maxBytes
                  ? t('import.fileTooLarge', { size: formatUploadSize(locale, file.size), max: maxSize })
                  : null,
              )
            }}
          />
        )}
      </Field>
      <Field label={t('import.text')} name="text" hint={t('import.textHint')}>
        {(props) => <textarea {...props} rows={6} spellCheck={false} className="import-text" defaultValue={text} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={checking}>
          {t('import.preview')}
        </button>
      </div>
      <div role="status" aria-live="polite" className="import-progress">
        {checking ? (
          <>
            <progress aria-label={t('import.checking')} />
            <span>{t('import.checking')}</span>
          </>
        ) : null}
      </div>
    </Form>
  )
}
