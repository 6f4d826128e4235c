import { NavLink } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

const parts: { path: string; label: MessageKey; manage: boolean }[] = [
  { path: '', label: 'trainingPlan.nav.overview', manage: false },
  { path: '/malgrupper', label: 'trainingPlan.nav.groups', manage: true },
  { path: '/personer', label: 'trainingPlan.nav.people', manage: true },
  { path: '/mal', label: 'trainingPlan.nav.goals', manage: true },
  { path: '/utskrift', label: 'trainingPlan.nav.print', manage: false },
]

/** The plan's own pages: the coverage and the printout for its readers, the target groups, people and goals for its manager. */
export function TrainingPlanNav({ periodId, manage }: { periodId: string; manage: boolean }) {
  const t = useT()
  const base = `/mandatperiod/${periodId}/ovningsplan`
  return (
    <nav aria-label={t('trainingPlan.nav.label')} className="training-nav">
      <ul>
        {parts
          .filter((part) => manage || !part.manage)
          .map((part) => (
            <li key={part.path}>
              <NavLink to={`${base}${part.path}`} end>
                {t(part.label)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  )
}
