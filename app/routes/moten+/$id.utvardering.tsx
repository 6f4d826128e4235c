import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { EvaluationSummaryView } from '~/components/meetings/evaluation-summary'
import type { SectionHandle } from '~/components/ui/section-heading'
import { portalOrigin } from '~/config/env.server'
import { formatDateTime } from '~/i18n/format'
import { labelOf, translator, useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { assertPermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { optionalText, versionField } from '~/modules/forms/fields'
import { formValues } from '~/modules/forms/form-values'
import { parseForm } from '~/modules/forms/parse-form'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { badRequest, forbidden, notFound } from '~/modules/http/responses'
import { getMailer } from '~/modules/mail/mailer.server'
import {
  evaluationQuestions,
  MAX_COMMENT_LENGTH,
  parseEvaluationAnswer,
  RATING_MAX,
  RATING_MIN,
} from '~/modules/meetings/evaluation'
import {
  evaluationMailText,
  getEvaluationSummary,
  getOwnResponse,
  mailEvaluation,
  saveEvaluationAnswer,
  saveEvaluationNotes,
  shareEvaluation,
} from '~/modules/meetings/evaluation.server'
import { meetingHeading, readableFollowUp, type FollowUpContext } from '~/modules/meetings/follow-up-page.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

const NotesSchema = z.object({ worked: optionalText(5_000), improve: optionalText(5_000), version: versionField })
const ShareSchema = z.object({ version: versionField })
const AnswerVersionSchema = z.coerce.number().int().min(0)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, meeting, manage } = await readableFollowUp(request, params)
  const shared = meeting.evaluationSharedAt !== null
  const mayEvaluate = can(user, 'meeting.evaluate', { organisationIds: meeting.organisationIds })
  const own = mayEvaluate ? await getOwnResponse(db, meeting.id, user.id) : undefined
  const showsResult = manage || shared
  return {
    meeting: meetingHeading(meeting),
    version: String(meeting.version),
    notes: showsResult ? { worked: meeting.evaluationWorked, improve: meeting.evaluationImprove } : null,
    sharedAt: meeting.evaluationSharedAt,
    manage,
    mayEvaluate,
    own: own ? { ratings: own.ratings, comment: own.comment, version: String(own.version) } : null,
    summary: showsResult ? await getEvaluationSummary(db, meeting.id) : null,
  }
}

type FormName = 'answer' | 'notes' | 'share' | 'mail'
interface EvaluationResult {
  form: FormName
  errors: Record<string, string>
  values: Record<string, string>
  notice?: MessageKey
  noticeValues?: Record<string, string | number>
}

const result = (form: FormName, body: Omit<EvaluationResult, 'form'>, status = 200) =>
  data<EvaluationResult>({ form, ...body }, { status })

interface EvaluationAction extends FollowUpContext {
  formData: FormData
  back: string
}

function requireManage({ manage }: EvaluationAction) {
  if (!manage) throw forbidden()
}

async function answer({ user, db, meeting, formData, back }: EvaluationAction) {
  assertPermission(user, 'meeting.evaluate', { organisationIds: meeting.organisationIds })
  const values = formValues(formData)
  const version = AnswerVersionSchema.safeParse(values.version)
  if (!version.success) throw badRequest()
  const parsed = parseEvaluationAnswer(values)
  if (!parsed.ok) return result('answer', { errors: parsed.errors, values }, 400)
  const organisationId =
    user.memberships.map((m) => m.organisationId).find((id) => meeting.organisationIds.includes(id)) ?? null
  const answered = await saveEvaluationAnswer(db, {
    actorId: user.id,
    meetingId: meeting.id,
    organisationId,
    version: version.data,
    ...parsed.data,
  })
  if (answered.ok) throw redirectWithNotice(back, saved('meetingFollowUp.evaluation.answered'))
  if (answered.error === 'closed')
    return result('answer', { errors: {}, values, notice: 'meetingFollowUp.evaluation.closed' }, 409)
  const current = answered.error === 'conflict' ? String(answered.current.version) : values.version!
  return result(
    'answer',
    { errors: {}, values: { ...values, version: current }, notice: 'meetingFollowUp.conflict' },
    409,
  )
}

