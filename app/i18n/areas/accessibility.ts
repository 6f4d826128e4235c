// The accessibility statement (tillgänglighetsredogörelse), as the law on
// accessible digital public services (2018:1937) and Digg's model ask for it.
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
    'Vi har själva granskat portalen. Vid varje ändring körs automatiska tester med axe (WCAG 2.1 A och AA) på varje sida som testerna öppnar, och flera av flödena testas på en liten mobilskärm.',
  'a11y.tested.dates':
    'Den senaste bedömningen gjordes den 27 november 2026. Redogörelsen uppdaterades senast den 27 november 2026.',
}

export const en: Record<keyof typeof sv, string> = {
  'a11y.footerLink': 'Accessibility statement',
  'a11y.title': 'Accessibility of the Area Responsibility Portal',
  'a11y.intro':
    '{municipality} runs the Area Responsibility Portal. We want as many people as possible to be able to use it. This page describes how the portal complies with the Swedish act (2018:1937) on accessibility of digital public services, its known shortcomings, and how you can report problems to us so that we can fix them.',
  'a11y.how.title': 'How accessible is the portal?',
  'a11y.how.text':
    'The portal partially complies with the act on accessibility of digital public services. Most of it works with a keyboard, a screen reader, magnification and on a small phone screen. The shortcomings are in the maps, the dependency graph and the PDF files; they are described below, with how to reach the same information another way.',
  'a11y.help.title': 'What can you do if you cannot use parts of the portal?',
  'a11y.help.text':
    'If you need content from the portal in another format, or cannot use a feature, contact us and we will help you. Write to {contact}. We answer within two working days.',
  'a11y.report.title': 'Report accessibility problems',
  'a11y.report.text':
    'We keep working to improve accessibility. If you find problems not described on this page, or think we do not meet the requirements of the law, tell us at {contact} so that we know about the problem.',
  'a11y.supervision.title': 'Supervision',
  'a11y.supervision.text':
    'The Agency for Digital Government (Digg) supervises the act on accessibility of digital public services. If you are not satisfied with how we handle your comments, you can',
  'a11y.supervision.link': 'report a lack of accessibility to Digg',
  'a11y.technical.title': 'Technical information about the portal’s accessibility',
  'a11y.technical.text':
    'The portal partially complies with WCAG 2.1 level AA (EN 301 549), because of the shortcomings described below.',
  'a11y.gaps.title': 'Content that is not accessible',
  'a11y.gaps.map':
    'The maps (the site map, the scenarios’ impact map, the situation picture’s map and the map where an informant drops a pin) can be panned and zoomed with the keyboard, but the places in the map image cannot be reached with a keyboard or a screen reader (WCAG 2.1.1, 1.1.1). The same information is available as text: the directory and the organisation pages list the sites, a scenario’s result is a table, the weekly picture shows counts per area in a table, and a report can take an area from a list or the phone’s position instead of a pin.',
  'a11y.gaps.graph':
    'The dependency graph is a picture (WCAG 1.1.1, 2.1.1). The same dependencies are listed in a table below the graph and on each service’s page.',
  'a11y.gaps.pdf':
    'The PDF files (the RSA report and the situation picture’s versions) have no tags for screen readers (WCAG 1.3.1). The same content is a web page in the portal, and the web page is the authoritative version.',
  'a11y.gaps.mapTiles':
    'The map images come from an external map service; we cannot change their contrast or text (WCAG 1.4.3).',
  'a11y.tested.title': 'How we tested the portal',
  'a11y.tested.text':
    'We reviewed the portal ourselves. On every change, automated tests with axe (WCAG 2.1 A and AA) run on every page the tests open, and several of the flows are tested on a small phone screen.',
  'a11y.tested.dates':
    'The latest assessment was made on 27 November 2026. The statement was last updated on 27 November 2026.',
}
