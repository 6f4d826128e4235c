import type { ReportState } from '~/db/enums'
import { useT } from '~/i18n/i18n'

export function ReportStateBadge({ state }: { state: ReportState }) {
  const t = useT()
  return <span className={`report-state report-state--${state}`}>{t(`council.state.${state}`)}</span>
}
