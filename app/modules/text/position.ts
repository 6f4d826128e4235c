// Positions as a Swedish reader writes them: "58,0343° N, 12,8087° E", with
// the decimal comma of the reader's language ("58.0343° N, 12.8087° E" in
// English). The one formatter of a WGS84 position on pages, in PDFs and lists.

export interface LatLng {
  lat: number
  lng: number
}

/** Four decimals of a degree is about 10 m: enough for a report or a hot spot; a site asks for five (about 1 m). */
export const POSITION_DECIMALS = 4

function degrees(value: number, locale: 'sv' | 'en', decimals: number): string {
  return new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  }).format(Math.abs(value))
}

/** A degree as a form field shows it: six decimals (about 0.1 m) with the decimal comma, "58,034308". */
export function formatDegrees(value: number): string {
  return value.toFixed(6).replace('.', ',')
}

/** "58,0343° N, 12,8087° E"; a southern or western position gets S or W rather than a minus sign. */
export function formatPosition(position: LatLng, locale: 'sv' | 'en' = 'sv', decimals = POSITION_DECIMALS): string {
  const lat = `${degrees(position.lat, locale, decimals)}° ${position.lat < 0 ? 'S' : 'N'}`
  const lng = `${degrees(position.lng, locale, decimals)}° ${position.lng < 0 ? 'W' : 'E'}`
  return `${lat}, ${lng}`
}
