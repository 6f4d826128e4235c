import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { CancelSignIn, CurrentFactorFields, TotpCodeField } from '~/components/auth/second-factor-fields'
import { FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireSession, secondFactorPath } from '~/modules/auth/guards.server'
import { safeRedirect } from '~/modules/auth/safe-redirect'
import { confirmIdentity } from '~/modules/auth/confirm-identity.server'
import { readDeviceToken } from '~/modules/auth/device-trust.server'
import {
  codeMatchesKey,
  decodeTotpKey,
  encodeTotpKey,
  enrolmentDetails,
  enrolmentOf,
  enrolTotp,
  newTotpKey,
  removeSecondFactor,
  renewRecoveryCodes,
  secondFactorRequired,
} from '~/modules/auth/second-factor.server'
import { TotpCodeSchema } from '~/modules/auth/second-factor-form'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

// Setting up, replacing and managing the authenticator app. Reached by anyone
// signed in, and by a session that must set it up before it may go on.
async function pageSession(request: Request) {
  const current = await requireSession(request)
  const url = new URL(request.url)
  if (current.step === 'code') throw redirect(secondFactorPath('code', `${url.pathname}${url.search}`))
  return current
}

function enrolmentFor(key: Uint8Array, email: string) {
  return { key: encodeTotpKey(key), ...enrolmentDetails(key, email) }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await pageSession(request)
  const status = await enrolmentOf(await getDb(), current.user.id)
  const replacing = new URL(request.url).searchParams.has('byt')
  return {
    email: current.user.email,
    required: secondFactorRequired(current.user.memberships),
    mustEnrol: current.step === 'enrol',
    status: status
      ? { enrolledAt: status.enrolledAt.toISOString(), recoveryCodesLeft: status.recoveryCodesLeft }
      : null,
    enrolment: !status || replacing ? enrolmentFor(newTotpKey(), current.user.email) : null,
  }
}

// Changing an app that is set up needs a current code or the password, not only the session.
const confirmFields = { currentCode: z.string().max(64).optional(), currentPassword: z.string().max(1024).optional() }

const ConfirmSchema = z.object(confirmFields)
const EnrolSchema = z.object({ key: z.string().max(64), code: TotpCodeSchema, ...confirmFields })

type Errors = Record<string, string>
type Enrolment = ReturnType<typeof enrolmentFor>

const confirmMessages = {
  currentCode: {
    missing: 'secondFactor.confirm.missing',
    format: 'secondFactor.code.format',
    wrong: 'secondFactor.code.wrong',
    throttled: 'secondFactor.code.throttled',
  },
  currentPassword: {
    missing: 'secondFactor.confirm.missing',
    format: 'secondFactor.confirm.wrongPassword',
    wrong: 'secondFactor.confirm.wrongPassword',
    throttled: 'secondFactor.confirm.throttled',
  },
} as const

interface FactorRequest {
  request: Request
  ip: string
  db: Database
  current: Awaited<ReturnType<typeof pageSession>>
  form: FormData
  organisationId: string | null
}

interface FactorPost extends FactorRequest {
  intent: 'enrol' | 'renew' | 'off'
  /** The key being set up, shown again after a refusal. */
  enrolment: Enrolment | null
  /** What the person typed stays on the page, except the confirmation itself. */
  values: Errors
}

const post = (request: FactorRequest, intent: 'renew' | 'off'): FactorPost => ({
  ...request,
  intent,
  enrolment: null,
  values: {},
})

function fail(
  { intent, values, enrolment }: FactorPost,
  errors: Errors,
  extra: { enrolment?: Enrolment | null; status?: number; minutes?: number; retryAfterSeconds?: number } = {},
) {
  return data(
    {
      intent,
      errors,
      values,
      minutes: extra.minutes ?? 0,
      codes: null as string[] | null,
      off: false,
      enrolment: extra.enrolment ?? enrolment,
    },
    {
      status: extra.status ?? 400,
      headers: extra.retryAfterSeconds ? { 'Retry-After': String(extra.retryAfterSeconds) } : undefined,
    },
  )
}

const done = ({ intent }: FactorPost, result: { codes: string[] | null; off: boolean }) => ({
  intent,
  errors: {} as Errors,
  values: {} as Errors,
  minutes: 0,
  enrolment: null,
  ...result,
})

