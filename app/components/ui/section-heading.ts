import { useMatches } from '@remix-run/react'
import { useLocale, useT, type Locale, type Translate } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

/**
 * How a page inside a section (a council, an RSA, a meeting, an organisation)
 * names itself in the section's header, which the section's layout route
 * draws: a message key, or a function of `t` and the page's loader data when
 * the heading holds a record's name (and of the page's locale when it holds
 * a date or a number to format).
 *
 *   export const handle: SectionHandle<typeof loader> = { heading: 'council.inbox.title' }
 *   export const handle: SectionHandle<typeof loader> = { heading: (t, data) => data.report.title }
 */
export interface SectionHandle<Loader = unknown> {
  heading: MessageKey | ((t: Translate, data: LoaderData<Loader>, locale: Locale) => string)
  /** A page that is one form keeps the whole page, the section's header included, as narrow as the form. */
  narrow?: true
}

type LoaderData<Loader> = Loader extends (...args: never[]) => Promise<infer Data> ? Data : unknown

function isSectionHandle(handle: unknown): handle is SectionHandle {
  return typeof handle === 'object' && handle !== null && 'heading' in handle
}

/**
 * The open page of a section, for its layout: the deepest matched route
 * whose handle names a heading, with its loader data (undefined while the
 * page has none: its loader failed and an error boundary shows instead).
 * A section's own handle type (`H`) adds what its header asks of a page.
 */
export function useSectionPage<H extends SectionHandle = SectionHandle>(): { handle: H; data: unknown } | null {
  const matches = useMatches()
  const page = matches.findLast((match) => isSectionHandle(match.handle))
  return page ? { handle: page.handle as H, data: page.data } : null
}

/** The open page's heading, for its section's layout; empty while the page has no data. */
export function useSectionHeading(): string {
  const t = useT()
  const locale = useLocale()
  const page = useSectionPage()
  if (!page) return ''
  const { heading } = page.handle
  if (typeof heading === 'string') return t(heading)
  return page.data === undefined ? '' : heading(t, page.data as never, locale)
}
