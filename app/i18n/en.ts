import * as a11y from './areas/en/a11y'
import * as audit from './areas/en/audit'
import * as availability from './areas/en/availability'
import * as contactChannel from './areas/en/contact-channel'
import * as contactFunction from './areas/en/contact-function'
import * as contacts from './areas/en/contacts'
import * as council from './areas/en/council'
import * as councilAreas from './areas/en/council-areas'
import * as councilMeasures from './areas/en/council-measures'
import * as councilSources from './areas/en/council-sources'
import * as deps from './areas/en/deps'
import * as directory from './areas/en/directory'
import * as event from './areas/en/event'
import * as eventEvaluation from './areas/en/event-evaluation'
import * as eventLive from './areas/en/event-live'
import * as eventLog from './areas/en/event-log'
import * as eventMessages from './areas/en/event-messages'
import * as eventProjection from './areas/en/event-projection'
import * as eventReport from './areas/en/event-report'
import * as eventRoom from './areas/en/event-room'
import * as exports from './areas/en/export'
import * as grant from './areas/en/grant'
import * as grantReport from './areas/en/grant-report'
import * as graph from './areas/en/graph'
import * as imports from './areas/en/import'
import * as isf from './areas/en/isf'
import * as mandate from './areas/en/mandate'
import * as mandateCalendar from './areas/en/mandate-calendar'
import * as mandateDue from './areas/en/mandate-due'
import * as map from './areas/en/map'
import * as meeting from './areas/en/meeting'
import * as meetingFollowUp from './areas/en/meeting-follow-up'
import * as networks from './areas/en/networks'
import * as offline from './areas/en/offline'
import * as picker from './areas/en/picker'
import * as resource from './areas/en/resource'
import * as rsa from './areas/en/rsa'
import * as scenario from './areas/en/scenario'
import * as secondFactor from './areas/en/second-factor'
import * as sector from './areas/en/sector'
import * as services from './areas/en/services'
import * as siteKind from './areas/en/site-kind'
import * as sites from './areas/en/sites'
import * as situation from './areas/en/situation'
import * as situationReport from './areas/en/situation-report'
import * as staleness from './areas/en/staleness'
import * as training from './areas/en/training'
import * as trainingPlan from './areas/en/training-plan'
import * as visibility from './areas/en/visibility'
import type { Translation } from './plural'
import type { coreSv, sv } from './sv'

