import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { getOptionalUser, safeRedirect } from '~/modules/auth/guards.server'
import { readDeviceToken } from '~/modules/auth/device-trust.server'
import { attemptLogin } from '~/modules/auth/login.server'
import { signInAndRedirect } from '~/modules/auth/sign-in.server'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'

const LoginSchema = z.object({
  email: z.string().trim().min(1, 'validation.required').max(254, 'validation.tooLong'),
  password: z.string().min(1, 'password.required').max(1024, 'password.tooLong'),
  redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect('/')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readFormData(request))
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, message: null }, { status: 400 })
  const { email, password, redirectTo } = parsed.data
  const db = await getDb()
  const deviceToken = readDeviceToken(request)
  const result = await attemptLogin(db, { email, password, ip: context.clientIp ?? 'unknown', deviceToken })
  if (!result.ok && result.reason === 'throttled') {
    const seconds = result.retryAfterSeconds
    const message = {
      key: seconds < 120 ? ('login.throttledSeconds' as const) : ('login.throttled' as const),
      seconds,
      minutes: Math.ceil(seconds / 60),
    }
    return data(
      { errors: {}, values: { email }, message },
      { status: 429, headers: { 'Retry-After': String(seconds) } },
    )
  }
  if (!result.ok) {
    return data(
      { errors: {}, values: { email }, message: { key: 'login.invalid' as const, seconds: 0, minutes: 0 } },
      { status: 400 },
    )
  }
  return signInAndRedirect(db, result.user.id, safeRedirect(redirectTo), { request })
}

export default function LoginPage() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {actionData?.message ? (
        <FormMessage kind="error">
          {t(actionData.message.key, { minutes: actionData.message.minutes, seconds: actionData.message.seconds })}
        </FormMessage>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        <Field label={t('field.email')} name="email" error={errors.email}>
          {(props) => (
            <input {...props} type="email" autoComplete="username" defaultValue={actionData?.values?.email ?? ''} required />
          )}
        </Field>
        <Field label={t('field.password')} name="password" error={errors.password}>
          {(props) => <input {...props} type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </button>
      </Form>
      <p>
        <Link to="/glomt-losenord">{t('login.forgot')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'login.title')]
