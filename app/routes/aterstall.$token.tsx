import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { isResetTokenValid, resetPassword } from '~/modules/accounts/passwords.server'
import { isCommonPassword } from '~/modules/auth/common-passwords.server'
import { PasswordSchema } from '~/modules/auth/password-policy'
import { serializeClearedSessionCookie } from '~/modules/auth/session-cookie.server'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { flashHeaders, saved } from '~/modules/http/flash.server'

const ResetSchema = z.object({ password: PasswordSchema })

// The token in the link is the permission: no session is needed here.
export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isResetTokenValid(await getDb(), params.token ?? '') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(ResetSchema, await readFormData(request))
  if (!parsed.ok) return data({ errors: parsed.errors, invalid: false }, { status: 400 })
  if (isCommonPassword(parsed.data.password)) {
    return data({ errors: { password: 'password.common' } as Record<string, string>, invalid: false }, { status: 400 })
  }
  const result = await resetPassword(await getDb(), { token: params.token ?? '', password: parsed.data.password })
  if (!result.ok) return data({ errors: {}, invalid: true }, { status: 400 })
  const headers = flashHeaders(saved('reset.done'), { 'Set-Cookie': serializeClearedSessionCookie() })
  return redirect('/logga-in', { headers })
}

export default function ResetPasswordPage() {
  const t = useT()
  const { valid } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  if (!valid || actionData?.invalid) {
    return (
      <div className="page page--narrow">
        <h1>{t('reset.title')}</h1>
        <FormMessage kind="error">{t('reset.invalid')}</FormMessage>
        <p>
          <Link to="/glomt-losenord">{t('login.forgot')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <h1>{t('reset.title')}</h1>
      <Form method="post" className="stack" noValidate>
        <Field label={t('field.newPassword')} name="password" error={errors.password} hint={t('password.hint')}>
          {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={8} maxLength={128} />}
        </Field>
        <button type="submit" className="button">
          {t('reset.submit')}
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'reset.meta.title')]
