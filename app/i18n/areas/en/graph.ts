// English messages of the area; the Swedish ones, and the keys, are in ../graph.ts.
import type { Translation } from '../../plural'
import type { sv } from '../graph'

export const en: Translation<typeof sv> = {
  'graph.title': 'Dependencies',
  'graph.intro':
    'Which critical services hang on the same resources, which dependencies lack a sufficient backup, and which chains run through several organisations? The graph and the table at the bottom show the same dependencies.',
  'graph.organisationLink': 'Show the dependency graph',

  'graph.scope.legend': 'Show dependencies for',
  'graph.scope.area': 'The whole area',
  'graph.scope.network': 'A network',
  'graph.scope.organisation': 'An organisation',
  'graph.scope.networkSelect': 'Network',
  'graph.scope.organisationSelect': 'Organisation',
  'graph.scope.show': 'Show',
  'graph.scope.current.area': "The whole area: every organisation's critical services.",
  'graph.scope.current.organisation':
    "{organisation}: the organisation's services and the services of other organisations that they depend on.",
  'graph.scope.current.network':
    "The network {network} ({members} members): the members' services and the services of other organisations that they depend on.",

  'graph.summary.heading': 'Summary',
  'graph.summary.services': 'Critical services',
  'graph.summary.outside': 'of which suppliers outside the selection',
  'graph.summary.organisations': 'Organisations',
  'graph.summary.dependencies': 'Dependencies',
  'graph.summary.dependencySplit': '{resources} on resources, {services} on services',
  'graph.summary.hubs': 'Shared dependencies',
  'graph.summary.backups': 'Without sufficient backup',
  'graph.summary.chains': 'Chains between organisations',

  'graph.weak.heading': 'Weak points',
  'graph.shown': 'Showing {shown} of {total}.',
  'graph.contact': 'Contact',
  'graph.hours': '{hours} h',

  'graph.hubs.heading': 'Many services depend on the same thing',
  'graph.hubs.intro':
    'Resources and services that at least two critical services depend on, directly or through a chain of dependencies. Most first.',
  'graph.hubs.none': 'Nothing that several services depend on.',
  'graph.hubs.counts': '{transitive} services depend on it, {direct} of them directly.',
  'graph.hubs.provider': 'Run by',
  'graph.hubs.dependents': 'Dependent organisations',
  'graph.hubs.more': 'and {count} more',

  'graph.backups.heading': 'Dependencies without sufficient backup',
  'graph.backups.intro':
    "Dependencies without a backup of stated duration, and dependencies whose backup lasts shorter than the service's acceptable outage time. For electricity without its own backup, the longest backup power at the service's sites counts, as in the scenarios. The services that tolerate the shortest outage first.",
  'graph.backups.none': 'Every dependency has a backup that lasts the acceptable outage time.',
  'graph.backups.dependsOn': 'depends on',
  'graph.backups.kind.none':
    'No backup of stated duration; copes {copes} h without, may be out for at most {acceptable} h.',
  'graph.backups.kind.short':
    'The backup lasts {backup} h, but the service may be out for at most {acceptable} h; copes {copes} h without.',
  'graph.backups.siteSource': "The backup is the site's backup power.",

  'graph.chains.heading': 'Chains through several organisations',
  'graph.chains.intro':
    "A service depends on another organisation's service, which may depend on a third's. Most organisation borders first; a chain that is the end of a longer one is not shown on its own.",
  'graph.chains.none': "No service depends on another organisation's services.",
  'graph.chains.label': 'Chain {number}: {crossings} organisation borders',
  'graph.chains.organisations': 'Organisations in the chain',
  'graph.chains.continues': 'The chain goes on; see the graph or the table.',

  'graph.drawing.heading': 'Graph',
  'graph.drawing.label':
    'Dependency graph with {nodes} nodes and {edges} dependencies. The table at the bottom has the same content.',
  'graph.drawing.notYet': 'The graph is drawn once the page has loaded. The table at the bottom has the same content.',
  'graph.drawing.tooLarge':
    'The graph would have {count} nodes, more than {limit}, so it is not drawn. Choose a network or an organisation to see it. The table at the bottom has every dependency.',
  'graph.drawing.empty': 'There are no critical services to show.',
  'graph.drawing.status': 'The graph shows {nodes} nodes and {edges} dependencies.',
  'graph.drawing.help':
    'The arrows go from a service to what it depends on, with how long it copes without and how long the backup lasts. Drag the graph to move it; the buttons zoom. Click a service to see which it is.',
  'graph.drawing.zoomIn': 'Zoom in',
  'graph.drawing.zoomOut': 'Zoom out',
  'graph.drawing.fit': 'Show the whole graph',
  'graph.drawing.selected': 'Selected: {name}',
  'graph.drawing.edgeLabel': 'copes {copes} h · backup {backup} h',
  'graph.legend.heading': 'Legend',
  'graph.legend.resource': 'Resource (electricity, water, fuel …)',
  'graph.legend.outside': 'Service of an organisation outside the selection (dashed border)',
  'graph.legend.weak': 'Dependency without sufficient backup (red dashed arrow)',

  'graph.table.heading': 'Every dependency as a table',
  'graph.table.caption': 'Dependencies: service, organisation, what it depends on, how long it copes and the backup',
  'graph.table.service': 'Service',
  'graph.table.organisation': 'Organisation',
  'graph.table.dependsOn': 'Depends on',
  'graph.table.copes': 'Copes without (h)',
  'graph.table.backup': 'Backup',
  'graph.table.backupHours': 'Backup (h)',
  'graph.table.weak': 'Weak point',
  'graph.table.acceptable': 'May be out for at most {hours} h',
  'graph.table.siteBackup': 'Backup power at the site',
  'graph.table.weak.none': 'No backup of stated duration',
  'graph.table.weak.short': 'Lasts less than {hours} h',
  'graph.table.count': { one: '{count} dependency.', other: '{count} dependencies.' },
  'graph.table.range': 'Showing {first}–{last}.',
  'graph.table.empty': 'No dependencies are registered.',
  'graph.table.pages': 'Pages of the table',
  'graph.table.previous': 'Previous page',
  'graph.table.next': 'Next page',
  'graph.table.pageOf': 'Page {page} of {pages}',
}
