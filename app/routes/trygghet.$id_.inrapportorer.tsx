import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { OptionSelect } from '~/components/forms/option-select'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CouncilHeader } from '~/components/council/council-header'
import { Field, FormMessage } from '~/components/forms/field'
import { getEnv } from '~/config/env.server'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { inviteUser } from '~/modules/accounts/invitations.server'
import { siteOrigin } from '~/modules/auth/sign-in.server'
import { councilHeader, requireCouncil } from '~/modules/council/council-access.server'
import { listInformants, organisationOptions } from '~/modules/council/informants.server'
import { emailField, uuidField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { getMailer } from '~/modules/mail/mailer.server'
import councilStyles from '~/styles/council.css?url'

export const links = () => [{ rel: 'stylesheet', href: councilStyles }]

const InviteSchema = z.object({ email: emailField, organisationId: uuidField })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const [informants, options] = await Promise.all([
    listInformants(db, council.organisationIds),
    organisationOptions(db, council.organisationIds),
  ])
  return {
    council: councilHeader(user, council),
    active: informants.active,
    pending: informants.pending.map((row) => ({ ...row, expiresAt: row.expiresAt.toISOString() })),
    organisations: options,
  }
}

type ActionResult = {
  errors: Record<string, string>
  values: Record<string, string>
  notice: { kind: 'success' | 'error'; key: MessageKey; email: string } | null
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.manage')
  const parsed = parseForm(InviteSchema, await request.formData())
  if (!parsed.ok)
    return data<ActionResult>({ errors: parsed.errors, values: parsed.values, notice: null }, { status: 400 })
  if (!council.organisationIds.includes(parsed.data.organisationId)) {
    return data<ActionResult>(
      { errors: { organisationId: 'council.informants.notInCouncil' }, values: parsed.values, notice: null },
      { status: 400 },
    )
  }
  // Council members invite informants only: the role is fixed here, not taken from the form.
  const result = await inviteUser(db, getMailer(), {
    actorId: user.id,
    email: parsed.data.email,
    organisationId: parsed.data.organisationId,
    role: 'informant',
    origin: siteOrigin(request, getEnv().PUBLIC_URL),
  })
  if (!result.ok) {
    const errors: Record<string, string> =
      result.error === 'alreadyMember' ? { email: 'users.alreadyMember' } : { organisationId: 'validation.choose' }
    return data<ActionResult>({ errors, values: parsed.values, notice: null }, { status: 400 })
  }
  const key: MessageKey =
    result.delivery === 'smtp'
      ? 'council.informants.invited'
      : result.delivery === 'outbox'
        ? 'users.invitedOutbox'
        : 'users.inviteFailed'
  return data<ActionResult>({
    errors: {},
    values: {},
    notice: { kind: result.delivery === 'failed' ? 'error' : 'success', key, email: parsed.data.email },
  })
}

export default function InformantsPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  const rows = [
    ...loaded.active.map((row) => ({
      key: row.userId,
      name: row.name,
      email: row.email,
      organisation: row.organisationName,
      status: t('council.informants.active'),
    })),
    ...loaded.pending.map((row) => ({
      key: row.id,
      name: '–',
      email: row.email,
      organisation: row.organisationName,
      status: t('council.informants.pending'),
    })),
  ]
  return (
    <div className="page">
      <CouncilHeader council={loaded.council} heading={t('council.informants.title')} />
      <p>{t('council.informants.intro')}</p>
      {actionData?.notice ? (
        <FormMessage kind={actionData.notice.kind}>
          {t(actionData.notice.key, { email: actionData.notice.email })}
        </FormMessage>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('council.informants.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('council.informants.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('council.informants.name')}</th>
                <th scope="col">{t('council.informants.email')}</th>
                <th scope="col">{t('council.informants.organisation')}</th>
                <th scope="col">{t('council.informants.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td data-label={t('council.informants.name')}>{row.name}</td>
                  <td data-label={t('council.informants.email')}>{row.email}</td>
                  <td data-label={t('council.informants.organisation')}>{row.organisation}</td>
                  <td data-label={t('council.informants.status')}>{row.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="council-section" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('council.informants.inviteHeading')}</h2>
        <Form method="post" noValidate className="stack" key={actionData?.notice ? 'sent' : 'form'}>
          <Field label={t('council.informants.email')} name="email" error={errors.email}>
            {(props) => <input {...props} type="email" autoComplete="off" defaultValue={values.email ?? ''} />}
          </Field>
          <OptionSelect
            label={t('council.informants.organisation')}
            name="organisationId"
            options={loaded.organisations}
            placeholder={t('council.informants.chooseOrganisation')}
            defaultValue={values.organisationId ?? ''}
            error={errors.organisationId}
          />
          <button type="submit" className="button">
            {t('council.informants.invite')}
          </button>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Inrapportörer – ${data?.council.name ?? 'Lokalt BRÅ'} – Områdesansvarsportalen` },
]