/** The refusal when the change is not confirmed by a current code or the password, or null. */
async function refuseUnconfirmed(factor: FactorPost, input: { currentCode?: string; currentPassword?: string }) {
  const { request, ip, db, current } = factor
  // A session still owing its code has shown nothing beyond the password.
  if (current.step !== 'passed') return fail(factor, { currentCode: 'secondFactor.code.wrong' })
  if (factor.intent === 'off' && secondFactorRequired(current.user.memberships)) {
    return fail(factor, { currentCode: 'secondFactor.off.notAllowed' })
  }
  const confirmed = await confirmIdentity(db, {
    userId: current.user.id,
    sessionId: current.session.id,
    code: input.currentCode,
    password: input.currentPassword,
    ip,
    deviceToken: readDeviceToken(request),
  })
  if (confirmed.ok) return null
  const errors = { [confirmed.field]: confirmMessages[confirmed.field][confirmed.error] }
  if (confirmed.error !== 'throttled') return fail(factor, errors)
  const minutes = Math.ceil(confirmed.retryAfterSeconds / 60)
  return fail(factor, errors, { status: 429, minutes, retryAfterSeconds: confirmed.retryAfterSeconds })
}

/** Setting up the app, or replacing one that is set up (then confirmed like any change). */
async function enrol(request: FactorRequest) {
  const { db, current, form, organisationId } = request
  const posted = decodeTotpKey(String(form.get('key') ?? ''))
  const code = form.get('code')
  const factor: FactorPost = {
    ...request,
    intent: 'enrol',
    enrolment: posted ? enrolmentFor(posted, current.user.email) : null,
    values: typeof code === 'string' ? { code } : {},
  }
  const parsed = parseForm(EnrolSchema, form)
  if (!parsed.ok) return fail(factor, parsed.errors)
  const replacing = (await enrolmentOf(db, current.user.id)) !== null
  if (!posted) {
    // A tampered key field: start again with a fresh key rather than fail on it.
    return fail(
      factor,
      { code: 'secondFactor.enrol.broken' },
      { enrolment: enrolmentFor(newTotpKey(), current.user.email) },
    )
  }
  if (!codeMatchesKey(posted, parsed.data.code)) return fail(factor, { code: 'secondFactor.enrol.wrong' })
  if (replacing) {
    const refused = await refuseUnconfirmed(factor, parsed.data)
    if (refused) return refused
  }
  const codes = await enrolTotp(db, {
    userId: current.user.id,
    key: posted,
    code: parsed.data.code,
    sessionId: current.session.id,
    organisationId,
  })
  if (!codes) return fail(factor, { code: 'secondFactor.enrol.wrong' })
  return done(factor, { codes, off: false })
}

async function renew(request: FactorRequest) {
  const factor = post(request, 'renew')
  const parsed = parseForm(ConfirmSchema, request.form)
  if (!parsed.ok) return fail(factor, parsed.errors)
  const refused = await refuseUnconfirmed(factor, parsed.data)
  if (refused) return refused
  const { db, current, organisationId } = request
  return done(factor, { codes: await renewRecoveryCodes(db, { userId: current.user.id, organisationId }), off: false })
}

async function off(request: FactorRequest) {
  const factor = post(request, 'off')
  const parsed = parseForm(ConfirmSchema, request.form)
  if (!parsed.ok) return fail(factor, parsed.errors)
  const refused = await refuseUnconfirmed(factor, parsed.data)
  if (refused) return refused
  const { db, current, organisationId } = request
  await removeSecondFactor(db, {
    userId: current.user.id,
    actorId: current.user.id,
    organisationId,
    keepSessionId: current.session.id,
  })
  return done(factor, { codes: null, off: true })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = await pageSession(request)
  const form = await readFormData(request)
  return dispatchIntent(
    form,
    { enrol, renew, off },
    {
      request,
      ip: context.clientIp ?? 'unknown',
      db: await getDb(),
      current,
      form,
      organisationId: current.user.memberships[0]?.organisationId ?? null,
    },
  )
}

