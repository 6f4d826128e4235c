// Messages of this area, in both languages; keys are prefixed with the area.
// Sites (platser), critical services (samhällsviktig verksamhet) and their
// dependencies (kritiska beroenden).
// (Keys under `deps.`; this file is named after them.)
export const sv = {
  'deps.saved': 'Beroendet är sparat.',
  'deps.removed': 'Beroendet är borttaget.',
  'deps.title': 'Kritiska beroenden',
  'deps.none': 'Inga beroenden är registrerade.',
  'deps.addTitle': 'Lägg till ett beroende',
  'deps.editTitle': 'Ändra beroendet',
  'deps.add': 'Lägg till beroendet',
  'deps.save': 'Spara beroendet',
  'deps.edit': 'Ändra',
  'deps.delete': 'Ta bort',
  'deps.namedItem': 'beroendet av {target}',
  'deps.conflict':
    'Någon annan har ändrat beroendet medan du redigerade. Dina ändringar är inte sparade men finns kvar i formuläret. Jämför med de nuvarande värdena nedan och spara igen.',
  'deps.deleteConflict':
    'Beroendet har ändrats av någon annan sedan du öppnade sidan och är inte borttaget. Kontrollera uppgifterna och försök igen.',
  'deps.target.legend': 'Verksamheten är beroende av',
  'deps.target.hint': 'Välj antingen en resurs eller en annan organisations samhällsviktiga verksamhet – inte båda.',
  'deps.field.resource': 'Resurs',
  'deps.field.service': 'En annan organisations verksamhet',
  'deps.chooseNone': '– Ingen –',
  'deps.field.copesHours': 'Klarar sig utan, timmar',
  'deps.field.copesHint': 'Hur många timmar verksamheten klarar sig utan beroendet, innan någon reserv behövs.',
  'deps.field.backupDescription': 'Reserv eller redundans',
  'deps.field.backupHint':
    'Till exempel reservkraftverk, UPS, reservbränsle eller avtal om ersättningspersonal. Lämna tomt om reserv saknas.',
  'deps.field.backupHours': 'Reserven räcker, timmar',
  'deps.target.neither': 'Välj en resurs eller en annan organisations verksamhet.',
  'deps.target.both': 'Välj antingen en resurs eller en verksamhet, inte båda.',
  'deps.target.ownService':
    'Välj en verksamhet hos en annan organisation. Den egna organisationens verksamheter hör till den egna kontinuitetsplaneringen.',
  'deps.target.unknown': 'Verksamheten finns inte längre. Välj en annan.',
  'deps.backup.describe': 'Beskriv reserven när du anger hur länge den räcker.',
  'deps.service.gone': 'Verksamheten finns inte längre.',
  'deps.on': '{service} – {organisation}',
  'deps.copes': 'Klarar sig utan',
  'deps.backup': 'Reserv',
  'deps.backupNone': 'Ingen reserv',
  'deps.backupValue': '{description}, räcker {hours} timmar',
  'deps.backupNoHours': '{description}, tid ej angiven',
  'deps.weak.none': 'Svag punkt: ingen reserv med angiven tid. Verksamheten får vara borta högst {acceptable} timmar.',
  'deps.weak.short':
    'Svag punkt: reserven räcker {backup} timmar, kortare än den acceptabla avbrottstiden på {acceptable} timmar.',
  'deps.weak.shortSite':
    'Svag punkt: platsens reservkraft räcker {backup} timmar, kortare än den acceptabla avbrottstiden på {acceptable} timmar.',
  'deps.search.label': 'Sök bland andra organisationers verksamheter',
  'deps.search.submit': 'Sök',
  'deps.search.more': 'Listan visar de första {count} verksamheterna. Sök för att hitta fler.',
} as const
