import { formatDate, formatNumber } from '~/i18n/format'
import { labelOf, type Locale, type Translate } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import {
  bullets,
  CONTENT_WIDTH,
  createPdf,
  heading,
  numberPages,
  paragraph,
  part as beginPart,
  table,
  title,
} from '~/modules/pdf/pdf-document.server'
import { isOverdue } from './action-plan'
import { matrixGrid, type Spread } from './compile'
import { reportParts, type ReportPart } from './report'
import type { ReportData } from './report.server'

// The seven-part report as a PDF, drawn with the portal's shared PDF parts.

const partHeadings: Record<ReportPart, MessageKey> = {
  area: 'rsa.part.area',
  process: 'rsa.part.process',
  services: 'rsa.part.services',
  dependencies: 'rsa.part.dependencies',
  risks: 'rsa.part.risks',
  vulnerabilities: 'rsa.part.vulnerabilities',
  measures: 'rsa.part.measures',
}

/**
 * The report as PDF bytes: the title block and what is still missing, then
 * the seven parts, part 1 on the first page and each later part from a new page.
 */
export function renderReportPdf(report: ReportData, t: Translate, locale: Locale, now = new Date()): Promise<Buffer> {
  const { doc, done } = createPdf({
    Title: t('rsa.report.title', { title: report.analysis.title }),
    Author: report.owner.name,
  })

  const { analysis, compiled, registry } = report
  const narrative = analysis.narrative as Record<string, string | undefined>
  const number = (value: number) => formatNumber(locale, value)
  const step = (labels: { label: string }[], value: number) =>
    t('rsa.stepOption', { step: value, label: labels[value - 1]?.label ?? '' })
  const spread = (value: Spread | null) =>
    value
      ? value.min === value.max
        ? t('rsa.matrix.single', { median: number(value.median), count: value.count })
        : t('rsa.matrix.spread', { median: number(value.median), min: value.min, max: value.max, count: value.count })
      : t('rsa.matrix.unknown')

  // The title block.
  paragraph(doc, report.owner.name, { bold: true })
  title(doc, t('rsa.report.title', { title: analysis.title }))
  paragraph(doc, t('rsa.periodValue', { start: analysis.periodStart, end: analysis.periodEnd }))
  paragraph(doc, t('rsa.report.deadline', { date: formatDate(locale, report.deadline) }), { bold: true })
  paragraph(doc, t('rsa.report.printed', { date: formatDate(locale, now) }), { muted: true })
  heading(doc, t('rsa.missing.title'), 13)
  const missing = [
    ...report.missing.organisations.map((organisation) =>
      t('rsa.missing.organisation', {
        name: organisation.name,
        done: organisation.submitted,
        total: compiled.events.length,
      }),
    ),
    ...report.missing.narrativeParts.map((part) =>
      t('rsa.missing.narrative', { part: `${reportParts.indexOf(part) + 1}. ${t(partHeadings[part])}` }),
    ),
    ...report.missing.eventsWithoutRisk.map((title) => t('rsa.missing.event', { title })),
  ]
  if (missing.length === 0) paragraph(doc, t('rsa.missing.nothing'))
  else bullets(doc, missing)

  const part = (key: ReportPart, body: () => void) => {
    beginPart(doc, `${reportParts.indexOf(key) + 1}. ${t(partHeadings[key])}`)
    const text = narrative[key]?.trim()
    paragraph(doc, text || t('rsa.report.noNarrative'), { muted: !text })
    body()
  }

  part('area', () => {
    heading(doc, t('rsa.report.network'), 12)
    if (report.owner.description) paragraph(doc, report.owner.description)
    bullets(
      doc,
      compiled.participants.map((organisation) => organisation.name),
    )
  })

  part('process', () => {
    heading(doc, t('rsa.report.method'), 12)
    paragraph(
      doc,
      t('rsa.report.methodText', {
        likelihood: analysis.likelihoodScale.length,
        consequence: analysis.consequenceScale.length,
        capability: analysis.capabilityScale.length,
        values: analysis.protectedValues.map((value) => value.label.toLowerCase()).join('; '),
        events: compiled.events.length,
      }),
    )
    heading(doc, t('rsa.report.workshops'), 12)
    if (report.workshops.length === 0) paragraph(doc, t('rsa.report.noWorkshops'))
    else
      bullets(
        doc,
        report.workshops.map(
          (workshop) =>
            `${formatDate(locale, workshop.startsAt)}: ${workshop.title}${workshop.place ? `, ${workshop.place}` : ''}`,
        ),
      )
    const submitted = new Map(compiled.progress.map((row) => [row.organisationId, row.submitted]))
    table(
      doc,
      [t('rsa.organisation'), t('rsa.progress.done')],
      compiled.participants.map((organisation) => [
        organisation.name,
        t('rsa.progress.count', { done: submitted.get(organisation.id) ?? 0, total: compiled.events.length }),
      ]),
      [CONTENT_WIDTH * 0.7, CONTENT_WIDTH * 0.3],
    )
  })

  const capped = (shown: number, total: number) => {
    if (shown < total) paragraph(doc, t('rsa.report.capped', { shown, total }), { bold: true })
  }

  part('services', () => {
    heading(doc, t('rsa.report.servicesBySector', { count: registry.serviceCount }), 12)
    table(
      doc,
      [t('rsa.report.sector'), t('rsa.report.count')],
      registry.servicesBySector.map((row) => [t(`sector.${row.sector}`), String(row.count)]),
      [CONTENT_WIDTH * 0.7, CONTENT_WIDTH * 0.3],
    )
    capped(registry.services.length, registry.serviceCount)
    if (registry.services.length === 0) paragraph(doc, t('rsa.report.noServices'))
    else
      table(
        doc,
        [t('rsa.report.service'), t('rsa.organisation'), t('rsa.report.sector'), t('rsa.report.outage')],
        registry.services.map((service) => [
          service.name,
          service.organisationName,
          t(`sector.${service.sector}`),
          t('rsa.report.hours', { hours: number(service.acceptableOutageHours) }),
        ]),
      )
  })

  part('dependencies', () => {
    heading(doc, t('rsa.report.dependenciesByResource', { count: registry.dependencyCount }), 12)
    table(
      doc,
      [t('rsa.report.resource'), t('rsa.report.count')],
      registry.dependenciesByResource.map((row) => [
        row.resource === 'service' ? t('rsa.report.otherService') : labelOf(t, 'resource', row.resource),
        String(row.count),
      ]),
      [CONTENT_WIDTH * 0.7, CONTENT_WIDTH * 0.3],
    )
    capped(registry.dependencies.length, registry.dependencyCount)
    if (registry.dependencies.length === 0) paragraph(doc, t('rsa.report.noDependencies'))
    else
      table(
        doc,
        [t('rsa.report.service'), t('rsa.report.dependsOn'), t('rsa.report.copes')],
        registry.dependencies.map((row) => [
          `${row.serviceName} (${row.organisationName})`,
          row.resource
            ? t(`resource.${row.resource}`)
            : `${row.otherServiceName ?? ''} (${row.otherOrganisationName ?? ''})`,
          `${t('rsa.report.hours', { hours: number(row.copesHours) })}${row.backupHours !== null ? ` · ${t('rsa.report.backup', { hours: number(row.backupHours) })}` : ''}`,
        ]),
      )
  })

  part('risks', () => {
    heading(doc, t('rsa.matrix.caption'), 12)
    const grid = matrixGrid(compiled.risks, analysis.likelihoodScale.length, analysis.consequenceScale.length)
    const first = CONTENT_WIDTH * 0.2
    table(
      doc,
      [
        t('rsa.matrix.corner'),
        ...analysis.likelihoodScale.map((_, index) => step(analysis.likelihoodScale, index + 1)),
      ],
      grid.map((row) => [
        step(analysis.consequenceScale, row.consequence),
        ...row.cells.map((cell) =>
          cell.events
            .map(
              (event) =>
                `${event.title} ${t('rsa.matrix.cellSpread', {
                  likelihood: event.likelihood ? `${event.likelihood.min}–${event.likelihood.max}` : '–',
                  consequence: event.consequence ? `${event.consequence.min}–${event.consequence.max}` : '–',
                })}`,
            )
            .join('\n'),
        ),
      ]),
      [first, ...analysis.likelihoodScale.map(() => (CONTENT_WIDTH - first) / analysis.likelihoodScale.length)],
    )
    heading(doc, t('rsa.matrix.listCaption'), 12)
    table(
      doc,
      [t('rsa.event'), t('rsa.likelihood'), t('rsa.consequence'), t('rsa.matrix.cell')],
      compiled.risks.map((risk) => [
        risk.title,
        spread(risk.likelihood),
        spread(risk.consequence),
        risk.cell ? t('rsa.matrix.cellText', risk.cell) : t('rsa.matrix.notPlaced'),
      ]),
    )
  })

  part('vulnerabilities', () => {
    heading(doc, t('rsa.capabilityCaption'), 12)
    table(
      doc,
      [t('rsa.event'), ...compiled.participants.map((organisation) => organisation.name)],
      compiled.capabilities.map((row) => [
        row.title,
        ...row.capabilities.map((value) => (value ? step(analysis.capabilityScale, value) : '–')),
      ]),
    )
    heading(doc, t('rsa.findingsTitle'), 12)
    const found = compiled.findings.filter((finding) => finding.vulnerabilities || finding.gaps)
    if (found.length === 0) paragraph(doc, t('rsa.noFindings'))
    for (const finding of found) {
      paragraph(doc, `${finding.eventTitle} – ${finding.organisationName}`, { bold: true })
      if (finding.vulnerabilities) paragraph(doc, `${t('rsa.answer.vulnerabilities')}: ${finding.vulnerabilities}`)
      if (finding.gaps) paragraph(doc, `${t('rsa.answer.gaps')}: ${finding.gaps}`)
    }
    if (report.themeDayFindings.length > 0) {
      heading(doc, t('rsa.report.themeDays'), 12)
      for (const finding of report.themeDayFindings) {
        paragraph(
          doc,
          `${finding.meetingTitle} (${formatDate(locale, finding.meetingStartsAt)}) – ${finding.organisationName}`,
          {
            bold: true,
          },
        )
        if (finding.effects) paragraph(doc, `${t('rsa.report.themeDayEffects')}: ${finding.effects}`)
        if (finding.needs) paragraph(doc, `${t('rsa.report.themeDayNeeds')}: ${finding.needs}`)
      }
    }
  })

  part('measures', () => {
    heading(doc, t('rsa.report.measuresNamed'), 12)
    const named = compiled.findings.filter((finding) => finding.measures)
    if (named.length === 0) paragraph(doc, t('rsa.noMeasuresNamed'))
    for (const finding of named) {
      paragraph(doc, `${finding.eventTitle} – ${finding.organisationName}`, { bold: true })
      paragraph(doc, finding.measures)
    }
    heading(doc, t('rsa.report.actionPlan'), 12)
    const today = now.toISOString().slice(0, 10)
    if (report.measures.length === 0) paragraph(doc, t('rsa.plan.none'))
    else
      table(
        doc,
        [t('rsa.plan.measure'), t('rsa.plan.owner'), t('rsa.plan.due'), t('rsa.plan.cost'), t('rsa.plan.state')],
        report.measures.map((measure) => [
          measure.title,
          measure.ownerName,
          `${measure.dueDate ? formatDate(locale, measure.dueDate) : '–'}${isOverdue(measure, today) ? ` (${t('rsa.plan.overdue')})` : ''}`,
          measure.costEstimate !== null ? `${number(measure.costEstimate)} kr` : '–',
          t(`rsa.measureState.${measure.state}`),
        ]),
      )
  })

  numberPages(doc, analysis.title)
  doc.end()
  return done
}
