import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Resource } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { coveredHours, fallsShort } from '~/modules/registry/coverage'
import { useFormatNumber } from './format'

export interface DependencyItem {
  id: string
  version: number
  resource: Resource | null
  dependsOn: { id: string; name: string; organisationId: string; organisationName: string } | null
  copesHours: number
  backupDescription: string
  backupHours: number | null
}

/** What a dependency is on, as plain text (for labels of buttons and links). */
export function useDependencyTarget(): (dependency: DependencyItem) => string {
  const t = useT()
  return (dependency) =>
    dependency.dependsOn
      ? t('deps.on', { service: dependency.dependsOn.name, organisation: dependency.dependsOn.organisationName })
      : t(`resource.${dependency.resource ?? 'other'}` as MessageKey)
}

/** A service's dependencies, each with a marker when it and its backup do not last the acceptable outage time. */
export function DependencyList({
  dependencies,
  acceptableOutageHours,
  actions,
}: {
  dependencies: DependencyItem[]
  acceptableOutageHours: number
  actions?: (dependency: DependencyItem) => ReactNode
}) {
  const t = useT()
  const format = useFormatNumber()
  if (dependencies.length === 0) return <p>{t('deps.none')}</p>
  return (
    <ul className="dependency-list">
      {dependencies.map((dependency) => (
        <li key={dependency.id} className="dependency-list__item">
          <p className="dependency-list__target">
            {dependency.dependsOn ? (
              <Link to={`/organisationer/${dependency.dependsOn.organisationId}#verksamhet-${dependency.dependsOn.id}`}>
                {t('deps.on', {
                  service: dependency.dependsOn.name,
                  organisation: dependency.dependsOn.organisationName,
                })}
              </Link>
            ) : (
              <strong>{t(`resource.${dependency.resource ?? 'other'}` as MessageKey)}</strong>
            )}
          </p>
          <dl className="facts">
            <dt>{t('deps.copes')}</dt>
            <dd>{t('services.hours', { hours: format(dependency.copesHours) })}</dd>
            <dt>{t('deps.backup')}</dt>
            <dd className="prewrap">
              {dependency.backupDescription === ''
                ? t('deps.backupNone')
                : dependency.backupHours === null
                  ? t('deps.backupNoHours', { description: dependency.backupDescription })
                  : t('deps.backupValue', {
                      description: dependency.backupDescription,
                      hours: format(dependency.backupHours),
                    })}
            </dd>
          </dl>
          {fallsShort(dependency, acceptableOutageHours) ? (
            <p className="warning-marker">
              <span aria-hidden="true">⚠ </span>
              {t('deps.shortfall', {
                covered: format(coveredHours(dependency)),
                acceptable: format(acceptableOutageHours),
              })}
            </p>
          ) : null}
          {actions ? <div className="actions">{actions(dependency)}</div> : null}
        </li>
      ))}
    </ul>
  )
}
