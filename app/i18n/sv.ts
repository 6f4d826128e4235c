// Swedish is the portal's first language; every key here must exist in en.ts.
// Areas keep their own messages in areas/*.ts, merged here.
import * as a11y from './areas/a11y'
import * as audit from './areas/audit'
import * as availability from './areas/availability'
import * as contactChannel from './areas/contact-channel'
import * as contactFunction from './areas/contact-function'
import * as contacts from './areas/contacts'
import * as council from './areas/council'
import * as councilAreas from './areas/council-areas'
import * as councilMeasures from './areas/council-measures'
import * as councilSources from './areas/council-sources'
import * as deps from './areas/deps'
import * as directory from './areas/directory'
import * as event from './areas/event'
import * as eventEvaluation from './areas/event-evaluation'
import * as eventLive from './areas/event-live'
import * as eventLog from './areas/event-log'
import * as eventMessages from './areas/event-messages'
import * as eventProjection from './areas/event-projection'
import * as eventReport from './areas/event-report'
import * as eventRoom from './areas/event-room'
import * as exports from './areas/export'
import * as grant from './areas/grant'
import * as grantReport from './areas/grant-report'
import * as graph from './areas/graph'
import * as imports from './areas/import'
import * as isf from './areas/isf'
import * as mandate from './areas/mandate'
import * as mandateCalendar from './areas/mandate-calendar'
import * as mandateDue from './areas/mandate-due'
import * as map from './areas/map'
import * as meeting from './areas/meeting'
import * as meetingFollowUp from './areas/meeting-follow-up'
import * as networks from './areas/networks'
import * as offline from './areas/offline'
import * as picker from './areas/picker'
import * as resource from './areas/resource'
import * as rsa from './areas/rsa'
import * as scenario from './areas/scenario'
import * as secondFactor from './areas/second-factor'
import * as sector from './areas/sector'
import * as services from './areas/services'
import * as siteKind from './areas/site-kind'
import * as sites from './areas/sites'
import * as situation from './areas/situation'
import * as situationReport from './areas/situation-report'
import * as staleness from './areas/staleness'
import * as training from './areas/training'
import * as trainingPlan from './areas/training-plan'
import * as visibility from './areas/visibility'

export const areas = [
  a11y,
  audit,
  availability,
  contactChannel,
  contactFunction,
  contacts,
  council,
  councilAreas,
  councilMeasures,
  councilSources,
  deps,
  directory,
  event,
  eventEvaluation,
  eventLive,
  eventLog,
  eventMessages,
  eventProjection,
  eventReport,
  eventRoom,
  exports,
  grant,
  grantReport,
  graph,
  imports,
  isf,
  mandate,
  mandateCalendar,
  mandateDue,
  map,
  meeting,
  meetingFollowUp,
  networks,
  offline,
  picker,
  resource,
  rsa,
  scenario,
  secondFactor,
  sector,
  services,
  siteKind,
  sites,
  situation,
  situationReport,
  staleness,
  training,
  trainingPlan,
  visibility,
] as const

