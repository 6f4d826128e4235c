import type { Locale } from '~/i18n/i18n'

/** 30 000 in Swedish, 30,000 in English. */
export function formatCount(locale: Locale, count: number): string {
  return new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB').format(count)
}
