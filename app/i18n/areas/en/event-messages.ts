// English messages of the area; the Swedish ones, and the keys, are in ../event-messages.ts.
import type { Translation } from '../../plural'
import type { sv } from '../event-messages'

export const en: Translation<typeof sv> = {
  'eventMessages.title': 'Key messages to the public',
  'eventMessages.intro':
    'The messages that apply right now, from the municipality and the other actors, so that everyone says the same thing. Every change is saved as a new version, and the earlier versions can be read.',
  'eventMessages.locked': 'The event has ended. The messages can be read but not changed.',
  'eventMessages.frozen': 'The event has ended. The messages can no longer be changed.',
  'eventMessages.current': 'Current messages ({count})',
  'eventMessages.none': 'No messages have been published.',
  'eventMessages.withdrawnHeading': 'Withdrawn messages ({count})',
  'eventMessages.withdrawnMark': 'Withdrawn',
  'eventMessages.whereToTurn': 'Where the public can turn',
  'eventMessages.versionLine': 'Version {version}, {date}, by {name}',
  'eventMessages.history': 'Earlier versions ({count})',
  'eventMessages.publish': 'Publish a message',
  'eventMessages.publishSubmit': 'Publish',
  'eventMessages.change': 'Change the message',
  'eventMessages.changeOf': 'Change the message from {organisation}',
  'eventMessages.changeSubmit': 'Save new version',
  'eventMessages.withdraw': 'Withdraw',
  'eventMessages.conflict':
    'Someone else saved a new version of the message while you were writing. Your text is still in the form and the saved version is shown here. Save again if your text should apply instead.',
  'eventMessages.savedMeanwhile': 'Saved meanwhile',
  'eventMessages.alreadyWithdrawn': 'The message has already been withdrawn.',
  'eventMessages.field.text': 'Message',
  'eventMessages.field.textHint': 'What the public should be told, short and clear.',
  'eventMessages.field.places': 'Safety points and emergency water points',
  'eventMessages.field.placesHint': 'Places from the registry where the public can turn.',
  'eventMessages.field.whereToTurn': 'Where the public can turn (free text)',
  'eventMessages.field.whereToTurnHint': 'For example phone numbers or websites.',
  'eventMessages.place.safetyPoint': 'Trygghetspunkt',
  'eventMessages.place.emergencyWaterPoint': 'Nödvattenpunkt',
  'eventMessages.place.both': 'Trygghetspunkt och nödvattenpunkt',
  'eventMessages.place.meetingPoint': 'Mötesplats',
  'eventMessages.log.published': 'Message published: {text}',
  'eventMessages.log.changed': 'Message changed (version {version}): {text}',
  'eventMessages.log.withdrawn': 'Message withdrawn: {text}',
  'eventMessages.log.counterpart': 'The public',
  'eventMessages.meta.title': 'Key messages – {event}',
}
