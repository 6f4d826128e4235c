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
  'secondFactor.reset.submitFor': 'Nollställ tvåstegsverifiering för {name}',
  'secondFactor.reset.confirm':
    'Nollställa tvåstegsverifieringen för {name}? Personen loggas ut och får ställa in en ny app vid nästa inloggning. Gör det bara när du vet att det är personen själv som har bett om det.',
  'secondFactor.reset.done':
    'Tvåstegsverifieringen för {name} är nollställd. Personen ställer in en ny app vid nästa inloggning.',
  'secondFactor.column': 'Tvåsteg',
  'secondFactor.column.on': 'Aktiverad',
  'secondFactor.column.off': 'Inte aktiverad',
  'audit.entity.second_factor': 'Tvåstegsverifiering',
  'audit.action.enrol': 'aktiverad',
  'audit.action.replace': 'bytt till ny app',
  'audit.action.remove': 'nollställd',
  'audit.action.recovery_code_used': 'återställningskod använd',
  'audit.action.recovery_codes_renewed': 'nya återställningskoder',
}

export const en: Record<keyof typeof sv, string> = {
  'secondFactor.code.title': 'Enter the code from your app',
  'secondFactor.code.intro':
    'Your account is protected with two-step verification. Open the authenticator app on your phone and type the six-digit code for Områdesansvarsportalen.',
  'secondFactor.code.label': 'Code from the app',
  'secondFactor.code.hint': 'Six digits. The code changes every 30 seconds.',
  'secondFactor.code.submit': 'Continue',
  'secondFactor.code.wrong':
    'The code is wrong or has been used already. Wait for the next code in the app and check that the phone’s clock is right.',
  'secondFactor.code.format': 'Type the six digits from the app.',
  'secondFactor.code.throttled': 'Too many wrong codes. Try again in {minutes} minutes.',
  'secondFactor.recovery.title': 'Don’t have your phone?',
  'secondFactor.recovery.intro':
    'Use one of the recovery codes you saved when you turned on two-step verification. Each code works once.',
  'secondFactor.recovery.label': 'Recovery code',
  'secondFactor.recovery.hint': 'Twelve characters, for example abcd-efgh-ijkl.',
  'secondFactor.recovery.submit': 'Use the recovery code',
  'secondFactor.recovery.wrong': 'The recovery code is wrong or has been used already.',
  'secondFactor.recovery.left':
    'You signed in with a recovery code. You have {count} codes left. Create new codes here if you have few left.',
  'secondFactor.recovery.none':
    'Have neither your phone nor a recovery code? Ask the municipality’s coordinator to reset your two-step verification.',
  'secondFactor.cancel': 'Cancel and sign out',

  'secondFactor.title': 'Two-step verification',
  'secondFactor.required':
    'Your role gives access to sensitive information, so your account must be protected with two-step verification before you continue.',
  'secondFactor.optional':
    'Protect your account with a code from an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP) on top of the password.',
  'secondFactor.enrol.step1': '1. Add the account to the app',
  'secondFactor.enrol.scan': 'Scan the QR code with the authenticator app.',
  'secondFactor.enrol.qr': 'QR code that adds the account to the authenticator app',
  'secondFactor.enrol.manual': 'Cannot scan? Type this key into the app (time-based, 6 digits):',
  'secondFactor.enrol.step2': '2. Confirm with a code',
  'secondFactor.enrol.submit': 'Turn on two-step verification',
  'secondFactor.enrol.wrong':
    'The code does not match the key. Check that you scanned the right QR code and that the phone’s clock is right.',
  'secondFactor.enrol.broken': 'The form was broken. The page has a new key; add the account to the app again.',
  'secondFactor.codes.title': 'Save your recovery codes',
  'secondFactor.codes.intro':
    'Two-step verification is on. If you lose your phone you can sign in with one of these codes, once per code. Print them or keep them somewhere safe. They are shown only now.',
  'secondFactor.codes.caption': 'Recovery codes',
  'secondFactor.codes.continue': 'I have saved the codes, continue',
  'secondFactor.status.on': 'Two-step verification has been on since {date}.',
  'secondFactor.status.off': 'Two-step verification is off.',
  'secondFactor.status.codesLeft': 'Unused recovery codes: {count}.',
  'secondFactor.manage': 'Manage two-step verification',
  'secondFactor.turnOn': 'Turn on two-step verification',
  'secondFactor.renew.title': 'New recovery codes',
  'secondFactor.renew.intro': 'Replaces all your recovery codes with ten new ones. The old ones stop working.',
  'secondFactor.renew.submit': 'Create new recovery codes',
  'secondFactor.replace.title': 'Change phone or app',
  'secondFactor.replace.intro':
    'Add the account to the new app. The old app’s codes stop working, and you are signed out on your other devices.',
  'secondFactor.replace.start': 'Change app',
  'secondFactor.off.title': 'Turn off two-step verification',
  'secondFactor.off.intro': 'Your account is then protected by the password alone.',
  'secondFactor.off.submit': 'Turn off',
  'secondFactor.off.done': 'Two-step verification is off.',
  'secondFactor.off.notAllowed': 'Your role requires two-step verification, so it cannot be turned off.',
  'secondFactor.confirmLabel': 'Code from the app, to confirm',
  'secondFactor.reset.submitFor': 'Reset two-step verification for {name}',
  'secondFactor.reset.confirm':
    'Reset two-step verification for {name}? They are signed out and set up a new app at their next sign-in. Do it only when you know the person asked for it themselves.',
  'secondFactor.reset.done': 'Two-step verification for {name} is reset. They set up a new app at their next sign-in.',
  'secondFactor.column': 'Two-step',
  'secondFactor.column.on': 'On',
  'secondFactor.column.off': 'Off',
  'audit.entity.second_factor': 'Two-step verification',
  'audit.action.enrol': 'turned on',
  'audit.action.replace': 'moved to a new app',
  'audit.action.remove': 'reset',
  'audit.action.recovery_code_used': 'recovery code used',
  'audit.action.recovery_codes_renewed': 'new recovery codes',
}
