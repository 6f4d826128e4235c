import { Link } from '@remix-run/react'

/** The page a `?sida=` parameter asks for; 1 when it is missing or not a sensible page number. */
export function pageFromSearch(value: string | null): number {
  const page = Number(value)
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
}

/** Previous and next links of a paged list, with where the reader is; nothing when there is one page. */
export function Pager({
  page,
  pages,
  pageLink,
  label,
  previous,
  next,
  position,
}: {
  page: number
  pages: number
  pageLink: (page: number) => string
  /** The navigation's name, e.g. "Sidor i listan". */
  label: string
  previous: string
  next: string
  /** E.g. "Sida 2 av 7". */
  position: string
}) {
  if (pages <= 1) return null
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <Link to={pageLink(page - 1)} rel="prev" preventScrollReset>
          {previous}
        </Link>
      ) : null}
      <span>{position}</span>
      {page < pages ? (
        <Link to={pageLink(page + 1)} rel="next" preventScrollReset>
          {next}
        </Link>
      ) : null}
    </nav>
  )
}