const core = {
  'app.name': 'Områdesansvarsportalen',
  'app.skipToContent': 'Hoppa till innehållet',
  'app.mainNav': 'Huvudmeny',
  'app.signedInAs': 'Inloggad som {name}',
  'app.language': 'Språk',
  'app.languageSwitch': 'In English',
  'app.footer': 'Områdesansvarsportalen för kommunens geografiska områdesansvar och krisberedskap.',

  'nav.start': 'Start',
  'nav.organisations': 'Organisationer',
  'nav.map': 'Karta',
  'nav.directory': 'Katalog',
  'nav.networks': 'Nätverk',
  'nav.scenarios': 'Scenarier',
  'nav.dependencies': 'Beroenden',
  'nav.meetings': 'Möten',
  'nav.events': 'Händelser',
  'nav.rsa': 'RSA',
  'nav.council': 'Trygghet (BRÅ)',
  'nav.users': 'Användare',
  'nav.outbox': 'Utkorg',
  'nav.audit': 'Ändringslogg',
  'nav.staleness': 'Aktualitet',
  'nav.account': 'Mitt konto',
  'nav.signOut': 'Logga ut',
  'nav.menu': 'Meny',
  'nav.signIn': 'Logga in',

  'role.coordinator': 'Samordnare',
  'role.duty_officer': 'Tjänsteperson i beredskap (TiB)',
  'role.partner_editor': 'Redaktör för organisationen',
  'role.council_member': 'Ledamot i lokalt BRÅ',
  'role.informant': 'Inrapportör',
  'role.viewer': 'Läsare',

  'kind.municipality': 'Kommun',
  'kind.municipal_company': 'Kommunalt bolag',
  'kind.police': 'Polis',
  'kind.rescue_services': 'Räddningstjänst',
  'kind.county_board': 'Länsstyrelse',
  'kind.energy': 'Energi',
  'kind.water': 'Vatten',
  'kind.healthcare': 'Hälso- och sjukvård',
  'kind.school': 'Skola',
  'kind.company': 'Företag',
  'kind.network': 'Nätverk',
  'kind.voluntary': 'Frivilligorganisation',
  'kind.other': 'Övrigt',

  'field.email': 'E-postadress',
  'field.password': 'Lösenord',
  'field.name': 'Namn',
  'field.newPassword': 'Nytt lösenord',
  'field.currentPassword': 'Nuvarande lösenord',
  'field.organisation': 'Organisation',
  'field.role': 'Roll',
  'field.kind': 'Typ av organisation',
  'field.description': 'Beskrivning',
  'field.user': 'Användare',
  'field.from': 'Från och med',
  'field.to': 'Till och med',

  'validation.required': 'Fyll i fältet.',
  'validation.email': 'Skriv en giltig e-postadress, till exempel namn@example.org.',
  'validation.tooLong': 'Texten är för lång.',
  'validation.invalid': 'Kontrollera värdet.',
  'validation.choose': 'Välj ett alternativ i listan.',
  'validation.date': 'Skriv ett datum som ÅÅÅÅ-MM-DD.',
  'validation.formInvalid': 'Formuläret innehåller fel. Rätta fälten som är markerade.',
  'password.required': 'Skriv ett lösenord.',
  'password.tooShort': 'Lösenordet måste ha minst 8 tecken.',
  'password.tooLong': 'Lösenordet får ha högst 128 tecken.',
  'password.common':
    'Lösenordet är ett av de vanligaste lösenorden och gissas lätt. Välj ett annat, gärna flera ord i rad.',
  'password.hint': 'Minst 8 och högst 128 tecken. En lång fras är lättare att minnas än krångliga tecken.',

  'login.title': 'Logga in',
  'login.intro': 'Portalen är till för kommunen och dess samverkansaktörer. Konton skapas genom inbjudan.',
  'login.submit': 'Logga in',
  'login.invalid': 'Fel e-postadress eller lösenord.',
  'login.throttled': 'För många misslyckade försök. Vänta {minutes} minuter och försök igen.',
  'login.throttledSeconds': 'För många misslyckade försök. Vänta {seconds} sekunder och försök igen.',
  'login.forgot': 'Glömt lösenordet?',
  'login.signedOut': 'Du är utloggad.',
  'login.expired':
    'Din inloggning har gått ut. Den sparade kontaktlistan, utkast och rapporter som inte hann skickas har raderats från den här webbläsaren.',
  'login.sessionEnded': 'Logga in för att fortsätta.',

  'forgot.title': 'Glömt lösenordet',
  'forgot.intro': 'Skriv din e-postadress så skickar vi en länk för att välja ett nytt lösenord.',
  'forgot.submit': 'Skicka länk',
  'forgot.sent': 'Om adressen hör till ett konto har vi skickat en länk. Den gäller i en timme.',
  'forgot.throttled':
    'Du har bett om många länkar på kort tid. Försök igen om {minutes} minuter. Länkar du redan har fått gäller i en timme.',

  'reset.title': 'Välj nytt lösenord',
  'reset.submit': 'Spara lösenordet',
  'reset.invalid': 'Länken är ogiltig, redan använd eller för gammal. Be om en ny länk.',
  'reset.done': 'Lösenordet är bytt. Logga in med ditt nya lösenord.',

  'invite.acceptTitle': 'Välkommen till områdesansvarsportalen',
  'invite.acceptIntro': 'Du har bjudits in till {organisation} med rollen {role}.',
  'invite.acceptExisting': 'Du har redan ett konto. Bekräfta för att gå med i {organisation}.',
  'invite.acceptSubmit': 'Skapa konto och logga in',
  'invite.joinSubmit': 'Gå med',
  'invite.invalid': 'Inbjudan är ogiltig, redan använd eller för gammal. Be samordnaren om en ny inbjudan.',
  'invite.inactive': 'Kontot för den här adressen är avstängt. Kontakta samordnaren.',
  'invite.signInToAccept':
    'Det finns redan ett konto för {email}. Logga in som vanligt med ditt lösenord, så kommer du tillbaka hit och kan tacka ja.',
  'invite.signInLink': 'Logga in för att tacka ja',
  'invite.signInFirst': 'Logga in med kontot som inbjudan gäller innan du tackar ja.',
  'invite.wrongAccountIntro':
    'Du är inloggad som {name}, men inbjudan gäller kontot {email}. Logga ut och öppna länken i inbjudan igen för att logga in med rätt konto.',
  'invite.wrongAccount': 'Inbjudan gäller ett annat konto än det du är inloggad med.',

  'start.title': 'Start',
  'start.welcome': 'Välkommen, {name}',
  'start.yourOrganisations': 'Dina organisationer',
  'start.noMemberships': 'Du hör inte till någon organisation ännu.',
  'start.coordinatorTools': 'Samordnarens verktyg',
  'start.network': 'Nätverket har {count} organisationer.',

  'organisations.title': 'Organisationer',
  'organisations.intro': 'Aktörerna i kommunens nätverk för krisberedskap.',
  'organisations.count': '{count} organisationer',
  'organisations.create': 'Ny organisation',
  'organisations.members': 'Personer',
  'organisations.noMembers': 'Inga personer är kopplade till organisationen.',
  'organisations.edit': 'Redigera uppgifterna',
  'organisations.back': 'Tillbaka till {organisation}',
  'organisations.editTitle': 'Redigera {name}',
  'organisations.save': 'Spara',
  'organisations.saved': 'Uppgifterna är sparade.',
  'organisations.created': 'Organisationen är skapad.',
  'organisations.history': 'Ändringshistorik',
  'organisations.noDescription': 'Ingen beskrivning.',
  'organisations.conflict':
    'Någon annan har ändrat uppgifterna medan du redigerade. Dina ändringar är inte sparade men finns kvar i formuläret. Jämför med de nuvarande värdena nedan och spara igen.',
  'organisations.currentValue': 'Nuvarande värde: {value}',

  'users.title': 'Användare och inbjudningar',
  'users.invite': 'Bjud in en person',
  'users.inviteSubmit': 'Skicka inbjudan',
  'users.invited': 'Inbjudan till {email} är skickad.',
  'users.invitedOutbox':
    'Inbjudan till {email} ligger i utkorgen men är inte skickad: ingen e-postserver är inställd, och länken i den visas inte i utkorgen.',
  'users.inviteFailed':
    'Inbjudan till {email} är skapad men e-postservern tog inte emot meddelandet. Försök igen senare.',
  'users.alreadyMember': 'Personen hör redan till organisationen.',
  'users.pending': 'Väntande inbjudningar',
  'users.noPending': 'Inga väntande inbjudningar.',
  'users.expires': 'Gäller till',
  'users.all': 'Alla användare',
  'users.status': 'Status',
  'users.active': 'Aktiv',
  'users.inactive': 'Avstängd',
  'users.deactivate': 'Stäng av {name}',
  'users.activate': 'Aktivera {name}',
  'users.deactivated': '{name} är avstängd och alla inloggningar är avslutade.',
  'users.confirmDeactivate': 'Stäng av {name}? Alla personens inloggningar avslutas direkt.',
  'users.activated': '{name} är aktiverad igen.',
  'users.conflict': 'Användaren ändrades av någon annan. Sidan visar nu det aktuella läget.',
  'users.self': 'Du kan inte stänga av ditt eget konto.',
  'users.memberships': 'Organisationer och roller',
  'users.actions': 'Åtgärder',

  'outbox.title': 'Utkorg',
  'outbox.intro':
    'Portalen är inte ansluten till någon e-postserver, så den skickar inga e-postmeddelanden. Det som skulle ha skickats sparas här i stället.',
  'outbox.caption': 'De senaste meddelandena, nyast först (svensk tid)',
  'outbox.back': 'Tillbaka till utkorgen',
  'outbox.empty': 'Utkorgen är tom.',
  'outbox.to': 'Till',
  'outbox.subject': 'Ämne',
  'outbox.sent': 'Skapat',
  'outbox.state': 'Status',
  'outbox.state.kept': 'Inte skickat, sparat här',
  'outbox.linkWithheld':
    'Meddelandet innehåller en personlig länk (inbjudan, nytt lösenord, svar på möte eller kalender). Den visas inte här; bara mottagarens e-post får den.',

  'account.title': 'Mitt konto',
  'account.changePassword': 'Byt lösenord',
  'account.changed': 'Lösenordet är bytt. Dina andra inloggningar är avslutade.',
  'account.wrongCurrent': 'Det nuvarande lösenordet stämmer inte.',
  'account.throttled': 'För många felaktiga försök. Vänta en stund (högst 15 minuter) och försök igen.',

  'error.badRequestTitle': 'Felaktig begäran',
  'error.badRequestText': 'Det som skickades kunde inte tas emot. Ladda om sidan och försök igen.',
  'error.notFoundTitle': 'Sidan finns inte',
  'error.notFoundText': 'Vi hittar ingen sida på den adressen. Kontrollera adressen eller gå till startsidan.',
  'error.forbiddenTitle': 'Ingen åtkomst',
  'error.forbiddenText': 'Ditt konto har inte behörighet till den här sidan eller uppgiften.',
  'error.unauthorizedTitle': 'Inte inloggad',
  'error.unauthorizedText': 'Logga in för att fortsätta.',
  'error.tooLargeTitle': 'För mycket data',
  'error.tooLargeText': 'Det du skickade var för stort.',
  'error.genericTitle': 'Något gick fel',
  'error.genericText': 'Ett oväntat fel inträffade. Det du skrev kan behöva skickas igen. Försök om en stund.',
  'error.toStart': 'Till startsidan',

  'common.save': 'Spara',
  'common.cancel': 'Avbryt',
  'common.yes': 'Ja',
  'common.no': 'Nej',
  'users.meta.title': 'Användare',
  'outbox.meta.message': '{subject} – Utkorg',
  'outbox.meta.messageFallback': 'Meddelande',
  'reset.meta.title': 'Nytt lösenord',
  'invite.meta.title': 'Inbjudan',
  'organisations.meta.new': 'Ny organisation',
  'organisations.meta.edit': 'Redigera organisation',
  'organisations.meta.fallback': 'Organisation',
  'nav.mandate': 'Mandatperiod',

  'outbox.calendar.REQUEST': 'Kalenderinbjudan (fil att öppna i kalendern)',
  'outbox.calendar.CANCEL': 'Avbokning (fil att öppna i kalendern)',
} as const