async function notes(context: EvaluationAction) {
  requireManage(context)
  const { user, db, meeting, formData, back } = context
  const parsed = parseForm(NotesSchema, formData)
  if (!parsed.ok) return result('notes', { errors: parsed.errors, values: parsed.values }, 400)
  const written = await saveEvaluationNotes(db, { actorId: user.id, meetingId: meeting.id, ...parsed.data })
  if (written.ok) throw redirectWithNotice(back, saved('meetingFollowUp.evaluation.notesSaved'))
  if (written.error === 'notFound') throw notFound()
  return result(
    'notes',
    {
      errors: {},
      values: { ...parsed.values, version: String(written.current.version) },
      notice: 'meetingFollowUp.conflict',
    },
    409,
  )
}

async function share(context: EvaluationAction) {
  requireManage(context)
  const { user, db, meeting, formData, back } = context
  const parsed = parseForm(ShareSchema, formData)
  if (!parsed.ok) throw badRequest()
  const shared = await shareEvaluation(db, { actorId: user.id, meetingId: meeting.id, version: parsed.data.version })
  if (shared.ok) throw redirectWithNotice(back, saved('meetingFollowUp.evaluation.shared'))
  if (shared.error === 'notFound') throw notFound()
  return result('share', { errors: {}, values: {}, notice: 'meetingFollowUp.conflict' }, 409)
}

async function mail(context: EvaluationAction) {
  requireManage(context)
  const { user, db, meeting, back } = context
  // Only what the participants may already read goes out by mail.
  if (!meeting.evaluationSharedAt)
    return result('mail', { errors: {}, values: {}, notice: 'meetingFollowUp.evaluation.notShared' }, 409)
  const sv = translator('sv')
  const message = evaluationMailText({
    meeting,
    summary: await getEvaluationSummary(db, meeting.id),
    questionText: (key) => sv(`meetingFollowUp.evaluation.q.${key}`),
    link: `${portalOrigin()}${back}`,
  })
  const outcome = await mailEvaluation(db, getMailer(), { actorId: user.id, meeting, message })
  return outcome.failed.length === 0
    ? result('mail', {
        errors: {},
        values: {},
        notice: 'meetingFollowUp.evaluation.mailed',
        noticeValues: { count: outcome.sent },
      })
    : result('mail', {
        errors: {},
        values: {},
        notice: 'meetingFollowUp.evaluation.mailFailed',
        noticeValues: { count: outcome.sent, failed: outcome.failed.join(', ') },
      })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await readableFollowUp(request, params)
  const formData = await readFormData(request)
  const back = `/moten/${context.meeting.id}/utvardering`
  return dispatchIntent(formData, { answer, notes, share, mail }, { ...context, formData, back })
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('meetingFollowUp.evaluation.title', { title: data.meeting.title }),
}

