// The accessibility statement (tillgänglighetsredogörelse), as the law on
// accessible digital public services (2018:1937) and Digg's model ask for it.
// (Keys under `a11y.`; this file is named after them.)
export const sv = {
  'a11y.footerLink': 'Tillgänglighetsredogörelse',
  'a11y.title': 'Tillgänglighet för Områdesansvarsportalen',
  'a11y.intro':
    '{municipality} står bakom Områdesansvarsportalen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur portalen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister den har och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
  'a11y.how.title': 'Hur tillgänglig är portalen?',
  'a11y.how.text':
    'Portalen är delvis förenlig med lagen om tillgänglighet till digital offentlig service. Det mesta går att använda med tangentbord, skärmläsare, förstoring och på en liten mobilskärm. Bristerna finns i kartorna, beroendegrafen och PDF-filerna och beskrivs nedan, tillsammans med hur du kommer åt samma uppgifter på annat sätt.',
  'a11y.help.title': 'Vad kan du göra om du inte kan använda delar av portalen?',
  'a11y.help.text':
    'Om du behöver innehåll från portalen i ett annat format, eller inte kan använda en funktion, kontakta oss så hjälper vi dig. Skriv till {contact}. Vi svarar inom två arbetsdagar.',
  'a11y.report.title': 'Rapportera brister i portalens tillgänglighet',
  'a11y.report.text':
    'Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss på {contact} så att vi får veta att problemet finns.',
  'a11y.supervision.title': 'Tillsyn',
  'a11y.supervision.text':
    'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du',
  'a11y.supervision.link': 'anmäla bristande tillgänglighet till Digg',
  'a11y.technical.title': 'Teknisk information om portalens tillgänglighet',
  'a11y.technical.text':
    'Portalen är delvis förenlig med WCAG 2.1 på nivå AA (EN 301 549), på grund av de brister som beskrivs nedan.',
  'a11y.gaps.title': 'Innehåll som inte är tillgängligt',
  'a11y.gaps.map':
    'Kartorna (platskartan, scenariernas påverkanskarta, lägesbildens karta och kartan där en inrapportör sätter en nål) går att panorera och zooma med tangentbordet, men platserna i själva kartbilden når man inte med tangentbord eller skärmläsare (WCAG 2.1.1, 1.1.1). Samma uppgifter finns som text: katalogen och organisationssidorna listar platserna, scenariets resultat finns som tabell, veckobilden visar antal per område i tabell, och en rapport kan ges ett område ur en lista eller telefonens position i stället för en nål.',
  'a11y.gaps.graph':
    'Beroendegrafen är en bild (WCAG 1.1.1, 2.1.1). Samma beroenden finns som tabell under grafen och på varje verksamhets sida.',
  'a11y.gaps.pdf':
    'PDF-filerna (RSA-rapporten och lägesbildens versioner) saknar taggar för skärmläsare (WCAG 1.3.1). Samma innehåll finns som webbsida i portalen, och det är webbsidan som gäller.',
  'a11y.gaps.mapTiles':
    'Kartbilderna kommer från en extern karttjänst; deras kontrast och texter kan vi inte påverka (WCAG 1.4.3).',
  'a11y.tested.title': 'Hur vi testat portalen',
  'a11y.tested.text':
    'Vi har själva granskat portalen. Vid varje ändring öppnar automatiska tester varje sida som varje roll kan nå och kontrollerar den med axe (WCAG 2.1 A och AA) och att den ryms i fönstrets bredd utan att rullas i sidled, både på en bred skärm (1280 pixlar) och en liten mobil (360 pixlar). Huvudflödena (logga in, ändra en kontaktväg, skicka en rapport som inrapportör, svara på en mötesinbjudan) testas med enbart tangentbord, och flera flöden på en liten mobilskärm.',
  'a11y.tested.dates':
    'Den senaste bedömningen gjordes den 27 november 2026. Redogörelsen uppdaterades senast den 27 november 2026.',
  'a11y.meta.title': 'Tillgänglighetsredogörelse',
}
