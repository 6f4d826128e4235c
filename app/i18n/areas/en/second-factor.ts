// English messages of the area; the Swedish ones, and the keys, are in ../second-factor.ts.
import type { Translation } from '../../plural'
import type { sv } from '../second-factor'

export const en: Translation<typeof sv> = {
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
  'secondFactor.confirm.legend': 'Confirm it is you: a code from the app you use now, or your password',
  'secondFactor.confirm.passwordLabel': 'Or your password',
  'secondFactor.confirm.passwordHint': 'If you do not have the phone with the current app.',
  'secondFactor.confirm.missing': 'Enter a code from the app you use now, or your password.',
  'secondFactor.confirm.wrongPassword': 'The password is not correct.',
  'secondFactor.confirm.throttled': 'Too many wrong attempts. Try again in {minutes} minutes.',
  'secondFactor.reset.submitFor': 'Reset two-step verification for {name}',
  'secondFactor.reset.confirm':
    'Reset two-step verification for {name}? They are signed out and set up a new app at their next sign-in. Do it only when you know the person asked for it themselves.',
  'secondFactor.reset.done': 'Two-step verification for {name} is reset. They set up a new app at their next sign-in.',
  'secondFactor.column': 'Two-step',
  'secondFactor.column.on': 'On',
  'secondFactor.column.off': 'Off',
}
