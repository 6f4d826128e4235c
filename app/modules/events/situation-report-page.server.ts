import { data, redirect } from '@remix-run/node'
import type { MessageKey } from '~/i18n/sv'
import { readFormData } from '~/modules/http/form-data.server'
import { badRequest, forbidden, notFound } from '~/modules/http/responses'
import { canOnEvent } from './event-access.server'
import { eventHeading, type EventPageContext } from './event-page.server'
import { isFrozen } from './event-writers.server'
import { draftFormValues, parseDraftForm, type DraftFormErrors, type DraftFormValues } from './situation-report-form'
import { renderSituationReportPdf } from './situation-report-pdf.server'
import { situationReportText } from './situation-report-text'
import {
  freezeReport,
  getOrCreateDraft,
  getReport,
  listReports,
  mailRecipients,
  mailReport,
  refreshDraftFromEvent,
  saveDraft,
} from './situation-reports.server'

// The situation report pages: the list with the leaders' draft, one frozen
// report, and its PDF and plain text. Drafts are for those who lead the event
// (event.manage); frozen reports for everyone who reads it.

const leads = ({ user, event }: EventPageContext) => canOnEvent(user, 'event.manage', event)

export async function loadSituationReportsPage(context: EventPageContext) {
  const { db, event } = context
  const reports = await listReports(db, event.id)
  const draft = leads(context) && !isFrozen(event) ? await getOrCreateDraft(db, event) : null
  return {
    event: eventHeading(event),
    reports,
    draft: draft
      ? { values: draftFormValues(draft.content), version: draft.version, nextNumber: draft.nextNumber }
      : null,
  }
}

export interface DraftActionResult {
  notice: MessageKey
  kind: 'success' | 'error'
  values?: DraftFormValues
  errors?: DraftFormErrors
  version?: number
  number?: number
}

export async function runDraftAction(context: EventPageContext, request: Request) {
  const { db, user, event } = context
  if (!leads(context)) throw forbidden()
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const version = Number(formData.get('version'))
  if (!Number.isInteger(version)) throw badRequest()
  if (isFrozen(event))
    return data<DraftActionResult>({ notice: 'situationReport.ended', kind: 'error' }, { status: 409 })
  const conflict = async (current?: { content: Parameters<typeof draftFormValues>[0]; version: number }) => {
    const latest = current ?? (await getOrCreateDraft(db, event))
    return data<DraftActionResult>(
      {
        notice: 'situationReport.conflict',
        kind: 'error',
        values: draftFormValues(latest.content),
        version: latest.version,
      },
      { status: 409 },
    )
  }
  if (intent === 'refresh') {
    const result = await refreshDraftFromEvent(db, { event, actor: user, expectedVersion: version })
    if (!result.ok) return result.reason === 'conflict' ? conflict(result.current) : conflict()
    return data<DraftActionResult>({
      notice: 'situationReport.refreshed',
      kind: 'success',
      values: draftFormValues(result.draft.content),
      version: result.draft.version,
    })
  }
  if (intent !== 'save' && intent !== 'freeze') throw badRequest()
  const parsed = parseDraftForm(formData)
  if (!parsed.ok)
    return data<DraftActionResult>(
      { notice: 'validation.formInvalid', kind: 'error', values: parsed.values, errors: parsed.errors, version },
      { status: 400 },
    )
  const saved = await saveDraft(db, { event, actor: user, expectedVersion: version, content: parsed.content })
  if (!saved.ok) return saved.reason === 'conflict' ? conflict(saved.current) : conflict()
  if (intent === 'save')
    return data<DraftActionResult>({
      notice: 'situationReport.saved',
      kind: 'success',
      values: draftFormValues(saved.draft.content),
      version: saved.draft.version,
    })
  const frozen = await freezeReport(db, { event, actor: user, expectedVersion: saved.draft.version })
  if (!frozen.ok) return conflict()
  return redirect(`/handelser/${event.id}/lagesrapporter/${frozen.number}`)
}

export function reportNumber(value: string | undefined): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1 || number > 100_000) throw notFound()
  return number
}

async function requireReport(context: EventPageContext, number: string | undefined) {
  const report = await getReport(context.db, context.event.id, reportNumber(number))
  if (!report) throw notFound()
  return report
}

export async function loadReportPage(context: EventPageContext, number: string | undefined) {
  const report = await requireReport(context, number)
  const mayMail = leads(context) && !isFrozen(context.event)
  return {
    event: eventHeading(context.event),
    report,
    mail: mayMail ? { recipients: await mailRecipients(context.db, context.event.id) } : null,
  }
}

export interface MailActionResult {
  notice: MessageKey
  kind: 'success' | 'error'
  vars?: Record<string, number>
}

export async function runReportAction(context: EventPageContext, request: Request, number: string | undefined) {
  if (!leads(context)) throw forbidden()
  await readFormData(request)
  const result = await mailReport(context.db, {
    event: context.event,
    actor: context.user,
    number: reportNumber(number),
  })
  if (!result) throw notFound()
  if (!result.ok)
    return data<MailActionResult>(
      { notice: result.reason === 'ended' ? 'situationReport.ended' : 'situationReport.noRecipients', kind: 'error' },
      { status: 409 },
    )
  return data<MailActionResult>({
    notice: result.failed > 0 ? 'situationReport.mailFailed' : 'situationReport.mailed',
    kind: result.failed > 0 ? 'error' : 'success',
    vars: { count: result.recipients, failed: result.failed },
  })
}

function documentOf(context: EventPageContext, report: Awaited<ReturnType<typeof requireReport>>) {
  return {
    number: report.number,
    title: context.event.title,
    exercise: context.event.kind === 'exercise',
    content: report.content,
    frozenAt: report.frozenAt,
  }
}

export async function reportTextResponse(context: EventPageContext, number: string | undefined) {
  const report = await requireReport(context, number)
  return new Response(situationReportText(documentOf(context, report)), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `inline; filename="lagesrapport-${report.number}.txt"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

export async function reportPdfResponse(context: EventPageContext, number: string | undefined) {
  const report = await requireReport(context, number)
  const pdf = await renderSituationReportPdf(documentOf(context, report))
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="lagesrapport-${report.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
