// Reading server-rendered markup the way a screen reader pairs it: a control
// and the texts its aria-describedby names.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The opening tag of the first element that matches `selector`, a tag name and an attribute, e.g. `input[name="lat"]`. */
export function openingTag(html: string, selector: string): string {
  const [, tag, attribute] = /^(\w+)\[(.+)\]$/.exec(selector) ?? []
  if (!tag || !attribute) throw new Error(`unsupported selector ${selector}`)
  const found = new RegExp(`<${tag}\\b[^>]*\\s${escapeRegExp(attribute)}[^>]*>`).exec(html)
  if (!found) throw new Error(`no ${selector} in the markup`)
  return found[0]
}

/** The texts the element's aria-describedby points to, in order; an id that names no element fails. */
export function descriptionsOf(html: string, selector: string): string[] {
  const ids = /\saria-describedby="([^"]*)"/.exec(openingTag(html, selector))?.[1]?.split(' ') ?? []
  return ids.map((id) => {
    const element = new RegExp(`<(\\w+)\\b[^>]*\\sid="${escapeRegExp(id)}"[^>]*>(.*?)</\\1>`, 's').exec(html)
    if (!element) throw new Error(`aria-describedby names #${id}, which is not in the markup`)
    return decode(element[2]!)
  })
}
