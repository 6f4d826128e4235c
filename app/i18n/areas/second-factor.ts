// Messages of the second factor (authenticator app and recovery codes), in both languages.
export const sv = {
  'secondFactor.code.title': 'Ange koden från din app',
  'secondFactor.code.intro':
    'Ditt konto skyddas med tvåstegsverifiering. Öppna autentiseringsappen i telefonen och skriv in den sexsiffriga koden för Områdesansvarsportalen.',
  'secondFactor.code.label': 'Kod från appen',
  'secondFactor.code.hint': 'Sex siffror. Koden byts var 30:e sekund.',
  'secondFactor.code.submit': 'Fortsätt',
  'secondFactor.code.wrong':
    'Koden stämmer inte eller har redan använts. Vänta på nästa kod i appen och kontrollera att telefonens klocka går rätt.',
  'secondFactor.code.format': 'Skriv de sex siffrorna från appen.',
  'secondFactor.code.throttled': 'För många felaktiga koder. Försök igen om {minutes} minuter.',
  'secondFactor.recovery.title': 'Har du inte telefonen?',
  'secondFactor.recovery.intro':
    'Använd en av återställningskoderna du sparade när du aktiverade tvåstegsverifieringen. Varje kod fungerar en gång.',
  'secondFactor.recovery.label': 'Återställningskod',
  'secondFactor.recovery.hint': 'Tolv tecken, till exempel abcd-efgh-ijkl.',
  'secondFactor.recovery.submit': 'Använd återställningskoden',
  'secondFactor.recovery.wrong': 'Återställningskoden stämmer inte eller har redan använts.',
  'secondFactor.recovery.left':
    'Du loggade in med en återställningskod. Du har {count} koder kvar. Skapa nya koder här om du har få kvar.',
  'secondFactor.recovery.none':
    'Har du varken telefonen eller någon återställningskod? Be samordnaren i kommunen att nollställa din tvåstegsverifiering.',
  'secondFactor.cancel': 'Avbryt och logga ut',

  'secondFactor.title': 'Tvåstegsverifiering',
  'secondFactor.required':
    'Din roll ger åtkomst till känsliga uppgifter, så ditt konto måste skyddas med tvåstegsverifiering innan du kan fortsätta.',
  'secondFactor.optional':
    'Skydda ditt konto med en kod från en autentiseringsapp i telefonen (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP) utöver lösenordet.',
  'secondFactor.enrol.step1': '1. Lägg till kontot i appen',
  'secondFactor.enrol.scan': 'Skanna QR-koden med autentiseringsappen.',
  'secondFactor.enrol.qr': 'QR-kod för att lägga till kontot i autentiseringsappen',
  'secondFactor.enrol.manual': 'Kan du inte skanna? Skriv in den här nyckeln i appen (tidsbaserad, 6 siffror):',
  'secondFactor.enrol.step2': '2. Bekräfta med en kod',
  'secondFactor.enrol.submit': 'Aktivera tvåstegsverifiering',
  'secondFactor.enrol.wrong':
    'Koden stämmer inte med nyckeln. Kontrollera att du skannade rätt QR-kod och att telefonens klocka går rätt.',
  'secondFactor.enrol.broken':
    'Formuläret var trasigt. Sidan har laddats om med en ny nyckel; lägg till kontot i appen igen.',
  'secondFactor.codes.title': 'Spara dina återställningskoder',
  'secondFactor.codes.intro':
    'Tvåstegsverifieringen är aktiverad. Om du tappar telefonen kan du logga in med en av de här koderna, en gång per kod. Skriv ut dem eller spara dem på ett säkert ställe. De visas bara nu.',
  'secondFactor.codes.caption': 'Återställningskoder',
  'secondFactor.codes.continue': 'Jag har sparat koderna, fortsätt',
  'secondFactor.status.on': 'Tvåstegsverifiering är aktiverad sedan {date}.',
  'secondFactor.status.off': 'Tvåstegsverifiering är inte aktiverad.',
  'secondFactor.status.codesLeft': 'Oanvända återställningskoder: {count}.',
  'secondFactor.manage': 'Hantera tvåstegsverifiering',
  'secondFactor.turnOn': 'Aktivera tvåstegsverifiering',
  'secondFactor.renew.title': 'Nya återställningskoder',
  'secondFactor.renew.intro': 'Ersätter alla dina återställningskoder med tio nya. De gamla slutar fungera.',
  'secondFactor.renew.submit': 'Skapa nya återställningskoder',
  'secondFactor.replace.title': 'Byt telefon eller app',
  'secondFactor.replace.intro':
    'Lägg till kontot i den nya appen. Den gamla appens koder slutar fungera, och du loggas ut på dina andra enheter.',
  'secondFactor.replace.start': 'Byt app',
  'secondFactor.off.title': 'Stäng av tvåstegsverifiering',
  'secondFactor.off.intro': 'Ditt konto skyddas då bara av lösenordet.',
  'secondFactor.off.submit': 'Stäng av',
  'secondFactor.off.done': 'Tvåstegsverifieringen är avstängd.',
  'secondFactor.off.notAllowed': 'Din roll kräver tvåstegsverifiering, så den kan inte stängas av.',
  'secondFactor.confirmLabel': 'Kod från appen, för att bekräfta',
  'secondFactor.confirm.legend': 'Bekräfta att det är du: en kod från appen du använder nu, eller ditt lösenord',
  'secondFactor.confirm.passwordLabel': 'Eller ditt lösenord',
  'secondFactor.confirm.passwordHint': 'Om du inte har telefonen med den nuvarande appen.',
  'secondFactor.confirm.missing': 'Skriv en kod från appen du använder nu, eller ditt lösenord.',
  'secondFactor.confirm.wrongPassword': 'Lösenordet stämmer inte.',
  'secondFactor.confirm.throttled': 'För många felaktiga försök. Försök igen om {minutes} minuter.',
  'secondFactor.reset.submitFor': 'Nollställ tvåstegsverifiering för {name}',
  'secondFactor.reset.confirm':
    'Nollställa tvåstegsverifieringen för {name}? Personen loggas ut och får ställa in en ny app vid nästa inloggning. Gör det bara när du vet att det är personen själv som har bett om det.',
  'secondFactor.reset.done':
    'Tvåstegsverifieringen för {name} är nollställd. Personen ställer in en ny app vid nästa inloggning.',
  'secondFactor.column': 'Tvåsteg',
  'secondFactor.column.on': 'Aktiverad',
  'secondFactor.column.off': 'Inte aktiverad',
}
