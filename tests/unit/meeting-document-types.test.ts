import { describe, expect, it } from 'vitest'
import {
  attachmentDisposition,
  checkDocument,
  cleanFilename,
  MAX_DOCUMENT_BYTES,
  sniff,
  zipEntryNames,
} from '../../app/modules/meetings/document-types'
import { opendocument, samples, zip } from '../support/meeting-files'

describe('what a file is, from its bytes', () => {
  it('recognises every allowed kind', () => {
    for (const [kind, bytes] of Object.entries(samples)) expect(sniff(bytes), kind).toBe(kind)
  })

  it('reads the entry names of an archive from its central directory', () => {
    expect(zipEntryNames(samples.docx)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    expect(zipEntryNames(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull()
  })

  it('refuses a ZIP of something else, an OpenDocument of another kind, an executable and a binary blob', () => {
    expect(sniff(zip([{ name: 'virus.exe', content: 'MZ' }]))).toBeNull()
    expect(
      sniff(
        zip([
          { name: '[Content_Types].xml', content: '' },
          { name: 'other/x.xml', content: '' },
        ]),
      ),
    ).toBeNull()
    expect(sniff(opendocument('presentation'))).toBeNull()
    expect(sniff(new Uint8Array(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')))).toBeNull()
    expect(sniff(new Uint8Array([0x00, 0x01, 0x02, 0xff]))).toBeNull()
    expect(sniff(new Uint8Array([0xc3, 0x28]))).toBeNull()
  })
})

describe('an upload is checked by name and content together', () => {
  it('accepts a file whose content matches its extension, with the stored type from the content', () => {
    expect(checkDocument('protokoll.pdf', samples.pdf)).toEqual({
      ok: true,
      kind: 'pdf',
      contentType: 'application/pdf',
    })
    expect(checkDocument('Bild.JPG', samples.jpeg)).toMatchObject({ ok: true, contentType: 'image/jpeg' })
    expect(checkDocument('bild.jpeg', samples.jpeg)).toMatchObject({ ok: true })
    expect(checkDocument('anteckningar.txt', samples.txt)).toMatchObject({
      ok: true,
      contentType: 'text/plain; charset=utf-8',
    })
    expect(checkDocument('plan.docx', samples.docx)).toMatchObject({ ok: true, kind: 'docx' })
    expect(checkDocument('budget.ods', samples.ods)).toMatchObject({ ok: true, kind: 'ods' })
  })

  it('refuses an extension not on the list, however harmless the content', () => {
    expect(checkDocument('sida.html', samples.txt)).toEqual({ ok: false, error: 'extension' })
    expect(checkDocument('program.exe', samples.pdf)).toEqual({ ok: false, error: 'extension' })
    expect(checkDocument('utan-filandelse', samples.pdf)).toEqual({ ok: false, error: 'extension' })
  })

  it('refuses content that does not match the extension', () => {
    expect(checkDocument('protokoll.pdf', samples.png)).toEqual({ ok: false, error: 'content' })
    expect(checkDocument('plan.docx', samples.xlsx)).toEqual({ ok: false, error: 'content' })
    expect(checkDocument('bild.png', samples.txt)).toEqual({ ok: false, error: 'content' })
    expect(checkDocument('script.txt', new Uint8Array([0x4d, 0x5a, 0x00, 0x00]))).toEqual({
      ok: false,
      error: 'content',
    })
  })

  it('refuses an empty file, a missing name and a file over 10 MB', () => {
    expect(checkDocument('tom.txt', new Uint8Array())).toEqual({ ok: false, error: 'empty' })
    expect(checkDocument('  ', samples.pdf)).toEqual({ ok: false, error: 'missing' })
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1)
    big.set(samples.pdf)
    expect(checkDocument('stor.pdf', big)).toEqual({ ok: false, error: 'tooLarge' })
    const exactly = new Uint8Array(MAX_DOCUMENT_BYTES)
    exactly.set(samples.pdf)
    expect(checkDocument('precis.pdf', exactly)).toMatchObject({ ok: true })
  })
})

describe('file names', () => {
  it('are stored without path or control characters, and shortened keeping the extension', () => {
    expect(cleanFilename('C:\\Users\\karin\\protokoll.pdf')).toBe('protokoll.pdf')
    expect(cleanFilename('../../etc/"pass\nwd".txt')).toBe("'passwd'.txt")
    expect(cleanFilename('Protokoll; "utkast".pdf')).toBe("Protokoll; 'utkast'.pdf")
    const long = cleanFilename(`${'å'.repeat(300)}.docx`)
    expect(long).toHaveLength(200)
    expect(long.endsWith('.docx')).toBe(true)
  })

  it('are offered for download as an attachment, in ASCII and in UTF-8', () => {
    expect(attachmentDisposition('Årsmöte (utkast).pdf')).toBe(
      `attachment; filename="Arsmote (utkast).pdf"; filename*=UTF-8''%C3%85rsm%C3%B6te%20%28utkast%29.pdf`,
    )
  })
})
