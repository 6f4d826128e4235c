import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { acceptInvitation, findOpenInvitation } from '~/modules/accounts/invitations.server'
import { isCommonPassword } from '~/modules/auth/common-passwords.server'
import { PasswordSchema } from '~/modules/auth/password-policy'
import { signInAndRedirect } from '~/modules/auth/sign-in.server'
import { requiredText } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'

const NewAccountSchema = z.object({ name: requiredText(120), password: PasswordSchema })

// The token in the link is the permission: no session is needed here.
export async function loader({ params }: LoaderFunctionArgs) {
  const open = await findOpenInvitation(await getDb(), params.token ?? '')
  if (!open) return { valid: false as const }
  return {
    valid: true as const,
    organisation: open.organisationName,
    role: open.invitation.role,
    email: open.invitation.email,
    existing: open.existingUser !== null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb()
  const token = params.token ?? ''
  const open = await findOpenInvitation(db, token)
  if (!open) return data({ errors: {}, values: {}, error: 'invite.invalid' as MessageKey }, { status: 400 })
  let input: { token: string; name?: string; password?: string } = { token }
  if (!open.existingUser) {
    const parsed = parseForm(NewAccountSchema, await request.formData())
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, error: null }, { status: 400 })
    if (isCommonPassword(parsed.data.password)) {
      const errors: Record<string, string> = { password: 'password.common' }
      return data({ errors, values: { name: parsed.data.name }, error: null }, { status: 400 })
    }
    input = { token, ...parsed.data }
  }
  const result = await acceptInvitation(db, input)
  if (!result.ok) {
    const error: MessageKey = result.error === 'inactiveUser' ? 'invite.inactive' : 'invite.invalid'
    return data({ errors: {}, values: {}, error }, { status: 400 })
  }
  return signInAndRedirect(db, result.userId, '/')
}

export default function AcceptInvitationPage() {
  const t = useT()
  const invitation = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  if (!invitation.valid) {
    return (
      <div className="page page--narrow">
        <h1>{t('invite.acceptTitle')}</h1>
        <FormMessage kind="error">{t('invite.invalid')}</FormMessage>
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <h1>{t('invite.acceptTitle')}</h1>
      <p>{t('invite.acceptIntro', { organisation: invitation.organisation, role: t(`role.${invitation.role}` as MessageKey) })}</p>
      {actionData?.error ? <FormMessage kind="error">{t(actionData.error)}</FormMessage> : null}
      {invitation.existing ? (
        <Form method="post" className="stack">
          <p>{t('invite.acceptExisting', { organisation: invitation.organisation })}</p>
          <button type="submit" className="button">
            {t('invite.joinSubmit')}
          </button>
        </Form>
      ) : (
        <Form method="post" className="stack" noValidate>
          <p>
            {t('field.email')}: <strong>{invitation.email}</strong>
          </p>
          <Field label={t('field.name')} name="name" error={errors.name}>
            {(props) => <input {...props} type="text" autoComplete="name" defaultValue={values.name ?? ''} required />}
          </Field>
          <Field label={t('field.password')} name="password" error={errors.password} hint={t('password.hint')}>
            {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={8} maxLength={128} />}
          </Field>
          <button type="submit" className="button">
            {t('invite.acceptSubmit')}
          </button>
        </Form>
      )}
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Inbjudan – Områdesansvarsportalen' }]
