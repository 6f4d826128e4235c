import { createPdf, heading, numberPages, paragraph, title } from '~/modules/pdf/pdf-document.server'
import { headingTitles, situationHeadings, stockholmTime, type SituationReportDocument } from './situation-report-text'

/** A frozen situation report on A4, with the portal's embedded font; ÖVNING on top of every page of an exercise. */
export async function renderSituationReportPdf(report: SituationReportDocument): Promise<Buffer> {
  const name = `Lägesrapport ${report.number}: ${report.title}`
  const { doc, done } = createPdf({ Title: report.exercise ? `ÖVNING – ${name}` : name, Author: report.content.sender })
  if (report.exercise) paragraph(doc, 'ÖVNING – ÖVNING – ÖVNING', { bold: true })
  title(doc, report.exercise ? `ÖVNING – ${name}` : name)
  const { content } = report
  paragraph(doc, `Avsändare: ${content.sender}`)
  paragraph(doc, `Lägestidpunkt: ${stockholmTime(content.situationAt)}`)
  paragraph(doc, `Fastställd: ${stockholmTime(report.frozenAt)}`)
  paragraph(doc, `Nästa lägesrapport: ${content.nextReportAt ? stockholmTime(content.nextReportAt) : 'Ej bestämd'}`)
  paragraph(doc, `Kontakt: ${content.contact}`)
  for (const key of situationHeadings) {
    heading(doc, headingTitles[key], 14)
    paragraph(doc, content[key].trim() || '–')
  }
  numberPages(doc, report.exercise ? `ÖVNING – ${name}` : name)
  doc.end()
  return done
}
