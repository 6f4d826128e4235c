import PDFDocument from 'pdfkit'
import type { Locale } from '~/i18n/i18n'

// The parts every PDF of the portal is drawn with (the RSA report, the
// council's situation picture): pdfkit's built-in Helvetica, so there are no
// font files to ship or fetch. Those fonts cover Windows-1252 (Swedish and
// the usual punctuation); anything else in user text becomes "?" rather
// than a wrong glyph.

export const MARGIN = 50
export const A4 = { width: 595.28, height: 841.89 }
export const CONTENT_WIDTH = A4.width - 2 * MARGIN
const winAnsiExtras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'

export function pdfSafe(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!
    out +=
      char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.includes(char)
        ? char
        : '?'
  }
  return out
}

export type Doc = PDFKit.PDFDocument

export function heading(doc: Doc, text: string, size: number) {
  if (doc.y > A4.height - MARGIN - 80) doc.addPage()
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(pdfSafe(text), MARGIN, doc.y, { width: CONTENT_WIDTH })
  doc.moveDown(0.3).font('Helvetica').fontSize(10)
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean; bold?: boolean } = {}) {
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(10)
    .fillColor(options.muted ? '#4a5360' : '#000000')
    .text(pdfSafe(text), MARGIN, doc.y, { width: CONTENT_WIDTH })
    .fillColor('#000000')
    .moveDown(0.4)
}

export function bullets(doc: Doc, items: string[]) {
  for (const item of items)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(pdfSafe(`•  ${item}`), MARGIN + 8, doc.y, { width: CONTENT_WIDTH - 8 })
  doc.moveDown(0.4)
}

/** A table that breaks between rows, never inside one, and repeats its header on each new page. */
export function table(doc: Doc, headers: string[], rows: string[][], widths?: number[]) {
  const size = headers.length > 4 ? 8 : 9
  const columnWidths = widths ?? headers.map(() => CONTENT_WIDTH / headers.length)
  const pad = 3
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size)
    return (
      Math.max(
        ...cells.map((cell, index) => doc.heightOfString(pdfSafe(cell), { width: columnWidths[index]! - 2 * pad })),
      ) +
      2 * pad
    )
  }
  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    const height = heightOf(cells, bold)
    const top = doc.y
    let x = MARGIN
    cells.forEach((cell, index) => {
      const width = columnWidths[index]!
      if (shade) doc.rect(x, top, width, height).fill('#f3f5f7').fillColor('#000000')
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor('#9aa3ad').stroke()
      doc
        .font(bold || index === 0 ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(size)
        .text(pdfSafe(cell), x + pad, top + pad, { width: width - 2 * pad })
      x += width
    })
    doc.x = MARGIN
    doc.y = top + height
  }
  const bottom = A4.height - MARGIN
  if (doc.y + heightOf(headers, true) + (rows[0] ? heightOf(rows[0], false) : 0) > bottom) doc.addPage()
  drawRow(headers, true, true)
  for (const row of rows) {
    if (doc.y + heightOf(row, false) > bottom) {
      doc.addPage()
      drawRow(headers, true, true)
    }
    drawRow(row, false, false)
  }
  doc.moveDown(0.8)
}

export function formatDay(locale: Locale, date: string | Date): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(date))
}

/** A new A4 document and the promise of its bytes once `end()` is called. */
export function createPdf(info: { Title: string; Author?: string }): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, done }
}
