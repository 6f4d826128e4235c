// Messages of the event room's call-out, call list and status reports
// (through the portal and through a status link).
// (Keys under `eventReport.`; this file is named after them.)
export const sv = {
  'eventReport.form.current': 'Senast rapporterat {time}:',
  'eventReport.form.notReported': 'Inte rapporterad i händelsen än.',
  'eventReport.form.status': 'Läge',
  'eventReport.form.backupHoursLeft': 'Timmar kvar på reserv',
  'eventReport.form.backupHoursHint': 'Fyll i när läget är På reserv, till exempel 10 eller 2,5.',
  'eventReport.form.expected': 'Väntas åter i drift (valfritt)',
  'eventReport.form.expectedHint': 'Svensk tid. Fyll i både datum och klockslag.',
  'eventReport.form.expectedDate': 'Datum',
  'eventReport.form.expectedTime': 'Klockslag',
  'eventReport.form.note': 'Kort anteckning (valfritt)',
  'eventReport.form.noteHint': 'Högst 500 tecken.',
  'eventReport.form.needs': 'Behov',
  'eventReport.form.needsOther': 'Annat behov (valfritt)',
  'eventReport.form.submit': 'Skicka lägesrapport',
  'eventReport.form.onlyChanged':
    'Bara verksamheter vars uppgifter ändras sparas som en ny rapport. Tidigare rapporter finns kvar som historik.',
  'eventReport.form.noServices':
    'Organisationen har inga samhällsviktiga verksamheter i registret. Lägg in dem under organisationen för att kunna rapportera.',
  'eventReport.form.noServicesLink':
    'Organisationen har inga samhällsviktiga verksamheter i portalens register. Kontakta kommunens tjänsteperson i beredskap.',
  'eventReport.saved': 'Lägesrapporten sparades {time}. Verksamheter i rapporten: {count}.',

  'eventReport.error.backupHoursRequired': 'Fyll i hur många timmar reserven räcker.',
  'eventReport.error.backupHours': 'Skriv antalet timmar som ett tal, 0 eller mer, till exempel 10 eller 2,5.',
  'eventReport.error.expectedBoth': 'Fyll i både datum och klockslag, eller inget av dem.',
  'eventReport.error.expectedInvalid': 'Den tiden finns inte. Skriv datum som ÅÅÅÅ-MM-DD och klockslag som TT:MM.',
  'eventReport.error.expectedPast': 'Tiden har redan passerat. Skriv när verksamheten väntas vara i drift igen.',
  'eventReport.error.noChange':
    'Inget har ändrats sedan den senaste rapporten. Ändra uppgifterna för minst en verksamhet innan du skickar.',
  'eventReport.error.ended': 'Händelsen är avslutad och tar inte emot fler lägesrapporter.',
  'eventReport.error.unknownRoute': 'Kontaktvägen finns inte längre i samtalslistan. Ladda om sidan.',

  'eventReport.page.title': 'Rapportera läget',
  'eventReport.page.intro':
    'Rapportera läget för organisationens samhällsviktiga verksamheter. Rapporten stämplas med serverns tid och syns direkt för dem som leder händelsen.',
  'eventReport.page.organisation': 'Organisation',
  'eventReport.page.show': 'Visa',
  'eventReport.page.for': 'Lägesrapport för {organisation}',
  'eventReport.page.ended': 'Händelsen är avslutad. Rapporterna finns kvar, men inga nya kan lämnas.',

  'eventReport.link.title': 'Lägesrapport',
  'eventReport.link.invalid':
    'Länken fungerar inte. Den kan vara felskriven, händelsen kan vara avslutad eller organisationen inte längre med i den. Kontakta kommunens tjänsteperson i beredskap.',
  'eventReport.link.exercise': 'ÖVNING – detta är en övning, inte en verklig händelse.',
  'eventReport.link.event': 'Händelse: {title}',
  'eventReport.link.level': 'Nivå: {level}',
  'eventReport.link.intro':
    'Du rapporterar för {organisation}. Länken kräver ingen inloggning och gäller tills händelsen avslutas; dela den inte utanför organisationen.',
  'eventReport.link.signIn': 'Har du ett konto i portalen? Logga in för att se hela händelsen.',

  'eventReport.callout.title': 'Utlarmning',
  'eventReport.callout.intro':
    'Utlarmningen skickar e-post till varje deltagande organisations ISK- och TiB/24/7-adresser och redaktörer, med en egen länk där organisationen rapporterar läget utan att logga in. Ring sedan samtalslistan nedan.',
  'eventReport.callout.submit': 'Larma ut {count} organisationer nu',
  'eventReport.callout.submitExercise': 'Larma ut {count} organisationer nu (ÖVNING)',
  'eventReport.callout.hint':
    'Varje utlarmning skickar ny e-post med nya länkar. Tidigare länkar fortsätter att fungera.',
  'eventReport.callout.last': 'Senast utlarmad: {time}.',
  'eventReport.callout.never': 'Ingen utlarmning har gjorts än.',
  'eventReport.callout.done':
    'Utlarmningen gick ut till {organisations} organisationer. E-post skickad: {sent}. Misslyckades: {failed}.',
  'eventReport.callout.withoutEmail': 'Utan e-postadress för utlarmning – ring dem: {names}.',
  'eventReport.callout.noOrganisations': 'Inga organisationer deltar i händelsen än.',
  'eventReport.callout.ended': 'Händelsen är avslutad: ingen utlarmning kan göras och inga samtal registreras.',

  'eventReport.calls.title': 'Samtalslista',
  'eventReport.calls.intro':
    'ISK, TiB/24/7 och växel hos de deltagande organisationerna, i ringordning. Registrera hur varje samtal gick; tiden sätts av servern.',
  'eventReport.calls.print': 'Skriv ut',
  'eventReport.calls.savedAt':
    'Hämtad {time}. Listan sparas i den här webbläsaren och går att läsa utan anslutning tills du loggar ut.',
  'eventReport.calls.offlineNotice':
    'Ingen anslutning: det här är den senast sparade samtalslistan. Samtal kan inte registreras förrän anslutningen är tillbaka.',
  'eventReport.calls.printedAt': 'Utskriven {time}',
  'eventReport.calls.route': 'Kontaktväg',
  'eventReport.calls.number': 'Nummer',
  'eventReport.calls.last': 'Senaste samtal',
  'eventReport.calls.record': 'Registrera samtal',
  'eventReport.calls.noRoutes': 'Ingen ISK, TiB eller växel med telefon eller Rakel i registret.',
  'eventReport.calls.notCalled': 'Inte ringd',
  'eventReport.calls.by': 'av {name}',
  'eventReport.calls.restricted': 'Begränsad',
  'eventReport.calls.calledOut': 'Utlarmad {time}',
  'eventReport.calls.notCalledOut': 'Inte utlarmad',
  'eventReport.calls.note': 'Anteckning',
  'eventReport.calls.routeName': '{organisation}, {function}',
  'eventReport.calls.recorded': 'Samtalet registrerades {time}.',
  'eventReport.calls.empty': 'Inga organisationer deltar i händelsen än.',
  'eventReport.meta.title': 'Lägesrapport',
} as const
