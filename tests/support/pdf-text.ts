import { extractText, getDocumentProxy } from 'unpdf'

// Reading a PDF back as a reader's PDF viewer would: the text of each page,
// through the fonts' ToUnicode maps, so a letter drawn as "?" or as an empty
// box does not come back as itself.

/** The text of each page, in order, with runs of white space made single spaces. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  const { text } = await extractText(pdf, { mergePages: false })
  await pdf.destroy()
  return text.map((page) => page.replace(/\s+/g, ' ').trim())
}

/** The PostScript names of the fonts the file draws with, and whether each is embedded. */
export function pdfFonts(bytes: Uint8Array): { name: string; embedded: boolean }[] {
  const source = Buffer.from(bytes).toString('latin1')
  const descriptors = [...source.matchAll(/\/FontName \/([^\s/>]+)[^]*?>>/g)]
  const embedded = new Set(descriptors.filter((match) => /\/FontFile[23]? /.test(match[0])).map((match) => match[1]!))
  const names = new Set([...source.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((match) => match[1]!))
  return [...names].map((name) => ({ name, embedded: embedded.has(name) }))
}
