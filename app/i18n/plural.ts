import { intlLocale } from './format'
import type { Locale } from './i18n'

/**
 * A message that depends on a number: `t(key, { count })` picks the form by
 * the language's plural rules (Intl.PluralRules), and writes `{count}` with
 * the reader's digit grouping. Swedish and English have two cardinal forms;
 * a language with more would add optional fields here.
 */
export type Plural = { readonly one: string; readonly other: string }

/** Another language's messages for a set of Swedish ones: the same keys, and a plural wherever Swedish has one. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Plural }

const rules = new Map<Locale, Intl.PluralRules>()

/** The form of a plural message for a count, in a language. */
export function pluralText(locale: Locale, message: Plural, count: number): string {
  let select = rules.get(locale)
  if (!select) {
    select = new Intl.PluralRules(intlLocale(locale))
    rules.set(locale, select)
  }
  return select.select(count) === 'one' ? message.one : message.other
}
