import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { MeasureFields } from '~/components/council/measure-fields'
import { MeasureTable } from '~/components/council/measure-table'
import { FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/modules/auth/permissions'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import { isFollowUpOverdue, MeasureSchema, type MeasureFilter } from '~/modules/council/measure-form'
import { createMeasure, listMeasures, measureOptions } from '~/modules/council/measures.server'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { saved } from '~/modules/http/flash.server'
import { stockholmToday } from '~/modules/meetings/action-item-state'
import { readFormData } from '~/modules/http/form-data.server'

// The filter in the URL, in Swedish like the path.
const filterParam: Record<MeasureFilter, string | null> = { open: null, all: 'alla' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const filter: MeasureFilter = new URL(request.url).searchParams.get('visa') === 'alla' ? 'all' : 'open'
  const today = stockholmToday()
  const manage = can(user, 'council.manage', councilScope(council))
  const [rows, options] = await Promise.all([
    listMeasures(db, council.id, { state: filter }),
    manage ? measureOptions(db, council) : null,
  ])
  const measures = rows.map((row) => ({
    ...row,
    overdue: isFollowUpOverdue({ ...row, lastFollowedUpOn: row.latestFollowUp?.followedUpOn ?? null }, today),
  }))
  return { council: councilRef(council), filter, measures, options, today, submissionKey: newSubmissionKey() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.manage')
  const formData = await readFormData(request)
  const parsed = parseForm(MeasureSchema, formData)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const outcome = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const created = await createMeasure(tx, { actorId: user.id, council, fields: parsed.data })
    return created.ok
      ? { location: `/trygghet/${council.id}/insatser`, notice: saved('councilMeasures.added') }
      : refuse(created.errors)
  })
  if ('refused' in outcome) return data({ errors: outcome.refused, values: parsed.values }, { status: 400 })
  throw redirectTo(outcome)
}

export const handle: SectionHandle<typeof loader> = { heading: 'councilMeasures.title' }

export default function MeasuresPage() {
  const t = useT()
  const { council, filter, measures, options, submissionKey } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const base = `/trygghet/${council.id}/insatser`
  const overdue = measures.filter((measure) => measure.overdue).length
  return (
    <>
      <p>{t('councilMeasures.intro')}</p>
      <nav className="council-tabs" aria-label={t('councilMeasures.filter')}>
        <ul>
          {(['open', 'all'] as const).map((option) => (
            <li key={option}>
              <Link
                to={filterParam[option] ? `${base}?visa=${filterParam[option]}` : base}
                aria-current={filter === option ? 'page' : undefined}
              >
                {t(`councilMeasures.filter.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t('councilMeasures.count', { count: measures.length, overdue })}</p>
      <MeasureTable councilId={council.id} measures={measures} />
      {options ? (
        <section className="council-section" aria-labelledby="measure-add">
          <h2 id="measure-add">{t('councilMeasures.add')}</h2>
          <Form method="post" className="stack" noValidate key={failed ? 'failed' : measures.length}>
            <SubmissionKeyField value={submissionKey} />
            {failed ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
            <MeasureFields values={failed?.values ?? {}} errors={failed?.errors ?? {}} options={options} />
            <div className="actions">
              <button type="submit" className="button">
                {t('councilMeasures.addSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <p className="muted">{t('councilMeasures.readOnly')}</p>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('councilMeasures.meta.list', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
