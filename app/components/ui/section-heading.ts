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
}

type LoaderData<Loader> = Loader extends (...args: never[]) => Promise<infer Data> ? Data : unknown

function isSectionHandle(handle: unknown): handle is SectionHandle {
  return typeof handle === 'object' && handle !== null && 'heading' in handle
}

/**
 * The open page's heading, for its section's layout: the deepest matched
 * route that names one. Empty while the page has no data (its loader failed
 * and an error boundary shows instead).
 */
export function useSectionHeading(): string {
  const t = useT()
  const locale = useLocale()
  const matches = useMatches()
  for (let index = matches.length - 1; index >= 0; index -= 1) {
    const match = matches[index]!
    if (!isSectionHandle(match.handle)) continue
    const { heading } = match.handle
    if (typeof heading === 'string') return t(heading)
    return match.data === undefined ? '' : heading(t, match.data as never, locale)
  }
  return ''
}
