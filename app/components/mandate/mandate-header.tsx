import { Link, NavLink } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import type { MandateSection } from '~/modules/mandate/mandate-sections'

export interface PeriodHeading {
  id: string
  title: string
  startYear: number
  endYear: number
  shared: boolean
}

/** The period's header on each of its pages: title, years, whether the partners see it, and its sections. */
export function MandateHeader({
  period,
  sections,
}: {
  period: PeriodHeading
  sections: { key: MandateSection; to: string }[]
}) {
  const t = useT()
  return (
    <header className="mandate-header">
      <p>
        <Link to="/mandatperiod">{t('mandateCalendar.back')}</Link>
      </p>
      <h1>{period.title}</h1>
      <dl className="facts mandate-header__facts">
        <dt>{t('mandateCalendar.years')}</dt>
        <dd>{t('mandateCalendar.yearsValue', { start: period.startYear, end: period.endYear })}</dd>
        <dt>{t('mandateCalendar.sharing')}</dt>
        <dd>{period.shared ? t('mandateCalendar.shared') : t('mandateCalendar.notShared')}</dd>
      </dl>
      <nav aria-label={t('mandateCalendar.sections')} className="mandate-nav">
        <ul>
          {sections.map((section) => (
            <li key={section.key}>
              <NavLink to={section.to} end={section.key === 'calendar'} prefetch="intent">
                {t(`mandateCalendar.section.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
