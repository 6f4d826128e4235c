import type { CallOutcome, ContactChannel, ContactFunction, EventKind, EventLevel } from '~/db/enums'
import { sv as eventWords } from '~/i18n/areas/event'
import { sv as channelWords } from '~/i18n/areas/contact-channel'
import { sv as functionWords } from '~/i18n/areas/contact-function'
import { formatDateTime } from '~/i18n/format'

// The call-out's texts: its e-mail and its lines in the event log, in
// Swedish: the portal does not know which language a recipient reads, and
// the network's working language is Swedish. An exercise says so first, in
// the subject and in the text, so that nobody acts on it as a real event.

export const EXERCISE_PREFIX = 'ÖVNING – '

export function calloutMailText(input: {
  event: { title: string; kind: EventKind; level: EventLevel; description: string; startedAt: Date }
  senderName: string
  organisationName: string
  /** The organisation's personal status link (absolute). */
  statusLink: string
  /** The event's page in the portal (absolute). */
  eventLink: string
}): { subject: string; text: string } {
  const { event } = input
  const exercise = event.kind === 'exercise'
  const lines: string[] = []
  if (exercise) lines.push('ÖVNING – detta är en övning, inte en verklig händelse.', '')
  lines.push(
    'Hej!',
    '',
    `${input.senderName} larmar ut ${input.organisationName} med anledning av ${exercise ? 'övningen' : 'händelsen'} "${event.title}".`,
    '',
    `Nivå: ${eventWords[`event.level.${event.level}`]}`,
    `Började: ${formatDateTime('sv', event.startedAt)}`,
  )
  if (event.description.trim()) lines.push('', event.description.trim())
  lines.push(
    '',
    'Rapportera läget för era samhällsviktiga verksamheter: normal drift, på reserv (hur många timmar till), begränsad drift, utslagen eller återställd, när ni väntas vara i drift igen och vad ni behöver.',
    `Länken fungerar utan inloggning, bara för ${input.organisationName} och bara tills händelsen avslutas. Dela den inte utanför organisationen:`,
    input.statusLink,
    '',
    `Händelsen i portalen (kräver inloggning): ${input.eventLink}`,
  )
  return { subject: `${exercise ? EXERCISE_PREFIX : ''}Utlarmning: ${event.title}`, text: lines.join('\n') }
}

/** The event log's line for a call-out: "Utlarmning till 5 organisationer, e-post till 9 mottagare." */
export function calloutLogText(input: {
  organisations: number
  recipients: number
  withoutEmail: readonly string[]
}): string {
  const organisations = `${input.organisations} ${input.organisations === 1 ? 'organisation' : 'organisationer'}`
  let text = `Utlarmning till ${organisations}, e-post till ${input.recipients} mottagare.`
  if (input.withoutEmail.length > 0)
    text += ` Utan e-postadress för utlarmning (ring dem): ${input.withoutEmail.join(', ')}.`
  return text
}

/** "Samtal till Solör Bioenergi (ISK, mobiltelefon): Inte nådd. Provar växeln." – never the number. */
export function callLogText(input: {
  organisationName: string
  function: ContactFunction
  channel: ContactChannel
  outcome: CallOutcome
  note: string
}): string {
  const role = functionWords[`contactFunction.${input.function}`].split(' – ')[0]!
  const channel = channelWords[`contactChannel.${input.channel}`].toLowerCase()
  const note = input.note.trim()
  return `Samtal till ${input.organisationName} (${role}, ${channel}): ${eventWords[`event.callOutcome.${input.outcome}`]}.${note ? ` ${note}` : ''}`
}
