import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { fieldProps, formProps, useSchemaForm } from '~/components/forms/conform'
import { Field } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { changePassword } from '~/modules/accounts/passwords.server'
import { getSession, requireUser } from '~/modules/auth/guards.server'
import { isCommonPassword } from '~/modules/auth/common-passwords.server'
import { PasswordSchema } from '~/modules/auth/password-policy'
import { readDeviceToken } from '~/modules/auth/device-trust.server'
import { enrolmentOf } from '~/modules/auth/second-factor.server'
import { signInAndRedirect } from '~/modules/auth/sign-in.server'
import { parseSubmission, statusOf } from '~/modules/forms/submission'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'password.required').max(1024, 'password.tooLong'),
  newPassword: PasswordSchema,
})

// Every signed-in person may manage their own account.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const secondFactor = await enrolmentOf(await getDb(), user.id)
  return { name: user.name, email: user.email, secondFactorSince: secondFactor?.enrolledAt.toISOString() ?? null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseSubmission(await readFormData(request), ChangePasswordSchema)
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: statusOf(submission) })
  }
  if (isCommonPassword(submission.value.newPassword)) {
    return data({ result: submission.reply({ fieldErrors: { newPassword: ['password.common'] } }) }, { status: 400 })
  }
  const db = await getDb()
  // The current password is checked under the same throttle as signing in (decision 019).
  const result = await changePassword(db, {
    userId: user.id,
    ...submission.value,
    ip: context.clientIp ?? 'unknown',
    deviceToken: readDeviceToken(request),
  })
  if (!result.ok) {
    const throttled = result.error === 'throttled'
    const reply = submission.reply({
      fieldErrors: { currentPassword: [throttled ? 'account.throttled' : 'account.wrongCurrent'] },
    })
    if (!throttled) return data({ result: reply }, { status: 400 })
    return data({ result: reply }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  }
  // The new session replaces one that had passed any second factor.
  const current = await getSession(request)
  return signInAndRedirect(db, user.id, '/konto', {
    twoFactorVerified: current?.session.twoFactorVerified,
    request,
    notice: saved('account.changed'),
  })
}

export default function AccountPage() {
  const t = useT()
  const locale = useLocale()
  const account = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(ChangePasswordSchema, {
    id: 'change-password-form',
    lastResult: actionData?.result,
  })
  return (
    <div className="page page--narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('field.name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('field.email')}</dt>
        <dd>{account.email}</dd>
      </dl>
      <h2>{t('account.changePassword')}</h2>
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="text" name="username" autoComplete="username" defaultValue={account.email} hidden readOnly />
        <Field label={t('field.currentPassword')} {...fieldProps(fields.currentPassword)}>
          {(props) => <input {...props} type="password" autoComplete="current-password" required />}
        </Field>
        <Field label={t('field.newPassword')} {...fieldProps(fields.newPassword)} hint={t('password.hint')}>
          {(props) => (
            <input {...props} type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
          )}
        </Field>
        <button type="submit" className="button">
          {t('account.changePassword')}
        </button>
      </Form>
      <h2>{t('secondFactor.title')}</h2>
      <p>
        {account.secondFactorSince
          ? t('secondFactor.status.on', { date: formatDateTime(locale, account.secondFactorSince) })
          : t('secondFactor.status.off')}
      </p>
      <p>
        <Link to="/konto/tvastegsverifiering">
          {account.secondFactorSince ? t('secondFactor.manage') : t('secondFactor.turnOn')}
        </Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'account.title')]
