import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { AuditTable } from '~/components/audit/audit-table'
import { Field } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { listUsersWithMemberships } from '~/modules/accounts/users.server'
import { listAuditEntries } from '~/modules/audit/audit.server'
import { presentAuditEntries } from '~/modules/audit/presentation.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { listOrganisations } from '~/modules/organisations/organisations.server'

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'validation.date')

const AuditFilterSchema = z.object({
  organisationId: z.string().uuid().optional().catch(undefined),
  userId: z.string().uuid().optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
})

/** A Stockholm calendar day as the instant it starts. */
const stockholmMidnight = (day: string): Date => stockholmToInstant(day, '00:00')!
const dayAfter = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'audit.read')
  const params = Object.fromEntries(
    [...new URL(request.url).searchParams.entries()].filter(([, value]) => value !== ''),
  )
  const filter = AuditFilterSchema.parse(params)
  const db = await getDb()
  // Up to the end of the last day: the next day's Stockholm midnight, 23 or 25 hours away on a change of clocks.
  const to = filter.to ? stockholmMidnight(dayAfter(filter.to)) : undefined
  const [entries, organisations, users] = await Promise.all([
    listAuditEntries(db, {
      organisationId: filter.organisationId,
      userId: filter.userId,
      from: filter.from ? stockholmMidnight(filter.from) : undefined,
      to,
      limit: 500,
    }),
    listOrganisations(db),
    listUsersWithMemberships(db),
  ])
  return {
    filter,
    entries: await presentAuditEntries(db, user, entries),
    organisations: organisations.map(({ id, name }) => ({ id, name })),
    users: users.map(({ id, name }) => ({ id, name })),
  }
}

export default function AuditPage() {
  const t = useT()
  const { filter, entries, organisations, users } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <Form method="get" className="filters" aria-label={t('audit.filter')}>
        <Field label={t('field.organisation')} name="organisationId">
          {(props) => (
            <select {...props} defaultValue={filter.organisationId ?? ''}>
              <option value="">{t('audit.all')}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.user')} name="userId">
          {(props) => (
            <select {...props} defaultValue={filter.userId ?? ''}>
              <option value="">{t('audit.all')}</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.from')} name="from">
          {(props) => <input {...props} type="date" defaultValue={filter.from ?? ''} />}
        </Field>
        <Field label={t('field.to')} name="to">
          {(props) => <input {...props} type="date" defaultValue={filter.to ?? ''} />}
        </Field>
        <button type="submit" className="button">
          {t('audit.filter')}
        </button>
      </Form>
      <AuditTable rows={entries} caption={t('audit.title')} />
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Ändringslogg – Områdesansvarsportalen' }]
