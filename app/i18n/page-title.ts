import { locales, translator, type Locale, type Translate } from './i18n'
import type { MessageKey } from './sv'

/** What a meta function sees of each matched route; the root's data carries the page's locale. */
type MetaMatch = { id: string; data: unknown }

export function metaLocale(matches: readonly MetaMatch[]): Locale {
  const data = matches.find((match) => match.id === 'root')?.data
  const locale = data && typeof data === 'object' && 'locale' in data ? data.locale : undefined
  return locales.find((candidate) => candidate === locale) ?? 'sv'
}

/**
 * A page's <title> in the page's language: its own words, then the portal's name.
 * Give a key for a fixed title, or a function of `t` when the title holds a record's name.
 * Without a title, the portal's name alone.
 */
export function pageTitle(
  matches: readonly MetaMatch[],
  title?: MessageKey | ((t: Translate) => string),
): { title: string } {
  const t = translator(metaLocale(matches))
  const name = t('app.name')
  if (title === undefined) return { title: name }
  return { title: `${typeof title === 'function' ? title(t) : t(title)} – ${name}` }
}
