import ICAL from 'ical.js'

export interface ParsedCard {
  version: string
  uid: string
  fn: string
  org: string[]
  tels: { value: string; types: string[]; label: string | null }[]
  emails: { value: string; types: string[]; label: string | null }[]
  note: string
  adr: string[] | null
  url: string | null
}

// ical.js reads text the RFC 6350 way, where ';' is escaped only inside structured
// values (N, ORG, ADR); vCard 3.0 (RFC 2426) escapes every ';' in text, so '\;' is
// finished here. A property ical.js does not know (X-ABLabel) comes back raw and
// gets the whole of RFC 2426's unescaping.
const finishText = (value: string) => value.replace(/\\;/g, ';')
const unescapeRaw = (value: string) => value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char))

function types(property: ICAL.Property): string[] {
  const type = property.getParameter('type') as string | string[] | undefined
  return (Array.isArray(type) ? type : type ? [type] : []).flatMap((value) => value.split(',')).map((value) => value.toLowerCase())
}

/** The cards of a .vcf file, read with ical.js (a vCard 3.0 and 4.0 parser), as plain values. */
export function parseVcards(text: string): ParsedCard[] {
  const parsed = ICAL.parse(text) as unknown
  // One card parses to a component, several to a list of them.
  const list = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[]
  return list.map((jcard) => {
    const card = new ICAL.Component(jcard as never)
    const labels = new Map<string, string>()
    for (const property of card.getAllProperties('x-ablabel')) {
      labels.set(String(property.getParameter('group')), unescapeRaw(String(property.getFirstValue())))
    }
    const withLabel = (property: ICAL.Property) => ({
      value: String(property.getFirstValue()),
      types: types(property),
      label: labels.get(String(property.getParameter('group'))) ?? null,
    })
    const adr = card.getFirstProperty('adr')
    return {
      version: String(card.getFirstPropertyValue('version')),
      uid: String(card.getFirstPropertyValue('uid')),
      fn: finishText(String(card.getFirstPropertyValue('fn'))),
      org: (card.getFirstProperty('org')?.getValues() ?? []).flat().map(String),
      tels: card.getAllProperties('tel').map(withLabel),
      emails: card.getAllProperties('email').map(withLabel),
      note: finishText(String(card.getFirstPropertyValue('note') ?? '')),
      adr: adr ? (adr.getFirstValue() as string[]).map(String) : null,
      url: card.getFirstProperty('url') ? String(card.getFirstPropertyValue('url')) : null,
    }
  })
}