const core: Record<keyof typeof coreSv, string> = {
  'app.name': 'Area Responsibility Portal',
  'app.skipToContent': 'Skip to content',
  'app.mainNav': 'Main menu',
  'app.signedInAs': 'Signed in as {name}',
  'app.language': 'Language',
  'app.languageSwitch': 'På svenska',
  'app.footer':
    "The Area Responsibility Portal for the municipality's geographical area responsibility and crisis preparedness.",

  'nav.start': 'Home',
  'nav.organisations': 'Organisations',
  'nav.map': 'Map',
  'nav.directory': 'Directory',
  'nav.networks': 'Networks',
  'nav.scenarios': 'Scenarios',
  'nav.dependencies': 'Dependencies',
  'nav.meetings': 'Meetings',
  'nav.events': 'Events',
  'nav.rsa': 'RSA',
  'nav.council': 'Safety (BRÅ)',
  'nav.users': 'Users',
  'nav.outbox': 'Outbox',
  'nav.audit': 'Change log',
  'nav.staleness': 'Data currency',
  'nav.account': 'My account',
  'nav.signOut': 'Sign out',
  'nav.menu': 'Menu',
  'nav.signIn': 'Sign in',

  'role.coordinator': 'Coordinator',
  'role.duty_officer': 'Duty officer (TiB)',
  'role.partner_editor': 'Editor for the organisation',
  'role.council_member': 'Member of the local crime-prevention council (lokalt BRÅ)',
  'role.informant': 'Informant',
  'role.viewer': 'Viewer',

  'kind.municipality': 'Municipality',
  'kind.municipal_company': 'Municipal company',
  'kind.police': 'Police',
  'kind.rescue_services': 'Rescue services',
  'kind.county_board': 'County Administrative Board (Länsstyrelsen)',
  'kind.energy': 'Energy',
  'kind.water': 'Water',
  'kind.healthcare': 'Health and medical care',
  'kind.school': 'School',
  'kind.company': 'Company',
  'kind.network': 'Network',
  'kind.voluntary': 'Voluntary organisation',
  'kind.other': 'Other',

  'field.email': 'Email address',
  'field.password': 'Password',
  'field.name': 'Name',
  'field.newPassword': 'New password',
  'field.currentPassword': 'Current password',
  'field.organisation': 'Organisation',
  'field.role': 'Role',
  'field.kind': 'Type of organisation',
  'field.description': 'Description',
  'field.user': 'User',
  'field.from': 'From (inclusive)',
  'field.to': 'To (inclusive)',

  'validation.required': 'Fill in this field.',
  'validation.email': 'Enter a valid email address, for example name@example.org.',
  'validation.tooLong': 'The text is too long.',
  'validation.invalid': 'Check the value.',
  'validation.choose': 'Choose an option from the list.',
  'validation.date': 'Enter a date as YYYY-MM-DD.',
  'validation.formInvalid': 'The form contains errors. Correct the highlighted fields.',
  'password.required': 'Enter a password.',
  'password.tooShort': 'The password must be at least 8 characters long.',
  'password.tooLong': 'The password may be at most 128 characters long.',
  'password.common':
    'The password is one of the most common passwords and easy to guess. Choose another, for example several words in a row.',
  'password.hint':
    'At least 8 and at most 128 characters. A long phrase is easier to remember than complicated characters.',

  'login.title': 'Sign in',
  'login.intro':
    'The portal is for the municipality and its partner organisations. Accounts are created by invitation.',
  'login.submit': 'Sign in',
  'login.invalid': 'Incorrect email address or password.',
  'login.throttled': 'Too many failed attempts. Wait {minutes} minutes and try again.',
  'login.throttledSeconds': 'Too many failed attempts. Wait {seconds} seconds and try again.',
  'login.forgot': 'Forgotten your password?',
  'login.signedOut': 'You are signed out.',
  'login.expired':
    'Your sign-in has run out. The saved contact list, drafts and reports not yet sent have been deleted from this browser.',
  'login.sessionEnded': 'Sign in to continue.',

  'forgot.title': 'Forgotten password',
  'forgot.intro': 'Enter your email address and we will send you a link to choose a new password.',
  'forgot.submit': 'Send link',
  'forgot.sent': 'If the address belongs to an account, we have sent a link. It is valid for one hour.',
  'forgot.throttled':
    'You have asked for many links in a short time. Try again in {minutes} minutes. Links you have already received are valid for one hour.',

  'reset.title': 'Choose a new password',
  'reset.submit': 'Save password',
  'reset.invalid': 'The link is invalid, already used or too old. Ask for a new link.',
  'reset.done': 'Your password has been changed. Sign in with your new password.',

  'invite.acceptTitle': 'Welcome to the Area Responsibility Portal',
  'invite.acceptIntro': 'You have been invited to {organisation} with the role {role}.',
  'invite.acceptExisting': 'You already have an account. Confirm to join {organisation}.',
  'invite.acceptSubmit': 'Create account and sign in',
  'invite.joinSubmit': 'Join',
  'invite.invalid': 'The invitation is invalid, already used or too old. Ask the coordinator for a new invitation.',
  'invite.inactive': 'The account for this address has been deactivated. Contact the coordinator.',
  'invite.signInToAccept':
    'There is already an account for {email}. Sign in as usual with your password; you will come back here to accept.',
  'invite.signInLink': 'Sign in to accept',
  'invite.signInFirst': 'Sign in with the account the invitation is for before you accept.',
  'invite.wrongAccountIntro':
    'You are signed in as {name}, but the invitation is for the account {email}. Sign out and open the link in the invitation again to sign in with the right account.',
  'invite.wrongAccount': 'The invitation is for another account than the one you are signed in with.',

  'start.title': 'Home',
  'start.welcome': 'Welcome, {name}',
  'start.yourOrganisations': 'Your organisations',
  'start.noMemberships': 'You do not belong to any organisation yet.',
  'start.coordinatorTools': "Coordinator's tools",
  'start.network': 'The network has {count} organisations.',

  'organisations.title': 'Organisations',
  'organisations.intro': "The organisations in the municipality's crisis-preparedness network.",
  'organisations.count': '{count} organisations',
  'organisations.create': 'New organisation',
  'organisations.members': 'People',
  'organisations.noMembers': 'No people are linked to the organisation.',
  'organisations.edit': 'Edit details',
  'organisations.back': 'Back to {organisation}',
  'organisations.editTitle': 'Edit {name}',
  'organisations.save': 'Save',
  'organisations.saved': 'The details have been saved.',
  'organisations.created': 'The organisation has been created.',
  'organisations.history': 'Change history',
  'organisations.noDescription': 'No description.',
  'organisations.conflict':
    'Someone else changed the details while you were editing. Your changes have not been saved but are still in the form. Compare them with the current values below and save again.',
  'organisations.currentValue': 'Current value: {value}',

  'users.title': 'Users and invitations',
  'users.invite': 'Invite a person',
  'users.inviteSubmit': 'Send invitation',
  'users.invited': 'The invitation to {email} has been sent.',
  'users.invitedOutbox':
    'The invitation to {email} is in the outbox but not sent: no email server is configured, and the outbox does not show its link.',
  'users.inviteFailed':
    'The invitation to {email} has been created, but the email server did not accept the message. Try again later.',
  'users.alreadyMember': 'The person already belongs to the organisation.',
  'users.pending': 'Pending invitations',
  'users.noPending': 'No pending invitations.',
  'users.expires': 'Valid until',
  'users.all': 'All users',
  'users.status': 'Status',
  'users.active': 'Active',
  'users.inactive': 'Deactivated',
  'users.deactivate': 'Deactivate {name}',
  'users.activate': 'Activate {name}',
  'users.deactivated': '{name} has been deactivated and all their sessions have been ended.',
  'users.confirmDeactivate': 'Deactivate {name}? All of their sessions end at once.',
  'users.activated': '{name} has been activated again.',
  'users.conflict': 'The user was changed by someone else. The page now shows the current state.',
  'users.self': 'You cannot deactivate your own account.',
  'users.memberships': 'Organisations and roles',
  'users.actions': 'Actions',

  'outbox.title': 'Outbox',
  'outbox.intro':
    'The portal is not connected to an email server, so it sends no email. What would have been sent is kept here instead.',
  'outbox.caption': 'The latest messages, newest first (Swedish time)',
  'outbox.back': 'Back to the outbox',
  'outbox.empty': 'The outbox is empty.',
  'outbox.to': 'To',
  'outbox.subject': 'Subject',
  'outbox.sent': 'Created',
  'outbox.state': 'State',
  'outbox.state.kept': 'Not sent, kept here',
  'outbox.linkWithheld':
    "The message holds a personal link (invitation, new password, meeting answer or calendar). It is not shown here; only the recipient's email gets it.",

  'account.title': 'My account',
  'account.changePassword': 'Change password',
  'account.changed': 'Your password has been changed. Your other sessions have been ended.',
  'account.wrongCurrent': 'The current password is incorrect.',
  'account.throttled': 'Too many failed attempts. Wait a while (15 minutes at most) and try again.',

  'error.badRequestTitle': 'Bad request',
  'error.badRequestText': 'What was sent could not be accepted. Reload the page and try again.',
  'error.notFoundTitle': 'Page not found',
  'error.notFoundText': 'We cannot find a page at that address. Check the address or go to the home page.',
  'error.forbiddenTitle': 'No access',
  'error.forbiddenText': 'Your account does not have permission for this page or task.',
  'error.unauthorizedTitle': 'Not signed in',
  'error.unauthorizedText': 'Sign in to continue.',
  'error.tooLargeTitle': 'Too much data',
  'error.tooLargeText': 'What you sent was too large.',
  'error.genericTitle': 'Something went wrong',
  'error.genericText':
    'An unexpected error occurred. You may need to submit what you entered again. Try again in a moment.',
  'error.toStart': 'Go to the home page',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.yes': 'Yes',
  'common.no': 'No',
  'users.meta.title': 'Users',
  'outbox.meta.message': '{subject} – Outbox',
  'outbox.meta.messageFallback': 'Message',
  'reset.meta.title': 'New password',
  'invite.meta.title': 'Invitation',
  'organisations.meta.new': 'New organisation',
  'organisations.meta.edit': 'Edit organisation',
  'organisations.meta.fallback': 'Organisation',
  'nav.mandate': 'Mandate period',

  'outbox.calendar.REQUEST': 'Calendar invitation (file to open in your calendar)',
  'outbox.calendar.CANCEL': 'Cancellation (file to open in your calendar)',
}

