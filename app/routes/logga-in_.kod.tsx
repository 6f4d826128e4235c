import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { CancelSignIn, TotpCodeField } from '~/components/auth/second-factor-fields'
import { Field, FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { useT, type Translate } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireSession, safeRedirect, secondFactorPath } from '~/modules/auth/guards.server'
import { spendRecoveryCode, verifyTotpForSession } from '~/modules/auth/second-factor.server'
import { SecondFactorFormSchema } from '~/modules/auth/second-factor-form'
import { readDeviceToken, trustThisBrowser } from '~/modules/auth/device-trust.server'
import { secondFactorThrottle } from '~/modules/auth/second-factor-throttle.server'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'

// The second step of signing in: a code from the authenticator app, or a recovery code.
export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireSession(request)
  const back = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  if (current.step === 'enrol') throw redirect(secondFactorPath('enrol', back))
  if (current.step !== 'code') throw redirect(back)
  return null
}

type Errors = Record<string, string>

export async function action({ request }: ActionFunctionArgs) {
  const current = await requireSession(request)
  const parsed = parseForm(SecondFactorFormSchema, await readFormData(request))
  const back = safeRedirect(parsed.values.redirectTo)
  if (current.step !== 'code') throw redirect(current.step === 'enrol' ? secondFactorPath('enrol', back) : back)
  if (!parsed.ok) return data({ errors: parsed.errors as Errors, minutes: 0 }, { status: 400 })
  const db = await getDb()
  const now = new Date()
  const target = { userId: current.user.id, sessionId: current.session.id }
  const throttle = await secondFactorThrottle(db, { ...target, deviceToken: readDeviceToken(request) }, now)
  if (throttle.retryAfterSeconds > 0) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60)
    return data(
      { errors: { _form: 'secondFactor.code.throttled' } as Errors, minutes },
      { status: 429, headers: { 'Retry-After': String(throttle.retryAfterSeconds) } },
    )
  }
  // A complete sign-in makes this browser trusted for the account (decision 019).
  const signedIn = async (to: string) => {
    await throttle.passed()
    return redirect(to, { headers: { 'Set-Cookie': await trustThisBrowser(db, request, current.user.id, now) } })
  }
  if (parsed.data.intent === 'code') {
    if (await verifyTotpForSession(db, { ...target, code: parsed.data.code }, now)) throw await signedIn(back)
    await throttle.failed()
    return data({ errors: { code: 'secondFactor.code.wrong' } as Errors, minutes: 0 }, { status: 400 })
  }
  const organisationId = current.user.memberships[0]?.organisationId ?? null
  const left = await spendRecoveryCode(db, { ...target, code: parsed.data.recoveryCode, organisationId }, now)
  if (left === null) {
    await throttle.failed()
    return data({ errors: { recoveryCode: 'secondFactor.recovery.wrong' } as Errors, minutes: 0 }, { status: 400 })
  }
  // Straight to the account page, which says how many codes are left.
  throw await signedIn(`/konto/tvastegsverifiering?aterstallningskod=${left}`)
}

function formError(t: Translate, errors: Errors, minutes: number) {
  if (errors._form === 'secondFactor.code.throttled') return t('secondFactor.code.throttled', { minutes })
  return null
}

export default function SecondFactorCodePage() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const errors: Errors = actionData?.errors ?? {}
  const redirectTo = searchParams.get('redirectTo') ?? '/'
  const throttled = actionData ? formError(t, errors, actionData.minutes) : null
  return (
    <div className="page page--narrow">
      <h1>{t('secondFactor.code.title')}</h1>
      <p>{t('secondFactor.code.intro')}</p>
      {throttled ? <FormMessage kind="error">{throttled}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TotpCodeField error={errors.code} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('secondFactor.code.submit')}
        </button>
      </Form>
      <details className="disclosure" open={Boolean(errors.recoveryCode)}>
        <summary>{t('secondFactor.recovery.title')}</summary>
        <p>{t('secondFactor.recovery.intro')}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="recovery" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field
            label={t('secondFactor.recovery.label')}
            name="recoveryCode"
            error={errors.recoveryCode}
            hint={t('secondFactor.recovery.hint')}
          >
            {(props) => (
              <input {...props} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} required />
            )}
          </Field>
          <button type="submit" className="button button--secondary">
            {t('secondFactor.recovery.submit')}
          </button>
        </Form>
        <p>{t('secondFactor.recovery.none')}</p>
      </details>
      <CancelSignIn />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'secondFactor.title')]
