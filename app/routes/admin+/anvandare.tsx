import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import { roles } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { inviteUser, listPendingInvitations } from '~/modules/accounts/invitations.server'
import { listUsersWithMemberships, setUserActive } from '~/modules/accounts/users.server'
import { requirePermission, requireUser } from '~/modules/auth/guards.server'
import { removeSecondFactor } from '~/modules/auth/second-factor.server'
import { emailField, enumField, uuidField, versionField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { badRequest, notFound } from '~/modules/http/responses'
import { getMailer } from '~/modules/mail/mailer.server'
import type { PickerSpec, PickerState } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

const InviteSchema = z.object({
  email: emailField,
  organisationId: uuidField,
  role: enumField(roles),
})

const SetActiveSchema = z.object({
  userId: uuidField,
  version: versionField,
})

const ResetSecondFactorSchema = z.object({
  userId: uuidField,
  name: z.string().max(200).default(''),
})

/** The invitation's organisation: one, searched for. */
const invitePicker = (ids?: string[]): { organisationId: PickerSpec } => ({
  organisationId: { kind: 'organisation', single: true, ids },
})

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'user.manage')
  const db = await getDb()
  const [users, pending, { pickers }] = await Promise.all([
    listUsersWithMemberships(db),
    listPendingInvitations(db),
    pickerStates(db, request, invitePicker([])),
  ])
  return { users, pending, organisationPicker: pickers.organisationId, actorId: actor.id }
}

type ActionResult = {
  form: 'invite' | 'status'
  errors: Record<string, string>
  values: Record<string, string>
  notice: { kind: 'success' | 'error' | 'info'; key: MessageKey; vars: Record<string, string> } | null
  /** The invitation's organisation as the post chose it, when the invitation was not sent. */
  organisationPicker?: PickerState
}

interface UsersAction {
  request: Request
  db: Database
  formData: FormData
}

// The permission depends on the intent: each function asks for its own before it reads a field.

async function invite({ request, db, formData }: UsersAction) {
  const user = await requirePermission(request, 'user.invite')
  const { picking, pickers } = await pickerStates(db, request, invitePicker(), formData)
  const organisationPicker = pickers.organisationId
  const parsed = parseForm(InviteSchema, formData)
  if (picking)
    return data<ActionResult>({ form: 'invite', errors: {}, values: parsed.values, notice: null, organisationPicker })
  if (!parsed.ok)
    return data<ActionResult>(
      { form: 'invite', errors: parsed.errors, values: parsed.values, notice: null, organisationPicker },
      { status: 400 },
    )
  const result = await inviteUser(db, getMailer(), {
    actorId: user.id,
    ...parsed.data,
    origin: portalOrigin(),
  })
  if (!result.ok) {
    const errors: Record<string, string> =
      result.error === 'alreadyMember' ? { email: 'users.alreadyMember' } : { organisationId: 'validation.choose' }
    return data<ActionResult>(
      { form: 'invite', errors, values: parsed.values, notice: null, organisationPicker },
      { status: 400 },
    )
  }
  const key: MessageKey =
    result.delivery === 'smtp'
      ? 'users.invited'
      : result.delivery === 'outbox'
        ? 'users.invitedOutbox'
        : 'users.inviteFailed'
  return data<ActionResult>({
    form: 'invite',
    errors: {},
    values: {},
    notice: { kind: result.delivery === 'failed' ? 'error' : 'success', key, vars: { email: parsed.data.email } },
  })
}

/** For someone who lost both their phone and their recovery codes. */
async function resetSecondFactor({ request, db, formData }: UsersAction) {
  const user = await requirePermission(request, 'user.manage')
  const parsed = parseForm(ResetSecondFactorSchema, formData)
  if (!parsed.ok) throw badRequest()
  const removed = await removeSecondFactor(db, {
    userId: parsed.data.userId,
    actorId: user.id,
    organisationId: user.memberships[0]?.organisationId ?? null,
  })
  const name = parsed.data.name
  return data<ActionResult>({
    form: 'status',
    errors: {},
    values: {},
    notice: removed
      ? { kind: 'success', key: 'secondFactor.reset.done', vars: { name } }
      : { kind: 'info', key: 'secondFactor.column.off', vars: {} },
  })
}

