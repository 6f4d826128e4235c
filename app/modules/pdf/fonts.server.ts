import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

// The one font family of every PDF the portal draws. pdfkit's built-in
// Helvetica covers only Windows-1252, so Sami letters (Č, Đ, Ŋ, Ŧ) came out
// as "?"; and pdfkit cannot fall back from one font file to another per
// glyph, so a single family must cover Swedish, Finnish and Northern, Lule
// and Southern Sami. DejaVu Sans does, and its npm package ships whole
// TrueType files (Bitstream Vera licence: free to embed and redistribute).
// pdfkit embeds only the glyphs a document uses.

const files = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const

export type FontFace = keyof typeof files

/** The names the faces are registered under in every document; draw with these, never a font of pdfkit's own. */
export const FONT: Record<FontFace, string> = { regular: 'portal-regular', bold: 'portal-bold' }

const require = createRequire(import.meta.url)
const bytes = new Map<FontFace, Buffer>()

function fontBytes(face: FontFace): Buffer {
  let loaded = bytes.get(face)
  if (!loaded) {
    loaded = readFileSync(require.resolve(files[face]))
    bytes.set(face, loaded)
  }
  return loaded
}

/** Registers the faces in a new document and makes the regular face its current font. */
export function embedFonts(doc: PDFKit.PDFDocument): void {
  for (const face of Object.keys(files) as FontFace[]) doc.registerFont(FONT[face], fontBytes(face))
  doc.font(FONT.regular)
}
