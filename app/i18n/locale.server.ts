import { locales, type Locale } from './i18n'

export const LOCALE_COOKIE = 'lang'

/** The remembered choice, else Swedish: the portal is Swedish first whatever the browser says. */
export function getLocale(request: Request): Locale {
  const header = request.headers.get('Cookie') ?? ''
  const match = header.match(/(?:^|;\s*)lang=(sv|en)(?:;|$)/)
  const value = match?.[1]
  return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : 'sv'
}

export function serializeLocaleCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`
}
