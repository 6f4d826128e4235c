import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { OptionSelect } from '~/components/forms/option-select'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CouncilMemberTable } from '~/components/council/council-member-table'
import { Field, FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { portalOrigin } from '~/config/env.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { inviteUser } from '~/modules/accounts/invitations.server'
import { can } from '~/modules/auth/permissions'
import { requireCouncil, type CouncilRequest } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import {
  grantCandidates,
  grantCouncilMember,
  listCouncilMembers,
  revokeCouncilMember,
} from '~/modules/council/council-members.server'
import { listPendingInformants, organisationOptions } from '~/modules/council/informants.server'
import { emailField, uuidField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { getMailer } from '~/modules/mail/mailer.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent, withDefaultIntent } from '~/modules/http/intents'

const InviteSchema = z.object({ email: emailField, organisationId: uuidField })
const PersonSchema = z.object({ userId: uuidField })

// The council's members and informants: the coordinator and the council's
// own members see them, grant the council to a council member or informant
// of its organisations, end a grant, and invite new informants.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const [members, pending, candidates, options] = await Promise.all([
    listCouncilMembers(db, council),
    listPendingInformants(db, council.id),
    grantCandidates(db, council),
    organisationOptions(db, council.organisationIds),
  ])
  return {
    council: councilRef(council),
    mayManage: can(user, 'council.manage', councilScope(council)),
    members: members.map((row) => ({ ...row, grantedAt: row.grantedAt.toISOString() })),
    pending: pending.map((row) => ({ ...row, expiresAt: row.expiresAt.toISOString() })),
    candidates: candidates.map((row) => ({
      id: row.userId,
      name: `${row.name} (${row.organisations.join(', ')})`,
      role: row.role,
    })),
    organisations: options,
  }
}

type ActionResult = {
  errors: Record<string, string>
  values: Record<string, string>
  notice: { kind: 'success' | 'error'; key: MessageKey; email?: string } | null
}

const refused = (errors: Record<string, string>, values: Record<string, string>, status = 400) =>
  data<ActionResult>({ errors, values, notice: null }, { status })

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCouncil(request, params, 'council.manage')
  const formData = await readFormData(request)
  // The invitation form was the page's only form and had no intent field; a post without one still invites.
  return dispatchIntent(withDefaultIntent(formData, 'invite'), { grant, revoke, invite }, access, formData)
}

async function grant({ user, db, council }: CouncilRequest, formData: FormData) {
  const parsed = parseForm(PersonSchema, formData)
  if (!parsed.ok) return refused(parsed.errors, parsed.values)
  const result = await grantCouncilMember(db, { actorId: user.id, council, userId: parsed.data.userId })
  if (!result.ok) return refused({ userId: `council.members.${result.error}` }, parsed.values)
  return data<ActionResult>({ errors: {}, values: {}, notice: { kind: 'success', key: 'council.members.granted' } })
}

async function revoke({ user, db, council }: CouncilRequest, formData: FormData) {
  const parsed = parseForm(PersonSchema, formData)
  if (!parsed.ok) return refused(parsed.errors, parsed.values)
  const revoked = await revokeCouncilMember(db, { actorId: user.id, councilId: council.id, userId: parsed.data.userId })
  return data<ActionResult>(
    {
      errors: {},
      values: {},
      notice: revoked
        ? { kind: 'success', key: 'council.members.revoked' }
        : { kind: 'error', key: 'council.members.notGranted' },
    },
    { status: revoked ? 200 : 400 },
  )
}

async function invite({ user, db, council }: CouncilRequest, formData: FormData) {
  const parsed = parseForm(InviteSchema, formData)
  if (!parsed.ok) return refused(parsed.errors, parsed.values)
  if (!council.organisationIds.includes(parsed.data.organisationId)) {
    return refused({ organisationId: 'council.informants.notInCouncil' }, parsed.values)
  }
  // Council members invite new informants only: the role is fixed here, not
  // taken from the form, and an address that has an account is refused.
  const result = await inviteUser(db, getMailer(), {
    actorId: user.id,
    email: parsed.data.email,
    organisationId: parsed.data.organisationId,
    role: 'informant',
    councilId: council.id,
    origin: portalOrigin(),
  })
  if (!result.ok) {
    const errors: Record<string, string> =
      result.error === 'self'
        ? { email: 'council.informants.self' }
        : result.error === 'organisationMissing'
          ? { organisationId: 'validation.choose' }
          : { email: 'council.informants.exists' }
    return refused(errors, parsed.values)
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

export const handle: SectionHandle<typeof loader> = { heading: 'council.informants.title' }

export default function CouncilMembersPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  return (
    <>
      <p>{t('council.informants.intro')}</p>
      <p>{t('council.members.intro')}</p>
      {actionData?.notice ? (
        <FormMessage kind={actionData.notice.kind}>
          {t(actionData.notice.key, { email: actionData.notice.email ?? '' })}
        </FormMessage>
      ) : null}
      <CouncilMemberTable members={loaded.members} pending={loaded.pending} mayRevoke={loaded.mayManage} />
      {loaded.mayManage ? (
        <>
          <section className="council-section" aria-labelledby="grant-heading">
            <h2 id="grant-heading">{t('council.members.grantHeading')}</h2>
            <p>{t('council.members.grantHint')}</p>
            <Form method="post" noValidate className="stack" key={actionData?.notice ? 'done' : 'grant'}>
              <input type="hidden" name="intent" value="grant" />
              <OptionSelect
                label={t('council.members.person')}
                name="userId"
                options={loaded.candidates}
                placeholder={t('council.members.choosePerson')}
                defaultValue={values.userId ?? ''}
                error={errors.userId}
              />
              <button type="submit" className="button">
                {t('council.members.grant')}
              </button>
            </Form>
          </section>
          <section className="council-section" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t('council.informants.inviteHeading')}</h2>
            <p>{t('council.members.inviteHint')}</p>
            <Form method="post" noValidate className="stack" key={actionData?.notice ? 'sent' : 'form'}>
              <input type="hidden" name="intent" value="invite" />
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
        </>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('council.meta.informants', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
