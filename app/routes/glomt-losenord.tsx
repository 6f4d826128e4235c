import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requestPasswordReset } from '~/modules/accounts/passwords.server'
import { emailField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { getMailer } from '~/modules/mail/mailer.server'
import { readFormData } from '~/modules/http/form-data.server'

const ForgotSchema = z.object({ email: emailField })

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotSchema, await readFormData(request))
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: false, minutes: 0 }, { status: 400 })
  const result = await requestPasswordReset(await getDb(), getMailer(), {
    email: parsed.data.email,
    origin: portalOrigin(),
    ip: context.clientIp ?? 'unknown',
  })
  if (!result.ok) {
    // Counted for every address alike, so saying so tells nothing about who has an account.
    const { retryAfterMinutes: minutes } = result
    return data(
      { errors: { _form: 'forgot.throttled' } as Record<string, string>, values: parsed.values, sent: false, minutes },
      { status: 429, headers: { 'Retry-After': String(minutes * 60) } },
    )
  }
  return { errors: {}, values: {}, sent: true, minutes: 0 }
}

export default function ForgotPasswordPage() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('forgot.title')}</h1>
      {actionData?.sent ? (
        <FormMessage kind="success">{t('forgot.sent')}</FormMessage>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          {errors._form === 'forgot.throttled' ? (
            <FormMessage kind="error">{t('forgot.throttled', { minutes: actionData?.minutes ?? 0 })}</FormMessage>
          ) : null}
          <Form method="post" className="stack" noValidate>
            <Field label={t('field.email')} name="email" error={errors.email}>
              {(props) => <input {...props} type="email" autoComplete="email" defaultValue={values.email ?? ''} required />}
            </Field>
            <button type="submit" className="button">
              {t('forgot.submit')}
            </button>
          </Form>
        </>
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'forgot.title')]
