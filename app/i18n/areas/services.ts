// Messages of this area, in both languages; keys are prefixed with the area.
// Sites (platser), critical services (samhällsviktig verksamhet) and their
// dependencies (kritiska beroenden).
// (Keys under `services.`; this file is named after them.)
export const sv = {
  'services.title': 'Samhällsviktig verksamhet',
  'services.none': 'Ingen samhällsviktig verksamhet är registrerad.',
  'services.add': 'Lägg till verksamhet',
  'services.newTitle': 'Ny samhällsviktig verksamhet för {organisation}',
  'services.editTitle': 'Ändra verksamheten {name}',
  'services.manage': 'Ändra verksamheten och dess beroenden',
  'services.manageNamed': ' – {name}',
  'services.details': 'Uppgifter om verksamheten',
  'services.save': 'Spara verksamheten',
  'services.delete': 'Ta bort verksamheten',
  'services.deleteHint': 'Verksamhetens beroenden tas bort tillsammans med den.',
  'services.conflict':
    'Någon annan har ändrat verksamheten medan du redigerade. Dina ändringar är inte sparade men finns kvar i formuläret. Jämför med de nuvarande värdena nedan och spara igen.',
  'services.deleteConflict':
    'Verksamheten har ändrats av någon annan sedan du öppnade sidan och är inte borttagen. Kontrollera uppgifterna och försök igen.',
  'services.delete.inUse':
    'Verksamheten kan inte tas bort eftersom andra organisationers verksamheter är beroende av den (se listan nedan). De behöver ändra sina beroenden först; samordnaren kan hjälpa till.',
  'services.field.sector': 'Sektor',
  'services.field.acceptableOutage': 'Acceptabel avbrottstid, timmar',
  'services.field.acceptableOutageHint':
    'Hur länge verksamheten kan vara avbruten innan liv, hälsa eller samhällets funktionalitet tar skada.',
  'services.field.peopleServed': 'Antal personer som verksamheten når',
  'services.field.hasContinuityPlan': 'Det finns en kontinuitetsplan',
  'services.field.exercisedOn': 'Kontinuitetsplanen övades senast',
  'services.field.exercisedHint': 'Datum som ÅÅÅÅ-MM-DD. Lämna tomt om planen inte har övats.',
  'services.field.sites': 'Platser där verksamheten bedrivs',
  'services.field.sitesNone':
    'Organisationen har inga platser ännu. Lägg till platser först om verksamheten ska knytas till dem.',
  'services.outage.range': 'Den acceptabla avbrottstiden ska vara större än 0 timmar och högst 100 000.',
  'services.people.range': 'Antalet personer är ett heltal som inte är negativt.',
  'services.exercised.future': 'Datumet kan inte ligga i framtiden.',
  'services.exercised.withoutPlan':
    'Ett övningsdatum förutsätter en kontinuitetsplan. Kryssa i att planen finns eller töm datumet.',
  'services.sites.foreign': 'Välj bara platser som hör till organisationen.',
  'services.sector': 'Sektor',
  'services.acceptableOutage': 'Acceptabel avbrottstid',
  'services.styrel': 'Styrelklass',
  'services.peopleServed': 'Personer som berörs',
  'services.continuityPlan': 'Kontinuitetsplan',
  'services.planExercised': 'Ja, senast övad {date}',
  'services.planNotExercised': 'Ja, inte övad',
  'services.noPlan': 'Nej',
  'services.sites': 'Platser',
  'services.noSites': 'Ingen plats angiven',
  'services.hours': '{hours} timmar',
  'services.notGiven': 'Ej angivet',
  'services.dependents': 'Andra verksamheter som är beroende av den här',
  'services.dependentItem': '{service} ({organisation}) klarar sig {hours} timmar utan den',
  'services.shortfallSummary':
    'Varning: {count} av beroendena saknar en reserv som räcker den acceptabla avbrottstiden.',

  'services.meta.fallback': 'Verksamhet',
  'services.meta.new': 'Ny verksamhet – {organisation}',
} as const
