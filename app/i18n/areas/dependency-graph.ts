// Messages of the dependency graph page (/beroenden), in both languages.
export const sv = {
  'graph.title': 'Beroenden',
  'graph.intro':
    'Vilka samhällsviktiga verksamheter hänger på samma resurser, vilka beroenden saknar tillräcklig reserv och vilka kedjor går genom flera organisationer? Grafen och tabellen längst ned visar samma beroenden.',
  'graph.organisationLink': 'Visa beroendegrafen',

  'graph.scope.legend': 'Visa beroenden för',
  'graph.scope.area': 'Hela området',
  'graph.scope.network': 'Ett nätverk',
  'graph.scope.organisation': 'En organisation',
  'graph.scope.networkSelect': 'Nätverk',
  'graph.scope.organisationSelect': 'Organisation',
  'graph.scope.show': 'Visa',
  'graph.scope.current.area': 'Hela området: alla organisationers samhällsviktiga verksamheter.',
  'graph.scope.current.organisation':
    '{organisation}: organisationens verksamheter och de verksamheter hos andra organisationer som de är beroende av.',
  'graph.scope.current.network':
    'Nätverket {network} ({members} medlemmar): medlemmarnas verksamheter och de verksamheter hos andra organisationer som de är beroende av.',

  'graph.summary.heading': 'Sammanfattning',
  'graph.summary.services': 'Samhällsviktiga verksamheter',
  'graph.summary.outside': 'varav leverantörer utanför urvalet',
  'graph.summary.organisations': 'Organisationer',
  'graph.summary.dependencies': 'Beroenden',
  'graph.summary.dependencySplit': '{resources} på resurser, {services} på verksamheter',
  'graph.summary.hubs': 'Delade beroenden',
  'graph.summary.backups': 'Utan tillräcklig reserv',
  'graph.summary.chains': 'Kedjor mellan organisationer',

  'graph.weak.heading': 'Svaga punkter',
  'graph.shown': 'Visar {shown} av {total}.',
  'graph.contact': 'Kontakta',
  'graph.hours': '{hours} h',

  'graph.hubs.heading': 'Många verksamheter är beroende av samma sak',
  'graph.hubs.intro':
    'Resurser och verksamheter som minst två samhällsviktiga verksamheter är beroende av, direkt eller genom en kedja av beroenden. Flest först.',
  'graph.hubs.none': 'Inget som flera verksamheter är beroende av.',
  'graph.hubs.counts': '{transitive} verksamheter är beroende av den, {direct} av dem direkt.',
  'graph.hubs.provider': 'Drivs av',
  'graph.hubs.dependents': 'Beroende organisationer',
  'graph.hubs.more': 'och {count} till',

  'graph.backups.heading': 'Beroenden utan tillräcklig reserv',
  'graph.backups.intro':
    'Beroenden utan reserv med angiven tid, och beroenden vars reserv räcker kortare än verksamhetens acceptabla avbrottstid. För el utan egen reserv räknas den längsta reservkraften på verksamhetens platser, som i scenarierna. De verksamheter som tål kortast avbrott först.',
  'graph.backups.none': 'Alla beroenden har en reserv som räcker den acceptabla avbrottstiden.',
  'graph.backups.dependsOn': 'är beroende av',
  'graph.backups.kind.none':
    'Ingen reserv med angiven tid; klarar sig {copes} h utan, får vara borta högst {acceptable} h.',
  'graph.backups.kind.short':
    'Reserven räcker {backup} h, men verksamheten får vara borta högst {acceptable} h; klarar sig {copes} h utan.',
  'graph.backups.siteSource': 'Reserven är platsens reservkraft.',

  'graph.chains.heading': 'Kedjor genom flera organisationer',
  'graph.chains.intro':
    'En verksamhet är beroende av en annan organisations verksamhet, som kan vara beroende av en tredjes. Flest organisationsgränser först; en kedja som är slutet på en längre visas inte för sig.',
  'graph.chains.none': 'Inga verksamheter är beroende av andra organisationers verksamheter.',
  'graph.chains.label': 'Kedja {number}: {crossings} organisationsgränser',
  'graph.chains.organisations': 'Organisationer i kedjan',
  'graph.chains.continues': 'Kedjan fortsätter; se grafen eller tabellen.',

  'graph.drawing.heading': 'Graf',
  'graph.drawing.label':
    'Beroendegraf med {nodes} noder och {edges} beroenden. Samma innehåll finns i tabellen längst ned.',
  'graph.drawing.notYet': 'Grafen ritas när sidan har laddats. Tabellen längst ned har samma innehåll.',
  'graph.drawing.tooLarge':
    'Grafen skulle få {count} noder, fler än {limit}, och ritas därför inte. Välj ett nätverk eller en organisation för att se den. Tabellen längst ned har alla beroenden.',
  'graph.drawing.empty': 'Det finns inga samhällsviktiga verksamheter att visa.',
  'graph.drawing.status': 'Grafen visar {nodes} noder och {edges} beroenden.',
  'graph.drawing.help':
    'Pilarna går från en verksamhet till det den är beroende av, med hur länge den klarar sig utan och hur länge reserven räcker. Dra i grafen för att flytta den; knapparna zoomar. Klicka på en verksamhet för att se vilken den är.',
  'graph.drawing.zoomIn': 'Zooma in',
  'graph.drawing.zoomOut': 'Zooma ut',
  'graph.drawing.fit': 'Visa hela grafen',
  'graph.drawing.selected': 'Vald: {name}',
  'graph.drawing.edgeLabel': 'klarar {copes} h · reserv {backup} h',
  'graph.legend.heading': 'Förklaring',
  'graph.legend.resource': 'Resurs (el, vatten, drivmedel …)',
  'graph.legend.outside': 'Verksamhet hos en organisation utanför urvalet (streckad kant)',
  'graph.legend.weak': 'Beroende utan tillräcklig reserv (röd streckad pil)',

  'graph.table.heading': 'Alla beroenden i tabellform',
  'graph.table.caption':
    'Beroenden: verksamhet, organisation, vad den är beroende av, hur länge den klarar sig och reserven',
  'graph.table.service': 'Verksamhet',
  'graph.table.organisation': 'Organisation',
  'graph.table.dependsOn': 'Beroende av',
  'graph.table.copes': 'Klarar sig utan (h)',
  'graph.table.backup': 'Reserv',
  'graph.table.backupHours': 'Reserv (h)',
  'graph.table.weak': 'Svag punkt',
  'graph.table.acceptable': 'Får vara borta högst {hours} h',
  'graph.table.siteBackup': 'Reservkraft på platsen',
  'graph.table.weak.none': 'Ingen reserv med angiven tid',
  'graph.table.weak.short': 'Räcker kortare än {hours} h',
  'graph.table.count': '{count} beroenden.',
  'graph.table.countOne': '1 beroende.',
  'graph.table.range': 'Visar {first}–{last}.',
  'graph.table.empty': 'Inga beroenden är registrerade.',
  'graph.table.pages': 'Sidor i tabellen',
  'graph.table.previous': 'Föregående sida',
  'graph.table.next': 'Nästa sida',
  'graph.table.pageOf': 'Sida {page} av {pages}',
} as const

export const en: Record<keyof typeof sv, string> = {
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
  'graph.table.count': '{count} dependencies.',
  'graph.table.countOne': '1 dependency.',
  'graph.table.range': 'Showing {first}–{last}.',
  'graph.table.empty': 'No dependencies are registered.',
  'graph.table.pages': 'Pages of the table',
  'graph.table.previous': 'Previous page',
  'graph.table.next': 'Next page',
  'graph.table.pageOf': 'Page {page} of {pages}',
}
