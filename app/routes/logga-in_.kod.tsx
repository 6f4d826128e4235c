import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { CancelSignIn, TotpCodeField } from '~/components/auth/second-factor-fields'
import { Field, FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import { useT, type Translate } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireSession, safeRedirect, secondFactorPath } from '~/modules/auth/guards.server'
import type { ValidSession } from '~/modules/auth/sessions.server'
import { spendRecoveryCode, verifyTotpForSession } from '~/modules/auth/second-factor.server'
import { CodeFormSchema, RecoveryFormSchema } from '~/modules/auth/second-factor-form'
import { readDeviceToken, trustThisBrowser } from '~/modules/auth/device-trust.server'
import { secondFactorThrottle } from '~/modules/auth/second-factor-throttle.server'
import { formValues } from '~/modules/forms/form-values'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { flashHeaders, type Notice } from '~/modules/http/flash.server'

// The second step of signing in: a code from the authenticator app, or a recovery code.
export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireSession(request)
  const back = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  if (current.step === 'enrol') throw redirect(secondFactorPath('enrol', back))
  if (current.step !== 'code') throw redirect(back)
  return null
}

type Errors = Record<string, string>

interface CodeStep {
  request: Request
  db: Database
  current: ValidSession
  formData: FormData
  back: string
}

const invalid = (errors: Errors) => data({ errors, minutes: 0 }, { status: 400 })

const throttled = (retryAfterSeconds: number) =>
  data(
    { errors: { _form: 'secondFactor.code.throttled' } as Errors, minutes: Math.ceil(retryAfterSeconds / 60) },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  )

/** This session's and browser's attempts so far, and the redirect that completes the sign-in. */
async function attempt({ request, db, current }: CodeStep) {
  const now = new Date()
  const target = { userId: current.user.id, sessionId: current.session.id }
  const throttle = await secondFactorThrottle(db, { ...target, deviceToken: readDeviceToken(request) }, now)
  // A complete sign-in makes this browser trusted for the account (decision 019).
  const signedIn = async (to: string, notice?: Notice) => {
    await throttle.passed()
    const headers = new Headers({ 'Set-Cookie': await trustThisBrowser(db, request, current.user.id, now) })
    return redirect(to, { headers: notice ? flashHeaders(notice, headers) : headers })
  }
  return { now, target, throttle, signedIn }
}

async function code(step: CodeStep) {
  const parsed = parseForm(CodeFormSchema, step.formData)
  if (!parsed.ok) return invalid(parsed.errors)
  const { now, target, throttle, signedIn } = await attempt(step)
  if (throttle.retryAfterSeconds > 0) return throttled(throttle.retryAfterSeconds)
  if (await verifyTotpForSession(step.db, { ...target, code: parsed.data.code }, now)) throw await signedIn(step.back)
  await throttle.failed()
  return invalid({ code: 'secondFactor.code.wrong' })
}

async function recovery(step: CodeStep) {
  const parsed = parseForm(RecoveryFormSchema, step.formData)
  if (!parsed.ok) return invalid(parsed.errors)
  const { now, target, throttle, signedIn } = await attempt(step)
  if (throttle.retryAfterSeconds > 0) return throttled(throttle.retryAfterSeconds)
  const organisationId = step.current.user.memberships[0]?.organisationId ?? null
  const left = await spendRecoveryCode(step.db, { ...target, code: parsed.data.recoveryCode, organisationId }, now)
  if (left === null) {
    await throttle.failed()
    return invalid({ recoveryCode: 'secondFactor.recovery.wrong' })
  }
  // Straight to the account page, with a notice of how many codes are left.
  const notice: Notice = { kind: 'info', message: 'secondFactor.recovery.left', values: { count: left } }
  throw await signedIn('/konto/tvastegsverifiering', notice)
}

export async function action({ request }: ActionFunctionArgs) {
  const current = await requireSession(request)
  const formData = await readFormData(request)
  const back = safeRedirect(formValues(formData).redirectTo)
  if (current.step !== 'code') throw redirect(current.step === 'enrol' ? secondFactorPath('enrol', back) : back)
  return dispatchIntent(formData, { code, recovery }, { request, db: await getDb(), current, formData, back })
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
