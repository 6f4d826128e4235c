import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ReportStateBadge } from '~/components/council/report-state'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatDateTime, formatPosition } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef, precisePositionsFor } from '~/modules/council/council-sections'
import { coarsen } from '~/modules/council/geometry'
import { ReviewSchema, reviewKinds } from '~/modules/council/review-form'
import {
  allCategories,
  getReport,
  mergeCandidates,
  reportDate,
  reporterName,
  reviewReport,
} from '~/modules/council/reports.server'
import { parseForm } from '~/modules/forms/parse-form'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import { readFormData } from '~/modules/http/form-data.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const report = await getReport(db, { councilId: council.id, id: requireUuid(params.reportId), readerId: user.id })
  if (!report) throw notFound()
  const precise = precisePositionsFor(user, council)
  const position =
    report.lat !== null && report.lng !== null
      ? precise
        ? { lat: report.lat, lng: report.lng }
        : coarsen({ lat: report.lat, lng: report.lng }, council.coarsenMetres)
      : null
  const [categories, candidates, reporter, mergedInto] = await Promise.all([
    allCategories(db, council.id),
    mergeCandidates(db, { ...report, councilId: council.id }),
    reporterName(db, report.reporterId),
    report.mergedIntoId ? reportDate(db, council.id, report.mergedIntoId) : null,
  ])
  return {
    council: councilRef(council),
    coarsenedTo: precise || council.coarsenMetres === 0 ? null : council.coarsenMetres,
    report: {
      id: report.id,
      observedAt: report.observedAt.toISOString(),
      createdAt: report.createdAt.toISOString(),
      categoryId: report.categoryId,
      categoryName: report.categoryName,
      areaName: report.areaName,
      organisationName: report.organisationName,
      reporter,
      description: report.description,
      state: report.state,
      rejectionReason: report.rejectionReason,
      feedback: report.feedback,
      mergedInto: mergedInto ? { id: report.mergedIntoId!, observedAt: mergedInto.toISOString() } : null,
      version: String(report.version),
      position,
    },
    categories: categories.filter((category) => category.active || category.id === report.categoryId),
    candidates: candidates.map((candidate) => ({
      id: candidate.id,
      observedAt: candidate.observedAt.toISOString(),
      categoryName: candidate.categoryName,
      areaName: candidate.areaName,
      state: candidate.state,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.manage')
  const id = requireUuid(params.reportId)
  const parsed = parseForm(ReviewSchema, await readFormData(request))
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, conflict: false }, { status: 400 })
  const reviewed = await reviewReport(db, { councilId: council.id, id, actorId: user.id, ...parsed.data })
  if (reviewed.ok) throw redirectWithNotice(`/trygghet/${council.id}/rapporter/${id}`, saved('council.review.saved'))
  if (reviewed.error === 'notFound') throw notFound()
  if (reviewed.error === 'invalid') {
    return data(
      { errors: { [reviewed.field]: reviewed.message }, values: parsed.values, conflict: false },
      { status: 400 },
    )
  }
  return data(
    { errors: {}, values: { ...parsed.values, version: String(reviewed.current.version) }, conflict: true },
    { status: 409 },
  )
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data, locale) => t('council.review.title', { date: formatDateTime(locale, data.report.observedAt) }),
}

