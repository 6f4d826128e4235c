import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { can } from '~/modules/auth/permissions'
import { optionalText, uuidField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { badRequest, forbidden, notFound } from '~/modules/http/responses'
import { listFindings, saveFindings } from '~/modules/meetings/findings.server'
import { meetingHeading, readableFollowUp, type FollowUpContext } from '~/modules/meetings/follow-up-page.server'
import { getScenario } from '~/modules/scenarios/scenarios.server'
import { readFormData } from '~/modules/http/form-data.server'

const FindingsSchema = z.object({
  organisationId: uuidField,
  version: z.coerce.number().int().min(0),
  effects: optionalText(5_000),
  needs: optionalText(5_000),
})

/** Findings belong to theme days; the coordinator records every organisation's, an editor their own's. */
async function themeDay(request: Request, params: LoaderFunctionArgs['params']) {
  const context = await readableFollowUp(request, params)
  if (context.meeting.kind !== 'theme_day') throw notFound()
  return context
}

const mayRecord = ({ user, meeting, manage }: FollowUpContext, organisationId: string) =>
  meeting.organisationIds.includes(organisationId) &&
  (manage || can(user, 'meeting.answer', { organisationId, organisationIds: meeting.organisationIds }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await themeDay(request, params)
  const { user, db, meeting, manage } = context
  const own = new Set(user.memberships.map((m) => m.organisationId))
  // Partners see their own organisations' findings; the compiled picture is the coordinator's.
  const rows = (await listFindings(db, meeting.id, meeting.organisationIds)).filter(
    (row) => manage || own.has(row.organisationId),
  )
  const scenario = meeting.scenarioId ? await getScenario(db, meeting.scenarioId) : null
  const scenarioReadable =
    scenario !== null &&
    can(user, 'scenario.read', { organisationId: scenario.organisationId, draft: scenario.state !== 'shared' })
  return {
    meeting: meetingHeading(meeting),
    scenario: scenarioReadable ? { id: scenario.id, name: scenario.name } : null,
    scenarioHidden: scenario !== null && !scenarioReadable,
    findings: rows.map((row) => ({
      ...row,
      version: String(row.version),
      editable: mayRecord(context, row.organisationId),
    })),
  }
}

interface FindingsResult {
  organisationId: string
  errors: Record<string, string>
  values: Record<string, string>
  notice?: MessageKey
  current?: { effects: string; needs: string }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await themeDay(request, params)
  const { user, db, meeting } = context
  const formData = await readFormData(request)
  const parsed = parseForm(FindingsSchema, formData)
  const organisationId = parsed.values.organisationId ?? ''
  if (!parsed.ok && parsed.errors.organisationId) throw badRequest()
  if (!mayRecord(context, organisationId)) throw forbidden()
  if (!parsed.ok && parsed.errors.version) throw badRequest()
  if (!parsed.ok)
    return data<FindingsResult>({ organisationId, errors: parsed.errors, values: parsed.values }, { status: 400 })
  const recorded = await saveFindings(db, { actorId: user.id, meetingId: meeting.id, ...parsed.data })
  if (recorded.ok) {
    const [row] = await listFindings(db, meeting.id, [organisationId])
    const notice = saved('meetingFollowUp.findings.saved', { organisation: row?.organisationName ?? '' })
    throw redirectWithNotice(`/moten/${meeting.id}/lardomar`, notice)
  }
  if (recorded.error === 'notFound') {
    return data<FindingsResult>(
      { organisationId, errors: {}, values: parsed.values, notice: 'meetingFollowUp.conflict' },
      { status: 409 },
    )
  }
  return data<FindingsResult>(
    {
      organisationId,
      errors: {},
      values: { ...parsed.values, version: String(recorded.current.version) },
      notice: 'meetingFollowUp.conflict',
      current: { effects: recorded.current.effects, needs: recorded.current.needs },
    },
    { status: 409 },
  )
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('meetingFollowUp.findings.title', { title: data.meeting.title }),
}

export default function FindingsPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>{t('meetingFollowUp.findings.intro')}</p>
      {loaded.scenario ? (
        <p>
          {t('meetingFollowUp.findings.scenario')}
          <Link to={`/scenarier/${loaded.scenario.id}`}>{loaded.scenario.name}</Link>
        </p>
      ) : loaded.scenarioHidden ? (
        <p>{t('meetingFollowUp.findings.scenarioHidden')}</p>
      ) : null}
      <h2>{t('meetingFollowUp.findings.heading')}</h2>
      {loaded.findings.map((row) => {
        const result = actionData?.organisationId === row.organisationId ? actionData : undefined
        const headingId = `finding-${row.organisationId}`
        return (
          <section key={row.organisationId} aria-labelledby={headingId} className="finding">
            <h3 id={headingId}>{row.organisationName}</h3>
            {row.updatedAt ? (
              <p className="muted">
                {t('meetingFollowUp.findings.updatedAt', { date: formatDateTime(locale, row.updatedAt) })}
              </p>
            ) : null}
            {row.editable ? (
              <>
                {result?.notice ? <FormMessage kind="error">{t(result.notice)}</FormMessage> : null}
                {result && Object.keys(result.errors).length > 0 ? (
                  <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
                ) : null}
                <Form
                  method="post"
                  className="stack"
                  noValidate
                  key={`${row.organisationId}-${result?.values.version ?? row.version}-${result?.notice ?? ''}`}
                >
                  <input type="hidden" name="organisationId" value={row.organisationId} />
                  <input type="hidden" name="version" value={result?.values.version ?? row.version} />
                  <Field
                    label={t('meetingFollowUp.findings.effects')}
                    name="effects"
                    hint={t('meetingFollowUp.findings.effectsHint')}
                    error={result?.errors.effects}
                    current={
                      result?.current && result.current.effects !== result.values.effects
                        ? result.current.effects
                        : undefined
                    }
                  >
                    {(props) => <textarea {...props} rows={4} defaultValue={result?.values.effects ?? row.effects} />}
                  </Field>
                  <Field
                    label={t('meetingFollowUp.findings.needs')}
                    name="needs"
                    hint={t('meetingFollowUp.findings.needsHint')}
                    error={result?.errors.needs}
                    current={
                      result?.current && result.current.needs !== result.values.needs ? result.current.needs : undefined
                    }
                  >
                    {(props) => <textarea {...props} rows={4} defaultValue={result?.values.needs ?? row.needs} />}
                  </Field>
                  <button type="submit" className="button">
                    {t('meetingFollowUp.findings.save', { organisation: row.organisationName })}
                  </button>
                </Form>
              </>
            ) : row.effects || row.needs ? (
              <>
                <h4>{t('meetingFollowUp.findings.effects')}</h4>
                <p className="prewrap">{row.effects || '–'}</p>
                <h4>{t('meetingFollowUp.findings.needs')}</h4>
                <p className="prewrap">{row.needs || '–'}</p>
              </>
            ) : (
              <p>{t('meetingFollowUp.findings.notRecorded')}</p>
            )}
          </section>
        )
      })}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('meetingFollowUp.meta.findings', { meeting: data?.meeting.title ?? t('meeting.meta.fallback') }),
  ),
]
