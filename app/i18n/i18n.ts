import { createContext, useContext } from 'react'
import { en } from './en'
import { formatCount } from './format'
import { pluralText, type Plural, type Translation } from './plural'
import { sv, type MessageKey } from './sv'

export const locales = ['sv', 'en'] as const
export type Locale = (typeof locales)[number]

type Catalogue = Translation<typeof sv>

// The server renders either language. The browser gets the English catalogue
// only on an English page (entry.client loads it before hydrating), so Swedish
// pages do not carry it: about 30 KiB of gzipped JavaScript on every route.
// vite.config.ts defines __BROWSER_BUNDLE__ as true in the browser build only,
// which then drops the import; the server build, vitest and tsx keep it.
declare const __BROWSER_BUNDLE__: boolean | undefined
const onServer = typeof __BROWSER_BUNDLE__ === 'undefined' || !__BROWSER_BUNDLE__
const catalogues: Partial<Record<Locale, Catalogue>> = onServer ? { sv, en } : { sv }

export function provideCatalogue(locale: Locale, messages: Catalogue): void {
  catalogues[locale] = messages
}

export function isMessageKey(key: string): key is MessageKey {
  return key in sv
}

type Vars = Record<string, string | number>

/** The keys whose message is a plural: they take a `count`. */
export type PluralKey = { [K in MessageKey]: (typeof sv)[K] extends Plural ? K : never }[MessageKey]

export type Translate = <K extends MessageKey>(
  key: K,
  ...vars: [K] extends [never] ? [vars?: Vars] : K extends PluralKey ? [vars: Vars & { count: number }] : [vars?: Vars]
) => string

export function translator(locale: Locale): Translate {
  const messages: Catalogue = catalogues[locale] ?? sv
  return (key: MessageKey, vars?: Vars) => {
    const message = messages[key] ?? sv[key] ?? key
    let text: string
    if (typeof message === 'string') text = message
    else {
      const count = Number(vars?.count)
      text = pluralText(locale, message, count)
      vars = { ...vars, count: formatCount(locale, count) }
    }
    if (!vars) return text
    const values = vars
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match))
  }
}

/**
 * The label of a value that reaches the page only as text (a column read as a string, a form
 * field, a prop shared by several lists): `labelOf(t, 'kind', organisation.kind)`. The key is
 * checked as the page renders, and an unknown value shows as itself rather than as a key; the
 * families' keys are checked against the value lists in tests/unit/i18n-messages.test.ts.
 */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`
  return isMessageKey(key) ? t(key) : value
}

/** Translates a validation message that is an i18n key, and passes other text through. */
export function translateMessage(t: Translate, message: string): string {
  return isMessageKey(message) ? t(message) : message
}

export const LocaleContext = createContext<Locale>('sv')

export function useLocale(): Locale {
  return useContext(LocaleContext)
}

export function useT(): Translate {
  return translator(useLocale())
}
