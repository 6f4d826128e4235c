import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { CancelSignIn, TotpCodeField } from '~/components/auth/second-factor-fields'
import { FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { formatDateTime, useLocale, useT } from '~/i18n/i18n'
import { requireSession, secondFactorPath } from '~/modules/auth/guards.server'
import { safeRedirect } from '~/modules/auth/safe-redirect'
import {
  decodeTotpKey,
  encodeTotpKey,
  enrolmentDetails,
  enrolmentOf,
  enrolTotp,
  newTotpKey,
  removeSecondFactor,
  renewRecoveryCodes,
  secondFactorRequired,
  verifyTotpForSession,
} from '~/modules/auth/second-factor.server'
import { TotpCodeSchema } from '~/modules/auth/second-factor-form'
import { parseForm } from '~/modules/forms/parse-form'

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

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('enrol'), key: z.string().max(64), code: TotpCodeSchema }),
  z.object({ intent: z.literal('renew'), code: TotpCodeSchema }),
  z.object({ intent: z.literal('off'), code: TotpCodeSchema }),
])

type Errors = Record<string, string>
type Enrolment = ReturnType<typeof enrolmentFor>

export async function action({ request }: ActionFunctionArgs) {
  const current = await pageSession(request)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const parsed = parseForm(ActionSchema, form)
  const db = await getDb()
  const organisationId = current.user.memberships[0]?.organisationId ?? null
  const posted = decodeTotpKey(String(form.get('key') ?? ''))
  const enrolment: Enrolment | null = intent === 'enrol' && posted ? enrolmentFor(posted, current.user.email) : null
  const fail = (errors: Errors, extra: { enrolment?: Enrolment | null } = {}) =>
    data(
      { intent, errors, codes: null as string[] | null, off: false, enrolment: extra.enrolment ?? enrolment },
      { status: 400 },
    )
  if (!parsed.ok) return fail(parsed.errors)
  const input = parsed.data
  if (input.intent === 'enrol') {
    // A tampered key field: start again with a fresh key rather than fail on it.
    if (!posted)
      return fail({ code: 'secondFactor.enrol.broken' }, { enrolment: enrolmentFor(newTotpKey(), current.user.email) })
    const codes = await enrolTotp(db, {
      userId: current.user.id,
      key: posted,
      code: input.code,
      sessionId: current.session.id,
      organisationId,
    })
    if (!codes) return fail({ code: 'secondFactor.enrol.wrong' })
    return { intent, errors: {} as Errors, codes, off: false, enrolment: null }
  }
  // Changing a working setup needs a fresh code, not only the session.
  if (current.step !== 'passed') return fail({ code: 'secondFactor.code.wrong' })
  if (input.intent === 'off' && secondFactorRequired(current.user.memberships)) {
    return fail({ code: 'secondFactor.off.notAllowed' })
  }
  const confirmed = await verifyTotpForSession(db, {
    userId: current.user.id,
    sessionId: current.session.id,
    code: input.code,
  })
  if (!confirmed) return fail({ code: 'secondFactor.code.wrong' })
  if (input.intent === 'renew') {
    const codes = await renewRecoveryCodes(db, { userId: current.user.id, organisationId })
    return { intent, errors: {} as Errors, codes, off: false, enrolment: null }
  }
  await removeSecondFactor(db, {
    userId: current.user.id,
    actorId: current.user.id,
    organisationId,
    keepSessionId: current.session.id,
  })
  return { intent, errors: {} as Errors, codes: null, off: true, enrolment: null }
}

export default function SecondFactorPage() {
  const t = useT()
  const locale = useLocale()
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const redirectTo = safeRedirect(searchParams.get('redirectTo'))
  const recoveryLeft = searchParams.get('aterstallningskod')

  if (actionData?.codes) return <RecoveryCodes codes={actionData.codes} continueTo={redirectTo} />

  const enrolment = actionData?.enrolment ?? page.enrolment
  const errors: Errors = actionData?.errors ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('secondFactor.title')}</h1>
      {actionData?.off ? <FormMessage kind="success">{t('secondFactor.off.done')}</FormMessage> : null}
      {recoveryLeft !== null && page.status ? (
        <FormMessage kind="info">{t('secondFactor.recovery.left', { count: Number(recoveryLeft) || 0 })}</FormMessage>
      ) : null}
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
          error={actionData?.intent === 'enrol' ? errors.code : undefined}
          replacing={Boolean(page.status)}
        />
      ) : (
        <>
          <ConfirmedForm
            intent="renew"
            title={t('secondFactor.renew.title')}
            intro={t('secondFactor.renew.intro')}
            submit={t('secondFactor.renew.submit')}
            error={actionData?.intent === 'renew' ? errors.code : undefined}
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
              error={actionData?.intent === 'off' ? errors.code : undefined}
            />
          )}
        </>
      )}
      {page.mustEnrol ? <CancelSignIn /> : null}
    </div>
  )
}

function EnrolForm({ enrolment, error, replacing }: { enrolment: Enrolment; error?: string; replacing: boolean }) {
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
          <TotpCodeField error={error} />
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
  error?: string
}) {
  const t = useT()
  return (
    <section aria-labelledby={`${props.intent}-title`}>
      <h2 id={`${props.intent}-title`}>{props.title}</h2>
      <p>{props.intro}</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={props.intent} />
        <TotpCodeField error={props.error} label={t('secondFactor.confirmLabel')} />
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

export const meta: MetaFunction = () => [{ title: 'Tvåstegsverifiering – Områdesansvarsportalen' }]
