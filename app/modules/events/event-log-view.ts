// How the log is paged, shared by the server (which pages it) and the page
// (which links to an entry on another page).

export const LOG_PAGE_SIZE = 100

/** The page on which the entry numbered `number` stands, newest first, in a log of `total` entries. */
export function pageOfEntry(number: number, total: number): number {
  return Math.floor(Math.max(0, total - number) / LOG_PAGE_SIZE) + 1
}

/** The link to an entry: on its page, or on this page when the whole log is shown. */
export function entryHref(entry: { id: string; number: number }, total: number, whole: boolean): string {
  const anchor = `#post-${entry.id}`
  return whole ? anchor : `?sida=${pageOfEntry(entry.number, total)}${anchor}`
}
