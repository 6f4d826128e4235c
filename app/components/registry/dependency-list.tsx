import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Resource } from '~/db/enums'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { backupWeakness, effectiveBackup } from '~/modules/registry/backup'

export interface DependencyItem {
  id: string
  version: number
  resource: Resource | null
  dependsOn: { id: string; name: string; organisationId: string; organisationName: string } | null
  copesHours: number
  backupDescription: string
  backupHours: number | null
  siteBackupHours: number | null
}

/** Whether a dependency is a weak point, by the same rule as the dependency graph and the scenarios. */
export function weaknessOf(dependency: DependencyItem, acceptableOutageHours: number) {
  const backup = effectiveBackup(dependency, dependency.siteBackupHours)
  const kind = backupWeakness(backup, acceptableOutageHours)
  return kind ? { kind, backup } : null
}

/** What a dependency is on, as plain text (for labels of buttons and links). */
export function useDependencyTarget(): (dependency: DependencyItem) => string {
  const t = useT()
  return (dependency) =>
    dependency.dependsOn
      ? t('deps.on', { service: dependency.dependsOn.name, organisation: dependency.dependsOn.organisationName })
      : t(`resource.${dependency.resource ?? 'other'}`)
}

function Weakness({
  dependency,
  acceptableOutageHours,
}: {
  dependency: DependencyItem
  acceptableOutageHours: number
}) {
  const t = useT()
  const locale = useLocale()
  const weakness = weaknessOf(dependency, acceptableOutageHours)
  if (!weakness) return null
  const acceptable = formatNumber(locale, acceptableOutageHours)
  return (
    <p className="warning-marker">
      <span aria-hidden="true">⚠ </span>
      {weakness.kind === 'none'
        ? t('deps.weak.none', { acceptable })
        : t(weakness.backup.source === 'site' ? 'deps.weak.shortSite' : 'deps.weak.short', {
            backup: formatNumber(locale, weakness.backup.hours),
            acceptable,
          })}
    </p>
  )
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
  const locale = useLocale()
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
              <strong>{t(`resource.${dependency.resource ?? 'other'}`)}</strong>
            )}
          </p>
          <dl className="facts">
            <dt>{t('deps.copes')}</dt>
            <dd>{t('services.hours', { hours: formatNumber(locale, dependency.copesHours) })}</dd>
            <dt>{t('deps.backup')}</dt>
            <dd className="prewrap">
              {dependency.backupDescription === ''
                ? t('deps.backupNone')
                : dependency.backupHours === null
                  ? t('deps.backupNoHours', { description: dependency.backupDescription })
                  : t('deps.backupValue', {
                      description: dependency.backupDescription,
                      hours: formatNumber(locale, dependency.backupHours),
                    })}
            </dd>
          </dl>
          <Weakness dependency={dependency} acceptableOutageHours={acceptableOutageHours} />
          {actions ? <div className="actions">{actions(dependency)}</div> : null}
        </li>
      ))}
    </ul>
  )
}
