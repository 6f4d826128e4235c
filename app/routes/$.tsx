import type { MetaFunction } from '@remix-run/node'
import { ErrorPage } from '~/components/ui/error-page'
import { pageTitle } from '~/i18n/page-title'
import { notFound } from '~/modules/http/responses'

// Unknown URLs get a real 404 status, not a 200 with an error text.
export async function loader() {
  throw notFound()
}

export async function action() {
  throw notFound()
}

export default function NotFound() {
  return <ErrorPage status={404} />
}

export function ErrorBoundary() {
  return <ErrorPage status={404} />
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'error.notFoundTitle')]