async function setActive({ request, db, formData }: UsersAction, active: boolean) {
  const user = await requirePermission(request, 'user.manage')
  const parsed = parseForm(SetActiveSchema, formData)
  if (!parsed.ok) throw badRequest()
  const result = await setUserActive(db, {
    actorId: user.id,
    userId: parsed.data.userId,
    active,
    version: parsed.data.version,
  })
  const name = String(formData.get('name') ?? '')
  if (result.ok) {
    return data<ActionResult>({
      form: 'status',
      errors: {},
      values: {},
      notice: { kind: 'success', key: active ? 'users.activated' : 'users.deactivated', vars: { name } },
    })
  }
  if (result.error === 'notFound') throw notFound()
  const key: MessageKey = result.error === 'self' ? 'users.self' : 'users.conflict'
  return data<ActionResult>(
    { form: 'status', errors: {}, values: {}, notice: { kind: 'error', key, vars: {} } },
    { status: 409 },
  )
}

const activate = (context: UsersAction) => setActive(context, true)
const deactivate = (context: UsersAction) => setActive(context, false)

export async function action({ request }: ActionFunctionArgs) {
  // Signed in before anything else, as before the dispatcher: an anonymous post goes to sign-in, whatever its intent.
  await requireUser(request)
  const formData = await readFormData(request)
  const db = await getDb()
  return dispatchIntent(formData, { invite, resetSecondFactor, activate, deactivate }, { request, db, formData })
}

export default function UsersPage() {
  const t = useT()
  const locale = useLocale()
  const { users, pending, organisationPicker, actorId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const inviteResult = actionData?.form === 'invite' ? actionData : null
  const errors = inviteResult?.errors ?? {}
  const values = inviteResult?.values ?? {}
  const invitedOk = inviteResult?.notice?.kind === 'success'
  return (
    <div className="page">
      <h1>{t('users.title')}</h1>
      {actionData?.notice ? (
        <FormMessage kind={actionData.notice.kind}>{t(actionData.notice.key, actionData.notice.vars)}</FormMessage>
      ) : null}
      <section aria-labelledby="invite" className="panel">
        <h2 id="invite">{t('users.invite')}</h2>
        <Form method="post" className="stack" noValidate key={invitedOk ? 'sent' : 'form'}>
          <input type="hidden" name="intent" value="invite" />
          <Field label={t('field.email')} name="email" error={errors.email}>
            {(props) => <input {...props} type="email" autoComplete="off" defaultValue={values.email ?? ''} required />}
          </Field>
          <ItemPicker
            state={inviteResult?.organisationPicker ?? organisationPicker}
            label={t('field.organisation')}
            error={errors.organisationId}
            single
          />
          <Field label={t('field.role')} name="role" error={errors.role}>
            {(props) => (
              <select {...props} defaultValue={values.role ?? 'partner_editor'}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            {t('users.inviteSubmit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="pending">
        <h2 id="pending">{t('users.pending')}</h2>
        {pending.length === 0 ? (
          <p>{t('users.noPending')}</p>
        ) : (
          <ul className="link-list">
            {pending.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} – {invitation.organisationName}, {t(`role.${invitation.role}`)}. {t('users.expires')}{' '}
                {formatDateTime(locale, invitation.expiresAt)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="all-users">
        <h2 id="all-users">{t('users.all')}</h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('users.all')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('users.memberships')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('secondFactor.column')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    {user.name}
                    <div className="muted">{user.email}</div>
                  </td>
                  <td>{user.memberships.map((m) => `${m.organisationName} (${t(`role.${m.role}`)})`).join(', ')}</td>
                  <td>{user.active ? t('users.active') : t('users.inactive')}</td>
                  <td>{user.secondFactor ? t('secondFactor.column.on') : t('secondFactor.column.off')}</td>
                  <td>
                    {user.id === actorId ? null : (
                      <Form
                        method="post"
                        className="inline-form"
                        onSubmit={(event) => {
                          if (user.active && !window.confirm(t('users.confirmDeactivate', { name: user.name })))
                            event.preventDefault()
                        }}
                      >
                        <input type="hidden" name="intent" value={user.active ? 'deactivate' : 'activate'} />
                        <input type="hidden" name="userId" value={user.id} />
                        <input type="hidden" name="version" value={user.version} />
                        <input type="hidden" name="name" value={user.name} />
                        <button type="submit" className="button button--small button--secondary">
                          {user.active
                            ? t('users.deactivate', { name: user.name })
                            : t('users.activate', { name: user.name })}
                        </button>
                      </Form>
                    )}
                    {user.secondFactor && user.id !== actorId ? (
                      <Form
                        method="post"
                        className="inline-form"
                        onSubmit={(event) => {
                          if (!window.confirm(t('secondFactor.reset.confirm', { name: user.name })))
                            event.preventDefault()
                        }}
                      >
                        <input type="hidden" name="intent" value="resetSecondFactor" />
                        <input type="hidden" name="userId" value={user.id} />
                        <input type="hidden" name="name" value={user.name} />
                        <button type="submit" className="button button--small button--secondary">
                          {t('secondFactor.reset.submitFor', { name: user.name })}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'users.meta.title')]
