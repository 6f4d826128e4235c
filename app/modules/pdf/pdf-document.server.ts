import PDFDocument from 'pdfkit'
import { embedFonts, FONT } from './fonts.server'

// The parts every PDF of the portal is drawn with (the RSA report, the
// council's situation picture). Every document is made by `createPdf`, which
// embeds the portal's font (fonts.server.ts), and drawn with these parts.

export const MARGIN = 50
export const A4 = { width: 595.28, height: 841.89 }
export const CONTENT_WIDTH = A4.width - 2 * MARGIN

/** Text as the font draws it: letters typed as a base and a combining mark composed, control characters left out. */
export function pdfText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
}

export type Doc = PDFKit.PDFDocument

/** The document's title, in large bold type. */
export function title(doc: Doc, text: string) {
  doc.font(FONT.bold).fontSize(20).text(pdfText(text), MARGIN, doc.y, { width: CONTENT_WIDTH })
  doc.moveDown(0.5).font(FONT.regular).fontSize(10)
}

const partsBegun = new WeakSet<Doc>()

/**
 * Begins one of the document's main parts under its heading. The first part
 * shares the first page with the title block, so that page carries content;
 * each later part starts on a new page.
 */
export function part(doc: Doc, text: string) {
  if (partsBegun.has(doc)) doc.addPage()
  partsBegun.add(doc)
  heading(doc, text, 16)
}

export function heading(doc: Doc, text: string, size: number) {
  if (doc.y > A4.height - MARGIN - 80) doc.addPage()
  doc.moveDown(0.6).font(FONT.bold).fontSize(size).text(pdfText(text), MARGIN, doc.y, { width: CONTENT_WIDTH })
  doc.moveDown(0.3).font(FONT.regular).fontSize(10)
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean; bold?: boolean } = {}) {
  doc
    .font(options.bold ? FONT.bold : FONT.regular)
    .fontSize(10)
    .fillColor(options.muted ? '#4a5360' : '#000000')
    .text(pdfText(text), MARGIN, doc.y, { width: CONTENT_WIDTH })
    .fillColor('#000000')
    .moveDown(0.4)
}

export function bullets(doc: Doc, items: string[]) {
  for (const item of items)
    doc
      .font(FONT.regular)
      .fontSize(10)
      .text(pdfText(`•  ${item}`), MARGIN + 8, doc.y, { width: CONTENT_WIDTH - 8 })
  doc.moveDown(0.4)
}

/** A table that breaks between rows, never inside one, and repeats its header on each new page. */
export function table(doc: Doc, headers: string[], rows: string[][], widths?: number[]) {
  const size = headers.length > 4 ? 8 : 9
  const columnWidths = widths ?? headers.map(() => CONTENT_WIDTH / headers.length)
  const pad = 3
  const fontOf = (bold: boolean, index: number) => (bold || index === 0 ? FONT.bold : FONT.regular)
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((cell, index) =>
        doc
          .font(fontOf(bold, index))
          .fontSize(size)
          .heightOfString(pdfText(cell), { width: columnWidths[index]! - 2 * pad }),
      ),
    ) +
    2 * pad
  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    const height = heightOf(cells, bold)
    const top = doc.y
    let x = MARGIN
    cells.forEach((cell, index) => {
      const width = columnWidths[index]!
      if (shade) doc.rect(x, top, width, height).fill('#f3f5f7').fillColor('#000000')
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor('#9aa3ad').stroke()
      doc
        .font(fontOf(bold, index))
        .fontSize(size)
        .text(pdfText(cell), x + pad, top + pad, { width: width - 2 * pad })
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

/** Puts "label · n / total" at the foot of every page; call once every page exists, before `end()`. */
export function numberPages(doc: Doc, label: string) {
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    // Text in the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor('#4a5360')
      .text(pdfText(`${label} · ${index + 1} / ${range.count}`), MARGIN, A4.height - MARGIN + 15, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      })
      .fillColor('#000000')
    doc.page.margins.bottom = bottom
  }
}

/** A new A4 document, drawing with the portal's embedded font, and the promise of its bytes once `end()` is called. */
export function createPdf(info: { Title: string; Author?: string }): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: pdfText(info.Title), ...(info.Author === undefined ? {} : { Author: pdfText(info.Author) }) },
  })
  embedFonts(doc)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, done }
}