export default function ReviewPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { report } = loaded
  const values: Record<string, string> = actionData?.values ?? {
    decision: report.state === 'new' ? 'accept' : 'feedback',
    categoryId: report.categoryId,
    reason: report.rejectionReason,
    intoId: '',
    feedback: report.feedback,
    version: report.version,
  }
  const errors: Record<string, string> = actionData?.errors ?? {}

  return (
    <>
      <p>
        <Link to={`/trygghet/${loaded.council.id}/inkorg`}>{t('council.review.back')}</Link>
      </p>
      <dl className="details">
        <dt>{t('council.inbox.category')}</dt>
        <dd>{report.categoryName}</dd>
        <dt>{t('council.inbox.area')}</dt>
        <dd>{report.areaName ?? t('council.inbox.noArea')}</dd>
        <dt>{t('council.review.position')}</dt>
        <dd>
          {report.position ? formatPosition(report.position, locale) : t('council.review.noPosition')}
          {report.position && loaded.coarsenedTo ? (
            <> {t('council.review.coarsened', { metres: loaded.coarsenedTo })}</>
          ) : null}
        </dd>
        <dt>{t('council.inbox.organisation')}</dt>
        <dd>
          {report.reporter
            ? t('council.review.reportedBy', { name: report.reporter, organisation: report.organisationName })
            : report.organisationName}
        </dd>
        <dt>{t('council.inbox.description')}</dt>
        <dd>{report.description || '–'}</dd>
        <dt>{t('council.review.history')}</dt>
        <dd>
          <ReportStateBadge state={report.state} />
          {report.state === 'rejected' && report.rejectionReason ? <> {report.rejectionReason}</> : null}
          {report.mergedInto ? (
            <>
              {' '}
              <Link to={`/trygghet/${loaded.council.id}/rapporter/${report.mergedInto.id}`}>
                {t('council.review.mergedInto', { date: formatDateTime(locale, report.mergedInto.observedAt) })}
              </Link>
            </>
          ) : null}
        </dd>
      </dl>

      <section className="council-section" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('council.review.heading')}</h2>
        {actionData?.conflict ? <FormMessage kind="error">{t('council.review.conflict')}</FormMessage> : null}
        {Object.keys(errors).length > 0 ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
        <Form
          method="post"
          noValidate
          className="stack review-form"
          key={`${report.version}-${actionData ? 'a' : 'l'}`}
        >
          <input type="hidden" name="version" value={values.version} />
          <FieldGroup legend={t('council.review.decision')} className="choices" error={errors.decision}>
            {reviewKinds.map((kind) => (
              <label key={kind} className="choice">
                <input type="radio" name="decision" value={kind} defaultChecked={values.decision === kind} />
                <span>{t(decisionLabels[kind])}</span>
              </label>
            ))}
          </FieldGroup>
          <Field
            label={t('council.review.category')}
            name="categoryId"
            hint={t('council.review.categoryHint')}
            error={errors.categoryId}
          >
            {(props) => (
              <select {...props} defaultValue={values.categoryId}>
                {loaded.categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('council.review.reason')} name="reason" error={errors.reason}>
            {(props) => <textarea {...props} rows={2} defaultValue={values.reason} />}
          </Field>
          {loaded.candidates.length === 0 ? (
            <p className="field__hint">{t('council.review.noCandidates')}</p>
          ) : (
            <Field label={t('council.review.mergeInto')} name="intoId" error={errors.intoId}>
              {(props) => (
                <select {...props} defaultValue={values.intoId}>
                  <option value="">{t('council.review.chooseMerge')}</option>
                  {loaded.candidates.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {t('council.review.candidate', {
                        date: formatDateTime(locale, candidate.observedAt),
                        category: candidate.categoryName,
                        area: candidate.areaName ?? t('council.inbox.noArea'),
                        state: t(`council.state.${candidate.state}`).toLowerCase(),
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field
            label={t('council.review.feedback')}
            name="feedback"
            hint={t('council.review.feedbackHint')}
            error={errors.feedback}
          >
            {(props) => <textarea {...props} rows={3} defaultValue={values.feedback} />}
          </Field>
          <button type="submit" className="button">
            {t('council.review.save')}
          </button>
        </Form>
      </section>
    </>
  )
}

const decisionLabels = {
  accept: 'council.review.accept',
  reject: 'council.review.reject',
  merge: 'council.review.merge',
  feedback: 'council.review.feedbackOnly',
} as const

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('council.meta.report', { council: data?.council.name ?? t('council.meta.fallback') })),
]
