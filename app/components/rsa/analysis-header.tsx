import { useT } from '~/i18n/i18n'
import { RsaNav, type RsaLinks } from './rsa-nav'

export interface AnalysisHeaderData {
  id: string
  title: string
  periodStart: number
  periodEnd: number
  shared: boolean
  links: RsaLinks
}

/** The analysis's name and period above its sub-navigation; `heading` is the page's own h1. */
export function AnalysisHeader({ header, heading }: { header: AnalysisHeaderData; heading: string }) {
  const t = useT()
  return (
    <header className="rsa-header">
      <p className="rsa-header__analysis">
        {t('rsa.analysisPeriod', { title: header.title, start: header.periodStart, end: header.periodEnd })}
      </p>
      <h1>{heading}</h1>
      <RsaNav id={header.id} title={header.title} links={header.links} />
    </header>
  )
}

const layoutId = 'routes/rsa+/$id'

/** The analysis's title for a page's <title>, from the analysis's layout route; undefined while it has no data. */
export function analysisTitleOf(matches: readonly { id: string; data: unknown }[]): string | undefined {
  const data = matches.find((match) => match.id === layoutId)?.data as { header: AnalysisHeaderData } | undefined
  return data?.header.title
}