export default function EvaluationPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const of = (form: FormName) => (actionData?.form === form ? actionData : undefined)
  const answer = of('answer')
  const notes = of('notes')
  const closed = loaded.sharedAt !== null
  const answerVersion = answer?.values.version ?? loaded.own?.version ?? '0'
  const rating = (key: string) => answer?.values[`q.${key}`] ?? String(loaded.own?.ratings[key] ?? '')
  const noticeOf = (form: FormName) => {
    const result = of(form)
    return result?.notice ? (
      <FormMessage
        kind={form === 'mail' && result.notice === 'meetingFollowUp.evaluation.mailed' ? 'success' : 'error'}
      >
        {t(result.notice, result.noticeValues)}
      </FormMessage>
    ) : null
  }

  return (
    <>
      <p>{t('meetingFollowUp.evaluation.intro')}</p>
      {closed ? (
        <p>{t('meetingFollowUp.evaluation.sharedAt', { date: formatDateTime(locale, loaded.sharedAt!) })}</p>
      ) : null}

      {loaded.mayEvaluate ? (
        <section aria-labelledby="questionnaire-heading">
          <h2 id="questionnaire-heading">{t('meetingFollowUp.evaluation.questionnaire')}</h2>
          {noticeOf('answer')}
          {closed ? (
            <p>{t('meetingFollowUp.evaluation.closed')}</p>
          ) : (
            <Form
              method="post"
              className="stack follow-up-form"
              noValidate
              key={`answer-${answerVersion}-${answer?.notice ?? ''}`}
            >
              <p>{t('meetingFollowUp.evaluation.questionnaireIntro')}</p>
              {answer && Object.keys(answer.errors).length > 0 ? (
                <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
              ) : null}
              <input type="hidden" name="version" value={answerVersion} />
              {evaluationQuestions.map((key) => (
                <FieldGroup
                  key={key}
                  legend={t(`meetingFollowUp.evaluation.q.${key}`)}
                  className="rating-group"
                  error={answer?.errors[key]}
                >
                  <div className="rating-options">
                    {Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, index) => String(RATING_MIN + index)).map(
                      (value) => (
                        <label key={value}>
                          <input type="radio" name={`q.${key}`} value={value} defaultChecked={rating(key) === value} />
                          {labelOf(t, 'meetingFollowUp.evaluation.rating', value)}
                        </label>
                      ),
                    )}
                  </div>
                </FieldGroup>
              ))}
              <Field
                label={t('meetingFollowUp.evaluation.comment')}
                name="comment"
                hint={t('meetingFollowUp.evaluation.commentHint')}
                error={answer?.errors.comment}
              >
                {(props) => (
                  <textarea
                    {...props}
                    rows={4}
                    maxLength={MAX_COMMENT_LENGTH}
                    defaultValue={answer?.values.comment ?? loaded.own?.comment ?? ''}
                  />
                )}
              </Field>
              <button type="submit" className="button" name="intent" value="answer">
                {loaded.own ? t('meetingFollowUp.evaluation.update') : t('meetingFollowUp.evaluation.send')}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      {loaded.notes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('meetingFollowUp.evaluation.notesHeading')}</h2>
          {loaded.manage ? (
            <>
              {noticeOf('notes')}
              <Form
                method="post"
                className="stack follow-up-form"
                noValidate
                key={`notes-${notes?.values.version ?? loaded.version}-${notes?.notice ?? ''}`}
              >
                <input type="hidden" name="version" value={notes?.values.version ?? loaded.version} />
                <Field label={t('meetingFollowUp.evaluation.worked')} name="worked" error={notes?.errors.worked}>
                  {(props) => (
                    <textarea {...props} rows={5} defaultValue={notes?.values.worked ?? loaded.notes!.worked} />
                  )}
                </Field>
                <Field label={t('meetingFollowUp.evaluation.improve')} name="improve" error={notes?.errors.improve}>
                  {(props) => (
                    <textarea {...props} rows={5} defaultValue={notes?.values.improve ?? loaded.notes!.improve} />
                  )}
                </Field>
                <button type="submit" className="button" name="intent" value="notes">
                  {t('meetingFollowUp.evaluation.saveNotes')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <h3>{t('meetingFollowUp.evaluation.worked')}</h3>
              <p className="prewrap">{loaded.notes.worked || t('meetingFollowUp.evaluation.emptyNote')}</p>
              <h3>{t('meetingFollowUp.evaluation.improve')}</h3>
              <p className="prewrap">{loaded.notes.improve || t('meetingFollowUp.evaluation.emptyNote')}</p>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="result-heading">
        <h2 id="result-heading">{t('meetingFollowUp.evaluation.resultHeading')}</h2>
        {loaded.summary ? (
          <EvaluationSummaryView summary={loaded.summary} />
        ) : (
          <p>{t('meetingFollowUp.evaluation.notShared')}</p>
        )}
      </section>

      {loaded.manage ? (
        <section aria-labelledby="share-heading" className="panel">
          <h2 id="share-heading">{t('meetingFollowUp.evaluation.shareHeading')}</h2>
          {noticeOf('share')}
          {noticeOf('mail')}
          {closed ? (
            <Form method="post" className="stack">
              <p className="field__hint">{t('meetingFollowUp.evaluation.mailHint')}</p>
              <button type="submit" className="button" name="intent" value="mail">
                {t('meetingFollowUp.evaluation.mail')}
              </button>
            </Form>
          ) : (
            <Form method="post" className="stack">
              <p>{t('meetingFollowUp.evaluation.shareHint')}</p>
              <input type="hidden" name="version" value={loaded.version} />
              <button type="submit" className="button" name="intent" value="share">
                {t('meetingFollowUp.evaluation.share')}
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('meetingFollowUp.meta.evaluation', { meeting: data?.meeting.title ?? t('meeting.meta.fallback') }),
  ),
]
