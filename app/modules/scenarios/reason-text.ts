import { formatNumber } from '~/i18n/format'
import type { Locale, Translate } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { FailureView, ReasonStep } from './scenario-view'

function backupText(t: Translate, locale: Locale, step: Extract<ReasonStep, { backupSource: unknown }>): string {
  if (step.backupSource === 'none' || step.backupHours === 0) return t('scenario.reason.backupNone')
  const hours = formatNumber(locale, step.backupHours)
  return step.backupSource === 'site'
    ? t('scenario.reason.backupSite', { hours })
    : t('scenario.reason.backupDependency', { hours })
}

/**
 * How a chain says its moments and its direct failures. A scenario counts
 * hours from its start ("vid timme 14"); an event's projection says clock
 * times and names the status report behind a direct failure.
 */
export interface ReasonWording {
  /** A moment of the chain, for {failed} and {lost}. */
  time: (hours: number) => string
  resource: MessageKey
  service: MessageKey
  direct: (step: Extract<ReasonStep, { kind: 'direct' }>) => string
}

function scenarioWording(t: Translate, locale: Locale): ReasonWording {
  return {
    time: (hours) => formatNumber(locale, hours),
    resource: 'scenario.reason.resource',
    service: 'scenario.reason.service',
    direct: (step) => t('scenario.reason.direct', { hour: formatNumber(locale, step.failedAt) }),
  }
}

/** One step of the chain of reasons as a sentence. */
export function reasonText(t: Translate, locale: Locale, step: ReasonStep, wording?: ReasonWording): string {
  const words = wording ?? scenarioWording(t, locale)
  const h = (hours: number) => formatNumber(locale, hours)
  switch (step.kind) {
    case 'direct':
      return words.direct(step)
    case 'resource':
      return t(words.resource, {
        failed: words.time(step.failedAt),
        resource: t(`resource.${step.resource}`).toLowerCase(),
        lost: words.time(step.lostAt),
        backup: backupText(t, locale, step),
        copes: h(step.copesHours),
      })
    case 'service':
      return t(words.service, {
        failed: words.time(step.failedAt),
        service: step.serviceName,
        organisation: step.organisationName,
        lost: words.time(step.lostAt),
        backup: backupText(t, locale, step),
        copes: h(step.copesHours),
      })
  }
}

/** A failure of the scenario's definition as a sentence. */
export function failureText(t: Translate, locale: Locale, failure: FailureView): string {
  const target =
    failure.target.kind === 'resource'
      ? t(`resource.${failure.target.resource}`)
      : `${failure.target.name} (${failure.target.organisationName})`
  const where =
    failure.scope.kind === 'everywhere'
      ? t('scenario.whereEverywhere')
      : failure.scope.kind === 'organisations'
        ? t('scenario.whereOrganisations', { names: failure.scope.names.join(', ') })
        : failure.scope.kind === 'sites'
          ? t('scenario.whereSites', { count: failure.scope.count })
          : t('scenario.whereArea', { count: failure.scope.count })
  const length =
    failure.durationHours === null
      ? t('scenario.failureToEnd')
      : t('scenario.failureFor', { hours: formatNumber(locale, failure.durationHours) })
  return `${t('scenario.failureSummary', { target, where, start: formatNumber(locale, failure.startHour) })}, ${length}.`
}

/**
 * The chain of reasons as sentences, each with its subject: the service
 * itself first, then the supplier the previous step named.
 */
export function explainChain(
  t: Translate,
  locale: Locale,
  serviceName: string,
  reasons: ReasonStep[],
  wording?: ReasonWording,
): string[] {
  let subject = serviceName
  return reasons.map((step) => {
    const sentence = `${subject} ${reasonText(t, locale, step, wording)}`
    if (step.kind === 'service') subject = step.serviceName
    return sentence
  })
}
