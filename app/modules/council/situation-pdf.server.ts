import { formatDate, formatNumber, formatPosition } from '~/i18n/format'
import type { Locale, Translate } from '~/i18n/i18n'
import { bullets, createPdf, heading, numberPages, paragraph, part, table } from '~/modules/pdf/pdf-document.server'
import { compareSnapshots } from './situation-diff'
import type { SituationSnapshot } from './situation-snapshot'
import { assessment, changeText, measureState } from './situation-words'

// A frozen situation picture as a PDF for the council's members and the
// municipality's decision on an action plan: the same four parts as the page,
// the first under the title block on page 1, each later one from a new page.

export function renderSituationPdf(
  version: { number: number; frozenAt: Date; snapshot: SituationSnapshot; previous: SituationSnapshot | null },
  t: Translate,
  locale: Locale,
  now = new Date(),
): Promise<Buffer> {
  const { snapshot: s } = version
  const title = t('situation.version.title', { title: s.title, number: version.number })
  const { doc, done } = createPdf({ Title: title, Author: s.councilName })
  const period = t('situation.period', { from: formatDate(locale, s.periodFrom), to: formatDate(locale, s.periodTo) })

  paragraph(doc, s.councilName, { bold: true })
  heading(doc, title, 18)
  paragraph(doc, period)
  paragraph(doc, t('situation.version.frozen', { date: formatDate(locale, version.frozenAt) }))
  paragraph(doc, t('situation.pdf.printed', { date: formatDate(locale, now) }), { muted: true })

  if (version.previous) {
    heading(doc, t('situation.changes.heading', { number: version.number - 1 }), 12)
    const changes = compareSnapshots(version.previous, s).map((change) => changeText(t, change))
    if (changes.length === 0) paragraph(doc, t('situation.changes.none'))
    else bullets(doc, changes)
  }

  const counts = (rows: SituationSnapshot['byArea'], name: string) =>
    table(
      doc,
      [name, t('councilAreas.weekly.thisPeriod'), t('councilAreas.weekly.previous'), t('councilAreas.weekly.lastYear')],
      rows.map((row) => [
        row.name || t('situation.outside'),
        String(row.count),
        String(row.previous),
        String(row.lastYear),
      ]),
    )

  part(doc, t('situation.part.mapping'))
  paragraph(doc, t('situation.totals', s.totals))
  heading(doc, t('situation.byArea'), 12)
  counts(s.byArea, t('situation.area'))
  heading(doc, t('situation.byCategory'), 12)
  counts(s.byCategory, t('situation.category'))
  heading(doc, t('situation.trend'), 12)
  table(
    doc,
    [t('situation.category'), ...s.trend.months.map((month) => month.slice(2))],
    s.trend.series.map((series) => [series.name, ...series.counts.map(String)]),
  )
  heading(doc, t('situation.hotSpots', { metres: s.hotSpotMetres }), 12)
  if (s.hotSpots.length === 0) paragraph(doc, t('situation.hotSpotsNone'))
  else
    table(
      doc,
      [t('situation.hotSpot.position'), t('situation.hotSpot.count')],
      s.hotSpots.map((spot) => [formatPosition(spot, locale), String(spot.count)]),
    )

  part(doc, t('situation.part.other'))
  paragraph(doc, s.otherInformation || t('situation.noOther'), { muted: !s.otherInformation })
  heading(doc, t('situation.statistics'), 12)
  if (s.statistics.length === 0) paragraph(doc, t('situation.statisticsNone'))
  else
    table(
      doc,
      [
        t('situation.statistics.source'),
        t('situation.statistics.category'),
        t('situation.statistics.area'),
        t('situation.statistics.count'),
      ],
      s.statistics.map((row) => [
        row.source,
        row.category,
        row.area ?? t('situation.wholeMunicipality'),
        String(row.count),
      ]),
    )
  heading(doc, t('situation.survey'), 12)
  if (s.survey.years.length === 0) paragraph(doc, t('situation.surveyNone'))
  for (const question of s.survey.questions) {
    if (question.series.length === 0) continue
    paragraph(doc, t(`councilSources.question.${question.question}`), { bold: true })
    table(
      doc,
      [t('situation.area'), ...s.survey.years.map(String)],
      question.series.map((series) => [
        series.areaName ?? t('situation.wholeMunicipality'),
        ...s.survey.years.map((year) => {
          const point = series.points.find((p) => p.year === year)
          return point ? `${formatNumber(locale, point.share, 3)} %` : '–'
        }),
      ]),
    )
  }

  part(doc, t('situation.part.analysis'))
  paragraph(doc, s.analysis || t('situation.noAnalysis'), { muted: !s.analysis })

  heading(doc, t('situation.part.measures'), 16)
  if (s.measures.length === 0) paragraph(doc, t('situation.measuresNone'))
  else
    table(
      doc,
      [
        t('situation.measure.title'),
        t('situation.measure.place'),
        t('situation.measure.responsible'),
        t('situation.measure.period'),
        t('situation.measure.state'),
        t('situation.measure.assessment'),
      ],
      s.measures.map((measure) => [
        measure.title,
        measure.place || '–',
        measure.responsible,
        `${formatDate(locale, measure.startDate)} – ${formatDate(locale, measure.followUpDate)}`,
        measureState(t, measure.state),
        measure.assessment ? assessment(t, measure.assessment) : '–',
      ]),
    )
  numberPages(doc, title)
  doc.end()
  return done
}
