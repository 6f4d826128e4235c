import { getDocumentProxy, getMeta } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { bullets, createPdf, heading, paragraph, part, table, title } from '../../app/modules/pdf/pdf-document.server'
import { pdfFonts, pdfPages } from '../support/pdf-text'

// Northern, Lule and Southern Sami, Finnish and Swedish letters: the portal's
// organisations, places and people are written with all of them.
const letters = 'Á á Č č Đ đ Ŋ ŋ Š š Ŧ ŧ Ž ž Ï ï Å å Ä ä Ö ö Æ æ Ø ø'

async function render(draw: (doc: ReturnType<typeof createPdf>['doc']) => void, title = 'Prov') {
  const { doc, done } = createPdf({ Title: title })
  draw(doc)
  doc.end()
  return done
}

describe('the portal’s PDFs', () => {
  it('draw Swedish, Finnish and Sami letters in headings, text, lists and tables, and read back as written', async () => {
    const bytes = await render((doc) => {
      heading(doc, `Čuonjávvi ${letters}`, 16)
      paragraph(doc, `Stycke: ${letters}`)
      paragraph(doc, `Fetstil: ${letters}`, { bold: true })
      paragraph(doc, 'Äänekoski, Jyväskylä, Hämeenlinna – Giron suohkan, Jåhkåmåhkke, Ŋuorttanjárga', {
        muted: true,
      })
      bullets(doc, [`Punkt: ${letters}`])
      table(doc, ['Namn', 'Ort'], [['Sámediggi', `Kárášjohka ${letters}`]])
    })
    const [page] = await pdfPages(bytes)
    expect(page).toContain(`Čuonjávvi ${letters}`)
    expect(page).toContain(`Stycke: ${letters}`)
    expect(page).toContain(`Fetstil: ${letters}`)
    expect(page).toContain('Äänekoski, Jyväskylä, Hämeenlinna – Giron suohkan, Jåhkåmåhkke, Ŋuorttanjárga')
    expect(page).toContain(`Punkt: ${letters}`)
    expect(page).toContain(`Kárášjohka ${letters}`)
    expect(page).not.toContain('?')
  })

  it('carry their fonts inside the file, a regular and a bold face of one family', async () => {
    const bytes = await render((doc) => {
      paragraph(doc, 'Vanlig text')
      paragraph(doc, 'Fet text', { bold: true })
    })
    const fonts = pdfFonts(bytes)
    expect(fonts.length).toBe(2)
    expect(fonts.every((font) => font.embedded)).toBe(true)
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold'])
  })

  it('keep the title of the file as written, and compose letters typed as a base and a combining mark', async () => {
    const bytes = await render((doc) => paragraph(doc, 'Va\u030Arga\u030Arda'), 'Čuonjávvi Ŋ')
    expect((await pdfPages(bytes))[0]).toBe('Vårgårda')
    const meta = await getMeta(await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }))
    expect(meta.info.Title).toBe('Čuonjávvi Ŋ')
  })

  it('draw no empty box for the carriage return of a typed line break, a tab or a control character', async () => {
    const bytes = await render((doc) => paragraph(doc, 'Rad ett\r\nrad\ttvå\u0007\nrad tre'))
    expect((await pdfPages(bytes))[0]).toBe('Rad ett rad två rad tre')
  })

  it('put the first part on the first page under the title block, and each later part on a new page', async () => {
    const bytes = await render((doc) => {
      paragraph(doc, 'Lokalt BRÅ Vårgårda', { bold: true })
      title(doc, 'Lägesbild')
      paragraph(doc, 'Utskriven i dag', { muted: true })
      part(doc, '1. Kartläggning')
      paragraph(doc, 'Tre rapporter.')
      part(doc, '2. Analys')
      paragraph(doc, 'Klottret har ökat.')
    })
    expect(await pdfPages(bytes)).toEqual([
      'Lokalt BRÅ Vårgårda Lägesbild Utskriven i dag 1. Kartläggning Tre rapporter.',
      '2. Analys Klottret har ökat.',
    ])
  })
})