export default function SecondFactorPage() {
  const t = useT()
  const locale = useLocale()
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const redirectTo = safeRedirect(searchParams.get('redirectTo'))

  if (actionData?.codes) return <RecoveryCodes codes={actionData.codes} continueTo={redirectTo} />

  const enrolment = actionData?.enrolment ?? page.enrolment
  const errors: Errors = { ...actionData?.errors }
  // The throttle's message says when to try again.
  for (const field of ['currentCode', 'currentPassword'] as const) {
    const key = errors[field]
    if (key === 'secondFactor.code.throttled' || key === 'secondFactor.confirm.throttled') {
      errors[field] = t(key, { minutes: actionData?.minutes ?? 0 })
    }
  }
  const errorsFor = (intent: string): Errors => (actionData?.intent === intent ? errors : {})
  return (
    <div className="page page--narrow">
      <h1>{t('secondFactor.title')}</h1>
      {actionData?.off ? <FormMessage kind="success">{t('secondFactor.off.done')}</FormMessage> : null}
      {page.mustEnrol ? <p>{t('secondFactor.required')}</p> : page.status ? null : <p>{t('secondFactor.optional')}</p>}
      {page.status ? (
        <>
          <p>{t('secondFactor.status.on', { date: formatDateTime(locale, page.status.enrolledAt) })}</p>
          <p>{t('secondFactor.status.codesLeft', { count: page.status.recoveryCodesLeft })}</p>
        </>
      ) : null}
      {enrolment ? (
        <EnrolForm
          enrolment={enrolment}
          errors={errorsFor('enrol')}
          code={actionData?.intent === 'enrol' ? actionData.values.code : undefined}
          replacing={Boolean(page.status)}
        />
      ) : (
        <>
          <ConfirmedForm
            intent="renew"
            title={t('secondFactor.renew.title')}
            intro={t('secondFactor.renew.intro')}
            submit={t('secondFactor.renew.submit')}
            errors={errorsFor('renew')}
          />
          <section aria-labelledby="replace-title">
            <h2 id="replace-title">{t('secondFactor.replace.title')}</h2>
            <p>{t('secondFactor.replace.intro')}</p>
            <Link className="button button--secondary" to="?byt=1">
              {t('secondFactor.replace.start')}
            </Link>
          </section>
          {page.required ? (
            <p>{t('secondFactor.off.notAllowed')}</p>
          ) : (
            <ConfirmedForm
              intent="off"
              title={t('secondFactor.off.title')}
              intro={t('secondFactor.off.intro')}
              submit={t('secondFactor.off.submit')}
              errors={errorsFor('off')}
            />
          )}
        </>
      )}
      {page.mustEnrol ? <CancelSignIn /> : null}
    </div>
  )
}

function EnrolForm({
  enrolment,
  errors,
  code,
  replacing,
}: {
  enrolment: Enrolment
  errors: Errors
  code?: string
  replacing: boolean
}) {
  const t = useT()
  const navigation = useNavigation()
  return (
    <>
      {replacing ? <h2>{t('secondFactor.replace.title')}</h2> : null}
      <section aria-labelledby="enrol-step1">
        <h2 id="enrol-step1">{t('secondFactor.enrol.step1')}</h2>
        <p>{t('secondFactor.enrol.scan')}</p>
        <div
          className="qr-code"
          role="img"
          aria-label={t('secondFactor.enrol.qr')}
          // uqr's SVG of the otpauth address, made on the server from our own key.
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
        <p id="totp-secret-label">{t('secondFactor.enrol.manual')}</p>
        <p>
          <code className="totp-secret" aria-labelledby="totp-secret-label" data-secret>
            {enrolment.secret}
          </code>
        </p>
      </section>
      <section aria-labelledby="enrol-step2">
        <h2 id="enrol-step2">{t('secondFactor.enrol.step2')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="enrol" />
          <input type="hidden" name="key" value={enrolment.key} />
          <TotpCodeField error={errors.code} defaultValue={code} />
          {replacing ? <CurrentFactorFields errors={errors} /> : null}
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            {t('secondFactor.enrol.submit')}
          </button>
        </Form>
      </section>
    </>
  )
}

function ConfirmedForm(props: {
  intent: 'renew' | 'off'
  title: string
  intro: string
  submit: string
  errors: Errors
}) {
  return (
    <section aria-labelledby={`${props.intent}-title`}>
      <h2 id={`${props.intent}-title`}>{props.title}</h2>
      <p>{props.intro}</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={props.intent} />
        <CurrentFactorFields errors={props.errors} />
        <button type="submit" className="button button--secondary">
          {props.submit}
        </button>
      </Form>
    </section>
  )
}

function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const t = useT()
  return (
    <div className="page page--narrow">
      <h1>{t('secondFactor.codes.title')}</h1>
      <FormMessage kind="success">{t('secondFactor.codes.intro')}</FormMessage>
      <ol className="recovery-codes" aria-label={t('secondFactor.codes.caption')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Link className="button" to={continueTo} reloadDocument>
        {t('secondFactor.codes.continue')}
      </Link>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'secondFactor.title')]
