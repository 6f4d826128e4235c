// Small, valid files of every kind a meeting may have attached, for the upload tests.
import { deflateRawSync } from 'node:zlib'

/** A minimal, valid ZIP archive (stored entries) with the given files in order. */
export function zip(entries: { name: string; content: string; compress?: boolean }[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const raw = Buffer.from(entry.content)
    const data = entry.compress ? deflateRawSync(raw) : raw
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(entry.compress ? 8 : 0, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(entry.compress ? 8 : 0, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

const ooxml = (folder: string) =>
  zip([
    { name: '[Content_Types].xml', content: '<Types/>', compress: true },
    { name: '_rels/.rels', content: '<Relationships/>', compress: true },
    { name: `${folder}/document.xml`, content: '<x/>', compress: true },
  ])
export const opendocument = (type: string) =>
  zip([
    { name: 'mimetype', content: `application/vnd.oasis.opendocument.${type}` },
    { name: 'content.xml', content: '<office:document-content/>', compress: true },
  ])

export const samples = {
  pdf: new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')),
  png: new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
  jpeg: new Uint8Array(Buffer.from('ffd8ffe000104a464946', 'hex')),
  txt: new Uint8Array(Buffer.from('Protokoll från nätverksmötet\r\n\tPunkt 1\n')),
  docx: ooxml('word'),
  xlsx: ooxml('xl'),
  pptx: ooxml('ppt'),
  odt: opendocument('text'),
  ods: opendocument('spreadsheet'),
}
