import { intlLocale } from '~/i18n/format'
import type { Locale } from '~/i18n/i18n'

// When a meeting is, as people read it, always in Swedish time: the network
// meets in Vårgårda, whichever time zone a reader's device is set to.

const formats = new Map<Locale, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>()

function formatsOf(locale: Locale) {
  let found = formats.get(locale)
  if (!found) {
    const tag = intlLocale(locale)
    found = {
      day: new Intl.DateTimeFormat(tag, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Stockholm',
      }),
      time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }),
    }
    formats.set(locale, found)
  }
  return found
}

/** "torsdag 10 juni 2027 kl. 10.00–12.00" ("Thursday 10 June 2027, 10:00–12:00"), both days when it ends on another. */
export function meetingWhen(locale: Locale, start: Date | string, end: Date | string): string {
  const { day, time } = formatsOf(locale)
  const startsAt = new Date(start)
  const endsAt = new Date(end)
  const at = locale === 'sv' ? ' kl. ' : ', '
  const clock = (date: Date) => (locale === 'sv' ? time.format(date).replace(':', '.') : time.format(date))
  const startDay = day.format(startsAt)
  const endDay = day.format(endsAt)
  return startDay === endDay
    ? `${startDay}${at}${clock(startsAt)}–${clock(endsAt)}`
    : `${startDay}${at}${clock(startsAt)} – ${endDay}${at}${clock(endsAt)}`
}
