// "för 12 minuter sedan": how long ago a report came, counted from the time
// the server took the picture, so that the server's and the browser's
// rendering agree.

const MINUTE_MS = 60_000

export function timeAgo(locale: 'sv' | 'en', from: string | Date, now: string | Date): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })
  const minutes = Math.max(0, Math.floor((new Date(now).getTime() - new Date(from).getTime()) / MINUTE_MS))
  if (minutes < 60) return format.format(-minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return format.format(-hours, 'hour')
  return format.format(-Math.floor(hours / 24), 'day')
}
