import { createContext, useContext } from 'react'
import { en } from './en'
import { sv, type MessageKey } from './sv'

export const locales = ['sv', 'en'] as const
export type Locale = (typeof locales)[number]

type Catalogue = Record<MessageKey, string>

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

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale] ?? sv
  return (key, vars) => {
    const text = messages[key] ?? sv[key] ?? key
    if (!vars) return text
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match))
  }
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
