import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'

/** Links to the report of each year of the period; the open year is marked for screen readers and by its look. */
export function GrantYearNav({ periodId, years, year }: { periodId: string; years: number[]; year: number }) {
  const t = useT()
  return (
    <nav aria-label={t('grantReport.years')} className="grant-years">
      <ul>
        {years.map((each) => (
          <li key={each}>
            <Link to={`/mandatperiod/${periodId}/ersattning/${each}`} aria-current={each === year ? 'page' : undefined}>
              {each}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
