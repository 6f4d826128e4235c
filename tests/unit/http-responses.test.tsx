import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ErrorPage } from '../../app/components/ui/error-page'
import { LocaleContext, type Locale } from '../../app/i18n/i18n'
import { badRequest, forbidden, notFound, requireFound, requireUuid } from '../../app/modules/http/responses'

const secretHeaders = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }

function thrown(run: () => unknown): Response {
  try {
    run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

describe('the refusal helpers', () => {
  it.each([
    ['badRequest', badRequest, 400, 'Ogiltig begäran'],
    ['forbidden', forbidden, 403, 'Ingen åtkomst'],
    ['notFound', notFound, 404, 'Hittades inte'],
  ] as const)('%s answers %i as plain Swedish text', async (_name, helper, status, body) => {
    const response = helper()
    expect(response.status).toBe(status)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toBe(body)
  })

  it.each([
    ['badRequest', badRequest],
    ['forbidden', forbidden],
    ['notFound', notFound],
  ] as const)('%s keeps the headers a page sets, and its own content type', (_name, helper) => {
    const response = helper({ headers: { ...secretHeaders, 'Content-Type': 'text/html' } })
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
  })

  it('requireFound throws the 404 for a missing value and passes a present one through', () => {
    expect(thrown(() => requireFound(null)).status).toBe(404)
    expect(thrown(() => requireFound(undefined)).status).toBe(404)
    expect(thrown(() => requireFound(undefined)).headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(requireFound(0)).toBe(0)
    expect(requireFound('')).toBe('')
  })

  it('requireUuid throws the 404 for a malformed id', () => {
    for (const value of [undefined, '', 'abc', '11111111-1111-4111-8111-11111111111', "1' or '1'='1"]) {
      expect(thrown(() => requireUuid(value)).status).toBe(404)
    }
    expect(requireUuid('11111111-1111-4111-8111-111111111111')).toBe('11111111-1111-4111-8111-111111111111')
  })
})

function page(status: number, locale: Locale) {
  return renderToStaticMarkup(
    <LocaleContext.Provider value={locale}>
      <ErrorPage status={status} />
    </LocaleContext.Provider>,
  )
}

const headingOf = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1]

describe('the error page words the status, not the body', () => {
  it.each([
    [400, 'Felaktig begäran', 'Bad request'],
    [401, 'Inte inloggad', 'Not signed in'],
    [403, 'Ingen åtkomst', 'No access'],
    [404, 'Sidan finns inte', 'Page not found'],
    [413, 'För mycket data', 'Too much data'],
    [500, 'Något gick fel', 'Something went wrong'],
    [409, 'Något gick fel', 'Something went wrong'],
  ])('%i has one heading in Swedish and in English', (status, sv, en) => {
    expect(headingOf(page(status, 'sv'))).toBe(sv)
    expect(headingOf(page(status, 'en'))).toBe(en)
    expect(page(status, 'sv').match(/<h1/g)).toHaveLength(1)
    expect(page(status, 'sv')).toContain(`HTTP ${status}`)
  })

  it('offers a way on: sign in for 401, the home page otherwise', () => {
    expect(page(401, 'sv')).toContain('href="/logga-in"')
    expect(page(404, 'en')).toContain('<a href="/">Go to the home page</a>')
  })
})
