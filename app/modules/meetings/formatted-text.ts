/**
 * A small, safe subset of Markdown for minutes: paragraphs, headings (## and
 * ###), bullet and numbered lists, **bold**, *italic* and links to http(s).
 * It parses into a tree that a component renders as React elements; nothing
 * is ever handed to the browser as HTML, so markup in the text stays text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }

export type Block =
  | { type: 'heading'; level: 2 | 3; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }

export const MAX_FORMATTED_TEXT_LENGTH = 50_000

const bullet = /^\s{0,3}[-*]\s+(.*)$/
const numbered = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/
const heading = /^\s{0,3}(#{2,3})\s+(.*?)\s*#*\s*$/

export function parseFormattedText(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: { ordered: boolean; items: string[] } | null = null

  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push({ type: 'paragraph', content: joinLines(paragraph) })
      paragraph = []
    }
    if (list) {
      blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map((item) => parseInline(item)) })
      list = null
    }
  }

  for (const line of lines) {
    if (line.trim() === '') {
      flush()
      continue
    }
    const headingMatch = heading.exec(line)
    if (headingMatch) {
      flush()
      blocks.push({
        type: 'heading',
        level: headingMatch[1]!.length === 2 ? 2 : 3,
        content: parseInline(headingMatch[2]!),
      })
      continue
    }
    const bulletMatch = bullet.exec(line)
    const numberedMatch = bulletMatch ? null : numbered.exec(line)
    const item = bulletMatch ?? numberedMatch
    if (item) {
      const ordered = Boolean(numberedMatch)
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush()
      list ??= { ordered, items: [] }
      list.items.push(item[1]!)
      continue
    }
    if (list) {
      // A line under a list item continues that item.
      list.items[list.items.length - 1] += ` ${line.trim()}`
      continue
    }
    paragraph.push(line.trim())
  }
  flush()
  return blocks
}

/** Lines of one paragraph keep their breaks: minutes are typed line by line. */
function joinLines(lines: string[]): Inline[] {
  return lines.flatMap((line, index) =>
    index === 0 ? parseInline(line) : [{ type: 'break' as const }, ...parseInline(line)],
  )
}

/** Only absolute http and https addresses become links; anything else (javascript:, data:, relative) stays text. */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim()
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) return null
  try {
    const url = new URL(trimmed)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

export function parseInline(text: string, inLink = false): Inline[] {
  const out: Inline[] = []
  let buffer = ''
  const pushText = () => {
    if (buffer) out.push({ type: 'text', text: buffer })
    buffer = ''
  }
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    if (char === '\\' && i + 1 < text.length && /[\\*[\]()#-]/.test(text[i + 1]!)) {
      buffer += text[i + 1]
      i += 2
      continue
    }
    if (text.startsWith('**', i)) {
      let end = text.indexOf('**', i + 2)
      // In a run of three stars the last two close the bold: "**a *b***".
      while (end !== -1 && text[end + 2] === '*') end++
      if (end > i + 2) {
        pushText()
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end), inLink) })
        i = end + 2
        continue
      }
    }
    if (char === '*' && text[i + 1] !== '*' && text[i + 1] !== ' ') {
      const end = findClosingStar(text, i + 1)
      if (end !== -1) {
        pushText()
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end), inLink) })
        i = end + 1
        continue
      }
    }
    if (char === '[' && !inLink) {
      const link = readLink(text, i)
      if (link) {
        pushText()
        const href = safeHref(link.href)
        if (href) out.push({ type: 'link', href, children: parseInline(link.label, true) })
        else out.push({ type: 'text', text: text.slice(i, link.end) })
        i = link.end
        continue
      }
    }
    buffer += char
    i++
  }
  pushText()
  return out
}

function findClosingStar(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++
      continue
    }
    if (text[j] === '*' && text[j + 1] !== '*' && text[j - 1] !== '*' && text[j - 1] !== ' ' && j > from) return j
  }
  return -1
}

function readLink(text: string, start: number): { label: string; href: string; end: number } | null {
  const close = text.indexOf('](', start + 1)
  if (close === -1) return null
  const end = text.indexOf(')', close + 2)
  if (end === -1) return null
  const label = text.slice(start + 1, close)
  if (label.includes('[') || label.trim() === '') return null
  return { label, href: text.slice(close + 2, end), end: end + 1 }
}

/** The text a reader sees, without marks: for mail and plain summaries. */
export function plainText(blocks: Block[]): string {
  const inline = (items: Inline[]): string =>
    items
      .map((item) => {
        switch (item.type) {
          case 'text':
            return item.text
          case 'break':
            return '\n'
          case 'link':
            return `${inline(item.children)} (${item.href})`
          default:
            return inline(item.children)
        }
      })
      .join('')
  return blocks
    .map((block) => {
      if (block.type === 'list') {
        return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '–'} ${inline(item)}`).join('\n')
      }
      return inline(block.content)
    })
    .join('\n\n')
}
