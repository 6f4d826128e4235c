import { Form } from '@remix-run/react'
import { Field } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'

/** The six digits from the authenticator app: the phone's number pad, and the code its keyboard offers. */
export function TotpCodeField({ error, label }: { error?: string; label?: string }) {
  const t = useT()
  return (
    <Field label={label ?? t('secondFactor.code.label')} name="code" error={error} hint={t('secondFactor.code.hint')}>
      {(props) => (
        <input
          {...props}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={12}
          required
        />
      )}
    </Field>
  )
}

/** A half-signed-in session's way out: the header has no sign-out button until the second factor is passed. */
export function CancelSignIn() {
  const t = useT()
  return (
    <Form method="post" action="/logga-ut" reloadDocument>
      <button type="submit" className="button button--secondary">
        {t('secondFactor.cancel')}
      </button>
    </Form>
  )
}
