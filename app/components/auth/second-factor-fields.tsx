import { Form } from '@remix-run/react'
import { Field } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'

/** The six digits from the authenticator app: the phone's number pad, and the code its keyboard offers. */
export function TotpCodeField({
  error,
  label,
  name = 'code',
  defaultValue,
  required = true,
}: {
  error?: string
  label?: string
  name?: string
  defaultValue?: string
  required?: boolean
}) {
  const t = useT()
  return (
    <Field label={label ?? t('secondFactor.code.label')} name={name} error={error} hint={t('secondFactor.code.hint')}>
      {(props) => (
        <input
          {...props}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={12}
          defaultValue={defaultValue}
          required={required}
        />
      )}
    </Field>
  )
}

/**
 * Proof beyond the session before the second factor changes: a code from the
 * app set up now, or the password for someone without the phone. Either one.
 */
export function CurrentFactorFields({ errors }: { errors: { currentCode?: string; currentPassword?: string } }) {
  const t = useT()
  return (
    <fieldset className="stack">
      <legend>{t('secondFactor.confirm.legend')}</legend>
      <TotpCodeField
        name="currentCode"
        label={t('secondFactor.confirmLabel')}
        error={errors.currentCode}
        required={false}
      />
      <Field
        label={t('secondFactor.confirm.passwordLabel')}
        name="currentPassword"
        error={errors.currentPassword}
        hint={t('secondFactor.confirm.passwordHint')}
      >
        {(props) => <input {...props} type="password" autoComplete="current-password" maxLength={1024} />}
      </Field>
    </fieldset>
  )
}

/** A half-signed-in session's way out: the header has no sign-out button until the second factor is passed. */
export function CancelSignIn() {
  const t = useT()
  return (
    <Form method="post" action="/logga-ut" className="actions" reloadDocument>
      <button type="submit" className="button button--secondary">
        {t('secondFactor.cancel')}
      </button>
    </Form>
  )
}