export const en: Translation<typeof sv> = {
  ...core,
  ...a11y.en,
  ...audit.en,
  ...availability.en,
  ...contactChannel.en,
  ...contactFunction.en,
  ...contacts.en,
  ...council.en,
  ...councilAreas.en,
  ...councilMeasures.en,
  ...councilSources.en,
  ...deps.en,
  ...directory.en,
  ...event.en,
  ...eventEvaluation.en,
  ...eventLive.en,
  ...eventLog.en,
  ...eventMessages.en,
  ...eventProjection.en,
  ...eventReport.en,
  ...eventRoom.en,
  ...exports.en,
  ...grant.en,
  ...grantReport.en,
  ...graph.en,
  ...imports.en,
  ...isf.en,
  ...mandate.en,
  ...mandateCalendar.en,
  ...mandateDue.en,
  ...map.en,
  ...meeting.en,
  ...meetingFollowUp.en,
  ...networks.en,
  ...offline.en,
  ...picker.en,
  ...resource.en,
  ...rsa.en,
  ...scenario.en,
  ...secondFactor.en,
  ...sector.en,
  ...services.en,
  ...siteKind.en,
  ...sites.en,
  ...situation.en,
  ...situationReport.en,
  ...staleness.en,
  ...training.en,
  ...trainingPlan.en,
  ...visibility.en,
}
