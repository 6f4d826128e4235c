import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { FormMessage } from '~/components/forms/field'
import { ReminderResult, type ReminderOutcome } from '~/components/staleness/reminder-result'
import { StaleOrganisationTable } from '~/components/staleness/stale-organisation-table'
import { getEnv, portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { translateMessage, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { uuidField } from '~/modules/forms/fields'
import { getMailer } from '~/modules/mail/mailer.server'
import { sendReminders } from '~/modules/staleness/reminders.server'
import { staleBefore } from '~/modules/staleness/staleness'
import { getStalenessPage, STALENESS_PAGE_SIZE } from '~/modules/staleness/staleness.server'
import { readFormData } from '~/modules/http/form-data.server'

const ReminderSchema = z.object({
  organisationIds: z.array(uuidField).min(1, 'staleness.noneSelected').max(20_000),
})

const PageSchema = z.coerce.number().int().min(1).max(100_000).catch(1)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'registry.oversee')
  const months = getEnv().STALE_AFTER_MONTHS
  const page = PageSchema.parse(new URL(request.url).searchParams.get('sida') ?? undefined)
  const stale = await getStalenessPage(await getDb(), { staleBefore: staleBefore(new Date(), months), page })
  return { months, ...stale, pageSize: STALENESS_PAGE_SIZE }
}

type ActionResult = { error: string; result: null } | { error: null; result: ReminderOutcome }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'registry.oversee')
  const formData = await readFormData(request)
  const parsed = ReminderSchema.safeParse({ organisationIds: formData.getAll('organisationId') })
  if (!parsed.success) {
    return data<ActionResult>({ error: parsed.error.issues[0]?.message ?? 'staleness.noneSelected', result: null }, { status: 400 })
  }
  const env = getEnv()
  const result = await sendReminders(await getDb(), getMailer(), {
    actorId: user.id,
    organisationIds: parsed.data.organisationIds,
    origin: portalOrigin(),
    staleBefore: staleBefore(new Date(), env.STALE_AFTER_MONTHS),
    months: env.STALE_AFTER_MONTHS,
  })
  return data<ActionResult>({ error: null, result: { ...result, outbox: !env.SMTP_URL } })
}

export default function StalenessPage() {
  const t = useT()
  const { months, organisations, total, page, pageCount, pageSize } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const sending = useNavigation().state === 'submitting'
  return (
    <div className="page">
      <h1>{t('staleness.title')}</h1>
      <p>{t('staleness.intro', { months })}</p>
      <p>
        <Link to="/admin/import">{t('staleness.importLink')}</Link>
      </p>
      {actionData?.error ? <FormMessage kind="error">{translateMessage(t, actionData.error)}</FormMessage> : null}
      {actionData?.result ? <ReminderResult result={actionData.result} /> : null}
      {total === 0 ? (
        <p>{t('staleness.none')}</p>
      ) : (
        <Form method="post" className="stale-form" aria-busy={sending}>
          <p className="muted">
            {t('staleness.count', { count: total })}{' '}
            {pageCount > 1 ? t('staleness.shown', { from: (page - 1) * pageSize + 1, to: (page - 1) * pageSize + organisations.length, total }) : null}
          </p>
          <p>{t('staleness.remindHint')}</p>
          <StaleOrganisationTable rows={organisations} months={months} />
          <div className="actions">
            <button type="submit" className="button" disabled={sending}>
              {t('staleness.send')}
            </button>
            <span role="status" aria-live="polite">
              {sending ? t('staleness.sending') : ''}
            </span>
          </div>
          <Pager page={page} pageCount={pageCount} />
        </Form>
      )}
    </div>
  )
}

function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  const t = useT()
  if (pageCount <= 1) return null
  return (
    <nav aria-label={t('staleness.pages')} className="actions">
      {page > 1 ? <Link to={`?sida=${page - 1}`}>{t('staleness.previous')}</Link> : null}
      <span>
        {page} / {pageCount}
      </span>
      {page < pageCount ? <Link to={`?sida=${page + 1}`}>{t('staleness.next')}</Link> : null}
    </nav>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'staleness.title')]