export const coreSv = core

export const sv = {
  ...core,
  ...a11y.sv,
  ...audit.sv,
  ...availability.sv,
  ...contactChannel.sv,
  ...contactFunction.sv,
  ...contacts.sv,
  ...council.sv,
  ...councilAreas.sv,
  ...councilMeasures.sv,
  ...councilSources.sv,
  ...deps.sv,
  ...directory.sv,
  ...event.sv,
  ...eventEvaluation.sv,
  ...eventLive.sv,
  ...eventLog.sv,
  ...eventMessages.sv,
  ...eventProjection.sv,
  ...eventReport.sv,
  ...eventRoom.sv,
  ...exports.sv,
  ...grant.sv,
  ...grantReport.sv,
  ...graph.sv,
  ...imports.sv,
  ...isf.sv,
  ...mandate.sv,
  ...mandateCalendar.sv,
  ...mandateDue.sv,
  ...map.sv,
  ...meeting.sv,
  ...meetingFollowUp.sv,
  ...networks.sv,
  ...offline.sv,
  ...picker.sv,
  ...resource.sv,
  ...rsa.sv,
  ...scenario.sv,
  ...secondFactor.sv,
  ...sector.sv,
  ...services.sv,
  ...siteKind.sv,
  ...sites.sv,
  ...situation.sv,
  ...situationReport.sv,
  ...staleness.sv,
  ...training.sv,
  ...trainingPlan.sv,
  ...visibility.sv,
}

export type MessageKey = keyof typeof sv
