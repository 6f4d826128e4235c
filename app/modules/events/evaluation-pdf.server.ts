import { formatDateTime } from '~/i18n/format'
import { labelOf, type Locale, type Translate } from '~/i18n/i18n'
import type { EventKind } from '~/db/enums'
import {
  createPdf,
  heading,
  numberPages,
  paragraph,
  part,
  table,
  title as docTitle,
} from '~/modules/pdf/pdf-document.server'
import { eventEvaluationQuestions } from './evaluation-form'

// The evaluation report as a PDF (section 2.3: "dokumenteras och delges
// berörda aktörer"): the event, its timeline, each organisation's answers,
// the findings and the summary. An exercise says ÖVNING on top and in the
// page footer, as on every page of it.

export interface EvaluationReport {
  event: { title: string; kind: EventKind; startedAt: Date; endedAt: Date | null }
  evaluation: { worked: string; improve: string; sharedAt: Date | null }
  timeline: { at: Date; kind: string; text: string; organisationName: string | null }[]
  responses: {
    organisationName: string
    ratings: Record<string, number>
    worked: string
    didNotWork: string
    change: string
  }[]
  findings: { organisationName: string; text: string; measureTitle: string | null }[]
}

export function renderEvaluationPdf(report: EvaluationReport, t: Translate, locale: Locale): Promise<Buffer> {
  const exercise = report.event.kind === 'exercise'
  const mark = exercise ? `${t('event.exercise')} – ` : ''
  const title = `${mark}${t('eventEvaluation.pdf.title', { title: report.event.title })}`
  const { doc, done } = createPdf({ Title: title })

  if (exercise) paragraph(doc, t('event.exercise'), { bold: true })
  docTitle(doc, title)
  paragraph(doc, t(`event.kind.${report.event.kind}`))
  paragraph(
    doc,
    t('eventEvaluation.pdf.period', {
      from: formatDateTime(locale, report.event.startedAt),
      to: report.event.endedAt ? formatDateTime(locale, report.event.endedAt) : '–',
    }),
  )
  paragraph(
    doc,
    report.evaluation.sharedAt
      ? t('eventEvaluation.sharedAt', { time: formatDateTime(locale, report.evaluation.sharedAt) })
      : t('eventEvaluation.notShared'),
    { muted: true },
  )

  heading(doc, t('eventEvaluation.summary.heading'), 14)
  heading(doc, t('eventEvaluation.summary.worked'), 11)
  paragraph(doc, report.evaluation.worked || '–')
  heading(doc, t('eventEvaluation.summary.improve'), 11)
  paragraph(doc, report.evaluation.improve || '–')

  part(doc, t('eventEvaluation.timeline.heading'))
  if (report.timeline.length === 0) paragraph(doc, t('eventEvaluation.timeline.none'))
  else
    table(
      doc,
      [t('eventEvaluation.timeline.time'), t('eventEvaluation.timeline.kind'), t('eventEvaluation.timeline.what')],
      report.timeline.map((item) => [
        formatDateTime(locale, item.at),
        labelOf(t, 'event.logKind', item.kind),
        item.organisationName ? `${item.text} (${item.organisationName})` : item.text,
      ]),
      [100, 90, 305],
    )

  part(doc, t('eventEvaluation.responses.heading'))
  if (report.responses.length === 0) paragraph(doc, t('eventEvaluation.responses.none'))
  for (const response of report.responses) {
    heading(doc, response.organisationName, 12)
    table(
      doc,
      [t('eventEvaluation.pdf.statement'), t('eventEvaluation.pdf.rating')],
      eventEvaluationQuestions.map((key) => [t(`eventEvaluation.q.${key}`), String(response.ratings[key] ?? '–')]),
      [395, 100],
    )
    for (const key of ['worked', 'didNotWork', 'change'] as const) {
      paragraph(doc, t(`eventEvaluation.answer.${key}`), { bold: true })
      paragraph(doc, response[key] || '–')
    }
  }

  heading(doc, t('eventEvaluation.findings.heading'), 16)
  if (report.findings.length === 0) paragraph(doc, t('eventEvaluation.findings.none'))
  else
    table(
      doc,
      [
        t('eventEvaluation.findings.organisation'),
        t('eventEvaluation.findings.text'),
        t('eventEvaluation.pdf.measure'),
      ],
      report.findings.map((finding) => [finding.organisationName, finding.text, finding.measureTitle ?? '–']),
      [130, 245, 120],
    )

  numberPages(doc, exercise ? `${t('event.exercise')} · ${report.event.title}` : report.event.title)
  doc.end()
  return done
}
