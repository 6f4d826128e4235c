// Messages of the dependency graph page (/beroenden), in both languages.
// (Keys under `graph.`; this file is named after them.)
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
  'graph.table.count': { one: '{count} beroende.', other: '{count} beroenden.' },
  'graph.table.range': 'Visar {first}–{last}.',
  'graph.table.empty': 'Inga beroenden är registrerade.',
  'graph.table.pages': 'Sidor i tabellen',
  'graph.table.previous': 'Föregående sida',
  'graph.table.next': 'Nästa sida',
  'graph.table.pageOf': 'Sida {page} av {pages}',
} as const
