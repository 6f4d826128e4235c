// Dates in prose, overviews and PDFs: one style, "31 okt. 2027" in Swedish
// ("31 Oct 2027" in English), in Stockholm's calendar. Forms and CSV keep the
// ISO form "2027-10-31" that a date field and a spreadsheet read.

/** A day as "31 okt. 2027"; a plain "2027-10-31" is that day, whatever the time zone. */
export function formatDay(locale: 'sv' | 'en', date: string | Date): string {
  const day =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : new Date(date)
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Europe/Stockholm',
  }).format(day)
}
