import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { AuditTable } from '~/components/audit/audit-table'
import { Field } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { listUsersWithMemberships } from '~/modules/accounts/users.server'
import { listAuditEntries } from '~/modules/audit/audit.server'
import { requirePermission } from '~/modules/auth/guards.server'
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

/** A Stockholm calendar day as an instant: the day starts at local midnight. */
function stockholmMidnight(day: string): Date {
  const utcGuess = new Date(`${day}T00:00:00Z`)
  const local = new Date(utcGuess.toLocaleString('en-US', { timeZone: 'Europe/Stockholm' }))
  return new Date(utcGuess.getTime() - (local.getTime() - utcGuess.getTime()))
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit.read')
  const params = Object.fromEntries(
    [...new URL(request.url).searchParams.entries()].filter(([, value]) => value !== ''),
  )
  const filter = AuditFilterSchema.parse(params)
  const db = await getDb()
  const to = filter.to ? stockholmMidnight(filter.to) : undefined
  if (to) to.setTime(to.getTime() + 24 * 3_600_000)
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
    entries,
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

export const meta: MetaFunction = () => [{ title: 'Händelselogg – Områdesansvarsportalen' }]
