import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { AuditTable } from '~/components/audit/audit-table'
import { Field } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { listAuditEntries } from '~/modules/audit/audit.server'
import { presentAuditEntries } from '~/modules/audit/presentation.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'
import type { PickerSpec } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'

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

/** The filter's pickers, one item each; in this GET form a search is a GET that shows the hits (picker.ts). */
const filterPickers: Record<'organisationId' | 'userId', PickerSpec> = {
  organisationId: { kind: 'organisation', single: true },
  userId: { kind: 'user', single: true },
}

/** A Stockholm calendar day as the instant it starts. */
const stockholmMidnight = (day: string): Date => stockholmToInstant(day, '00:00')!
const dayAfter = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'audit.read')
  const search = new URL(request.url).searchParams
  const params = Object.fromEntries([...search.entries()].filter(([, value]) => value !== ''))
  const filter = AuditFilterSchema.parse(params)
  const db = await getDb()
  // Up to the end of the last day: the next day's Stockholm midnight, 23 or 25 hours away on a change of clocks.
  const to = filter.to ? stockholmMidnight(dayAfter(filter.to)) : undefined
  const [entries, { pickers }] = await Promise.all([
    listAuditEntries(db, {
      organisationId: filter.organisationId,
      userId: filter.userId,
      from: filter.from ? stockholmMidnight(filter.from) : undefined,
      to,
      limit: 500,
    }),
    pickerStates(db, request, filterPickers, search),
  ])
  return { filter, entries: await presentAuditEntries(db, user, entries), pickers }
}

export default function AuditPage() {
  const t = useT()
  const { filter, entries, pickers } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <Form method="get" className="filters" aria-label={t('audit.filter')}>
        <div className="filters__pickers">
          <ItemPicker
            state={pickers.organisationId}
            label={t('field.organisation')}
            single
            noneLabel={t('audit.all')}
          />
          <ItemPicker state={pickers.userId} label={t('field.user')} single noneLabel={t('audit.all')} />
        </div>
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

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'audit.title')]
