import { formatCount, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { ChainView, DependencyGraphView, HubView, WeakBackupView } from '~/modules/dependency-graph/graph-view'
import type { Listing } from '~/modules/dependency-graph/weak-points'
import { OrganisationLink, OrganisationLinks, TargetName } from './target-name'

function Shown({ listing }: { listing: Listing<unknown> }) {
  const t = useT()
  const locale = useLocale()
  if (listing.total <= listing.items.length) return null
  return (
    <p className="muted">
      {t('graph.shown', {
        shown: formatCount(locale, listing.items.length),
        total: formatCount(locale, listing.total),
      })}
    </p>
  )
}

function Hub({ hub }: { hub: HubView }) {
  const t = useT()
  return (
    <li className="weak-list__item">
      <p className="weak-list__title">
        <TargetName target={hub.target} />
      </p>
      <p>{t('graph.hubs.counts', { transitive: hub.transitive, direct: hub.direct })}</p>
      {hub.target.kind === 'service' ? (
        <p>
          {t('graph.hubs.provider')}: <OrganisationLink organisation={hub.target.organisation} />
        </p>
      ) : null}
      <p>
        {t('graph.hubs.dependents')}: <OrganisationLinks organisations={hub.dependents} />
        {hub.moreDependents > 0 ? ` ${t('graph.hubs.more', { count: hub.moreDependents })}` : ''}
      </p>
    </li>
  )
}

function Backup({ backup }: { backup: WeakBackupView }) {
  const t = useT()
  const locale = useLocale()
  const hours = {
    copes: formatNumber(locale, backup.copesHours),
    backup: formatNumber(locale, backup.backupHours),
    acceptable: formatNumber(locale, backup.acceptableOutageHours),
  }
  const contacts =
    backup.target.kind === 'service' && backup.target.organisation.id !== backup.organisation.id
      ? [backup.organisation, backup.target.organisation]
      : [backup.organisation]
  return (
    <li className="weak-list__item">
      <p className="weak-list__title">
        {backup.service.name} ({backup.organisation.name}) {t('graph.backups.dependsOn')}{' '}
        <TargetName target={backup.target} />
      </p>
      <p>
        {t(`graph.backups.kind.${backup.kind}`, hours)}
        {backup.backupSource === 'site' ? ` ${t('graph.backups.siteSource')}` : ''}
      </p>
      <p>
        {t('graph.contact')}: <OrganisationLinks organisations={contacts} />
      </p>
    </li>
  )
}

function Chain({ chain, number }: { chain: ChainView; number: number }) {
  const t = useT()
  return (
    <li className="weak-list__item">
      <p className="weak-list__title">{t('graph.chains.label', { number, crossings: chain.crossings })}</p>
      <ol className="graph-chain">
        {chain.steps.map((step, index) => (
          <li key={step.service.id}>
            {index > 0 ? <span className="visually-hidden">{t('graph.backups.dependsOn')} </span> : null}
            {step.service.name} ({step.organisation.name})
          </li>
        ))}
      </ol>
      {chain.continues ? <p className="muted">{t('graph.chains.continues')}</p> : null}
      <p>
        {t('graph.chains.organisations')}: <OrganisationLinks organisations={chain.organisations} />
      </p>
    </li>
  )
}

/** The three lists of weak points, each with links to the organisations to contact. */
export function WeakPointLists({ view }: { view: Pick<DependencyGraphView, 'hubs' | 'backups' | 'chains'> }) {
  const t = useT()
  return (
    <section aria-labelledby="weak-heading" className="weak-points">
      <h2 id="weak-heading">{t('graph.weak.heading')}</h2>
      <section aria-labelledby="hubs-heading">
        <h3 id="hubs-heading">{t('graph.hubs.heading')}</h3>
        <p className="muted">{t('graph.hubs.intro')}</p>
        {view.hubs.items.length === 0 ? (
          <p>{t('graph.hubs.none')}</p>
        ) : (
          <ol className="weak-list" aria-labelledby="hubs-heading">
            {view.hubs.items.map((hub) => (
              <Hub key={hub.target.kind === 'resource' ? hub.target.resource : hub.target.service.id} hub={hub} />
            ))}
          </ol>
        )}
        <Shown listing={view.hubs} />
      </section>
      <section aria-labelledby="backups-heading">
        <h3 id="backups-heading">{t('graph.backups.heading')}</h3>
        <p className="muted">{t('graph.backups.intro')}</p>
        {view.backups.items.length === 0 ? (
          <p>{t('graph.backups.none')}</p>
        ) : (
          <ol className="weak-list" aria-labelledby="backups-heading">
            {view.backups.items.map((backup, index) => (
              <Backup key={index} backup={backup} />
            ))}
          </ol>
        )}
        <Shown listing={view.backups} />
      </section>
      <section aria-labelledby="chains-heading">
        <h3 id="chains-heading">{t('graph.chains.heading')}</h3>
        <p className="muted">{t('graph.chains.intro')}</p>
        {view.chains.items.length === 0 ? (
          <p>{t('graph.chains.none')}</p>
        ) : (
          <ol className="weak-list" aria-labelledby="chains-heading">
            {view.chains.items.map((chain, index) => (
              <Chain key={chain.steps[0]!.service.id} chain={chain} number={index + 1} />
            ))}
          </ol>
        )}
        <Shown listing={view.chains} />
      </section>
    </section>
  )
}
