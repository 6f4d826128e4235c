// Messages of the yearly report on the use of the state grant (ersättning):
// the report page, its forms and its CSV file.
export const sv = {
  'grantReport.heading': 'Redovisning av statlig ersättning {year}',
  'grantReport.metaTitle': 'Ersättning {year}',
  'grantReport.intro':
    'Aktiviteter som den statliga ersättningen finansierade under {year}, efter MSB:s kategorier. Portalen listar möten, övningar, utvärderingar, RSA-arbete och lägesrapporter själv; lägg till egna poster och ange timmar och kostnader där de är kända.',
  'grantReport.years': 'År i mandatperioden',
  'grantReport.print': 'Skriv ut',
  'grantReport.csvLink': 'Ladda ner som CSV',
  'grantReport.activities': 'Aktiviteter per kategori',
  'grantReport.none': 'Inga aktiviteter under {year} ännu.',
  'grantReport.tableCaption': '{category} {year}',
  'grantReport.scrollRegion': 'Tabell: {caption}',

  'grantReport.column.date': 'Datum',
  'grantReport.column.activity': 'Aktivitet',
  'grantReport.column.participants': 'Deltagare',
  'grantReport.column.hours': 'Timmar',
  'grantReport.column.cost': 'Kostnad (kr)',
  'grantReport.column.source': 'Källa',
  'grantReport.column.category': 'Kategori',
  'grantReport.column.count': 'Antal aktiviteter',
  'grantReport.wholeYear': 'Hela året',
  'grantReport.notes': 'Anteckning: {notes}',

  'grantReport.source.portal': 'Från portalen',
  'grantReport.source.own': 'Egen post',

  'grantReport.kind.exerciseEvent': 'Övning (händelse)',
  'grantReport.kind.evaluation': 'Utvärdering av övning',
  'grantReport.kind.rsaShared': 'RSA sammanställd och delad',
  'grantReport.kind.rsaFollowUp': 'Uppföljning av åtgärdsplanen',
  'grantReport.kind.situationReports': 'Lägesrapporter till Länsstyrelsen',
  'grantReport.reportCount': { one: '{count} lägesrapport', other: '{count} lägesrapporter' },
  'grantReport.attendance': '{count} närvarande',

  'grantReport.totals': 'Summor',
  'grantReport.totalsCaption': 'Summa per kategori {year}',
  'grantReport.total': 'Totalt',

  'grantReport.setHours': 'Ange timmar och kostnad',
  'grantReport.edit': 'Ändra',
  'grantReport.meetings.heading': 'Timmar och kostnad för möten från portalen',
  'grantReport.meetings.hint':
    'Ange kommunens nedlagda timmar och kostnader för mötena som portalen listar. Lämna ett fält tomt om uppgiften inte är känd.',
  'grantReport.meetings.none': 'Portalen listar inga möten under året.',
  'grantReport.meetings.save': 'Spara',

  'grantReport.field.category': 'Kategori',
  'grantReport.field.title': 'Aktivitet',
  'grantReport.field.date': 'Datum',
  'grantReport.field.dateHint': 'ÅÅÅÅ-MM-DD under {year}. Lämna tomt för en post som gäller hela året.',
  'grantReport.field.hours': 'Timmar',
  'grantReport.field.hoursHint': 'Högst en decimal, till exempel 2,5.',
  'grantReport.field.cost': 'Kostnad i kronor',
  'grantReport.field.costHint': 'Hela kronor, till exempel 12 500.',
  'grantReport.field.notes': 'Anteckning',

  'grantReport.own.heading': 'Lägg till en egen post',
  'grantReport.own.hint':
    'En aktivitet som portalen inte känner till, till exempel en utbildning hos en annan arrangör eller kommunens del av Länsstyrelsens övning.',
  'grantReport.own.editHeading': 'Ändra egen post',
  'grantReport.own.add': 'Lägg till',
  'grantReport.own.save': 'Spara ändringen',
  'grantReport.own.delete': 'Ta bort posten',
  'grantReport.own.cancel': 'Avbryt',

  'grantReport.saved.meeting': 'Timmar och kostnad är sparade.',
  'grantReport.saved.created': 'Posten är tillagd.',
  'grantReport.saved.updated': 'Posten är ändrad.',
  'grantReport.saved.deleted': 'Posten är borttagen.',
  'grantReport.conflict':
    'Någon annan har ändrat uppgifterna sedan du öppnade sidan. Dina värden står kvar och under varje ändrat fält står det nuvarande värdet. Spara igen för att ersätta det.',
  'grantReport.conflictDelete':
    'Posten har ändrats sedan du öppnade sidan och togs därför inte bort. Så här ser den ut nu; ta bort den igen om du fortfarande vill.',

  'grantReport.error.hours': 'Ange timmar som ett tal från 0 och uppåt med högst en decimal, till exempel 2,5.',
  'grantReport.error.cost': 'Ange kostnaden i hela kronor från 0 och uppåt, till exempel 12 500.',
  'grantReport.error.dateInYear': 'Välj ett datum under det år som redovisningen gäller.',

  'grantReport.csv.category': 'kategori',
  'grantReport.csv.date': 'datum',
  'grantReport.csv.activity': 'aktivitet',
  'grantReport.csv.participants': 'deltagare',
  'grantReport.csv.hours': 'timmar',
  'grantReport.csv.cost': 'kostnad',
  'grantReport.csv.source': 'källa',
} as const
