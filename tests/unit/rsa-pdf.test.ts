import { describe, expect, it } from 'vitest'
import { pdfSafe } from '../../app/modules/pdf/pdf-document.server'

describe('text for the PDF’s built-in fonts', () => {
  it('keeps Swedish letters and the usual punctuation', () => {
    expect(pdfSafe('Åtgärder – sårbarhet “ÅÄÖ” … 150 000 €')).toBe('Åtgärder – sårbarhet “ÅÄÖ” … 150 000 €')
    expect(pdfSafe('rad ett\nrad två')).toBe('rad ett\nrad två')
  })

  it('turns what the fonts cannot draw into a question mark instead of a wrong glyph', () => {
    expect(pdfSafe('≥ 5 ✓ 🔥 Ł')).toBe('? 5 ? ? ?')
    expect(pdfSafe('a\u0308')).toBe('ä')
  })
})
