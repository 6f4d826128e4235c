import type { ServiceStatus } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { STATUS_OUTLINE, statusShapes } from './status-shapes'

/** A status's shape beside its word; the shape is decoration, the word is what a screen reader reads. */
export function StatusMarker({ status, fill = '#ffffff' }: { status: ServiceStatus; fill?: string }) {
  const t = useT()
  return (
    <span className={`event-status event-status--${status}`}>
      <svg
        width="16"
        height="16"
        viewBox="0 0 20 20"
        aria-hidden="true"
        focusable="false"
        className="event-status__shape"
      >
        <path
          d={statusShapes[status]}
          fill={fill}
          fillRule="evenodd"
          stroke={STATUS_OUTLINE}
          strokeWidth={status === 'failed' ? 2.5 : 1.5}
          strokeLinejoin="round"
        />
      </svg>
      {t(`event.status.${status}`)}
    </span>
  )
}
