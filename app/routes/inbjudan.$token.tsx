import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { acceptInvitation, findOpenInvitation } from '~/modules/accounts/invitations.server'
import { isCommonPassword } from '~/modules/auth/common-passwords.server'
import { getOptionalUser } from '~/modules/auth/guards.server'
import { PasswordSchema } from '~/modules/auth/password-policy'
import { signInAndRedirect } from '~/modules/auth/sign-in.server'
import { requiredText } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'

const NewAccountSchema = z.object({ name: requiredText(120), password: PasswordSchema })

// For a new address the token in the link is the permission: it sets the
// password. For an existing account it is not: the person signs in as usual
// (password, then any second factor) and comes back here to accept.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const open = await findOpenInvitation(await getDb(), token)
  if (!open) return { state: 'invalid' as const }
  const invitation = { organisation: open.organisationName, role: open.invitation.role, email: open.invitation.email }
  if (!open.existingUser) return { state: 'newAccount' as const, ...invitation }
  const user = await getOptionalUser(request)
  if (!user) {
    const signInHref = `/logga-in?redirectTo=${encodeURIComponent(`/inbjudan/${token}`)}`
    return { state: 'signIn' as const, ...invitation, signInHref }
  }
  if (user.id !== open.existingUser.id) return { state: 'wrongAccount' as const, ...invitation, signedInAs: user.name }
  return { state: 'accept' as const, ...invitation }
}

type Errors = Record<string, string>

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb()
  const token = params.token ?? ''
  const open = await findOpenInvitation(db, token)
  const fail = (error: MessageKey | null, status: number, errors: Errors = {}, values: Errors = {}) =>
    data({ errors, values, error }, { status })
  if (!open) return fail('invite.invalid', 400)
  if (open.existingUser) {
    const user = await getOptionalUser(request)
    if (!user) return fail('invite.signInFirst', 401)
    if (user.id !== open.existingUser.id) return fail('invite.wrongAccount', 403)
    const result = await acceptInvitation(db, { token, signedInUserId: user.id })
    if (!result.ok) return fail(result.error === 'inactiveUser' ? 'invite.inactive' : 'invite.invalid', 400)
    return redirect('/')
  }
  const parsed = parseForm(NewAccountSchema, await readFormData(request))
  if (!parsed.ok) return fail(null, 400, parsed.errors, parsed.values)
  if (isCommonPassword(parsed.data.password)) {
    return fail(null, 400, { password: 'password.common' }, { name: parsed.data.name })
  }
  const result = await acceptInvitation(db, { token, ...parsed.data })
  if (!result.ok) {
    const error: MessageKey =
      result.error === 'inactiveUser'
        ? 'invite.inactive'
        : result.error === 'signInRequired'
          ? 'invite.signInFirst'
          : 'invite.invalid'
    return fail(error, 400)
  }
  return signInAndRedirect(db, result.userId, '/')
}

export default function AcceptInvitationPage() {
  const t = useT()
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Errors = actionData?.errors ?? {}
  const values: Errors = actionData?.values ?? {}
  if (page.state === 'invalid') {
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
      <p>{t('invite.acceptIntro', { organisation: page.organisation, role: t(`role.${page.role}`) })}</p>
      {actionData?.error ? <FormMessage kind="error">{t(actionData.error)}</FormMessage> : null}
      {page.state === 'signIn' ? (
        <>
          <p>{t('invite.signInToAccept', { email: page.email })}</p>
          <p>
            <Link className="button" to={page.signInHref}>
              {t('invite.signInLink')}
            </Link>
          </p>
        </>
      ) : page.state === 'wrongAccount' ? (
        <FormMessage kind="info">
          {t('invite.wrongAccountIntro', { name: page.signedInAs, email: page.email })}
        </FormMessage>
      ) : page.state === 'accept' ? (
        <Form method="post" className="stack">
          <p>{t('invite.acceptExisting', { organisation: page.organisation })}</p>
          <button type="submit" className="button">
            {t('invite.joinSubmit')}
          </button>
        </Form>
      ) : (
        <Form method="post" className="stack" noValidate>
          <p>
            {t('field.email')}: <strong>{page.email}</strong>
          </p>
          <Field label={t('field.name')} name="name" error={errors.name}>
            {(props) => <input {...props} type="text" autoComplete="name" defaultValue={values.name ?? ''} required />}
          </Field>
          <Field label={t('field.password')} name="password" error={errors.password} hint={t('password.hint')}>
            {(props) => (
              <input {...props} type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
            )}
          </Field>
          <button type="submit" className="button">
            {t('invite.acceptSubmit')}
          </button>
        </Form>
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'invite.meta.title')]
