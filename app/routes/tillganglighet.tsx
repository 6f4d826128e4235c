import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getEnv } from '~/config/env.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'

// The accessibility statement: public, like the law requires, and linked from every page's footer.
export function loader(_: LoaderFunctionArgs) {
  const env = getEnv()
  return { municipality: env.MUNICIPALITY_NAME, contact: env.ACCESSIBILITY_CONTACT }
}

export default function AccessibilityStatementPage() {
  const t = useT()
  const { municipality, contact } = useLoaderData<typeof loader>()
  const mail = <a href={`mailto:${contact}`}>{contact}</a>
  const withContact = (text: string) => {
    const [before, after] = text.split('{contact}')
    return (
      <>
        {before}
        {mail}
        {after}
      </>
    )
  }
  return (
    <div className="page page--narrow">
      <h1>{t('a11y.title')}</h1>
      <p>{t('a11y.intro', { municipality })}</p>
      <h2>{t('a11y.how.title')}</h2>
      <p>{t('a11y.how.text')}</p>
      <h2>{t('a11y.help.title')}</h2>
      <p>{withContact(t('a11y.help.text'))}</p>
      <h2>{t('a11y.report.title')}</h2>
      <p>{withContact(t('a11y.report.text'))}</p>
      <h2>{t('a11y.supervision.title')}</h2>
      <p>
        {t('a11y.supervision.text')} <a href="https://www.digg.se/tdosanmalan">{t('a11y.supervision.link')}</a>.
      </p>
      <h2>{t('a11y.technical.title')}</h2>
      <p>{t('a11y.technical.text')}</p>
      <h3>{t('a11y.gaps.title')}</h3>
      <ul>
        <li>{t('a11y.gaps.map')}</li>
        <li>{t('a11y.gaps.graph')}</li>
        <li>{t('a11y.gaps.pdf')}</li>
        <li>{t('a11y.gaps.mapTiles')}</li>
      </ul>
      <h2>{t('a11y.tested.title')}</h2>
      <p>{t('a11y.tested.text')}</p>
      <p>{t('a11y.tested.dates')}</p>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'a11y.meta.title')]
