import { useLocale } from '~/i18n/i18n'

/** Numbers as the reader's language writes them: "1,5" in Swedish, "1.5" in English. */
export function useFormatNumber(): (
  value: number,
  maximumFractionDigits?: number,
  minimumFractionDigits?: number,
) => string {
  const locale = useLocale()
  const tag = locale === 'sv' ? 'sv-SE' : 'en-GB'
  return (value, maximumFractionDigits = 1, minimumFractionDigits = 0) =>
    new Intl.NumberFormat(tag, { maximumFractionDigits, minimumFractionDigits }).format(value)
}
