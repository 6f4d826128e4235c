import type { Meeting } from '~/db/schema/meetings'
import { sv } from '~/i18n/sv'
import { meetingWhen } from './meeting-when'

// The e-mails about a meeting, in Swedish: the portal does not know which
// language a recipient reads, and the network's working language is Swedish.

export type MailPurpose = 'invitation' | 'update' | 'reminder' | 'cancel'

const subjects: Record<MailPurpose, string> = {
  invitation: 'Inbjudan',
  update: 'Ändrat',
  reminder: 'Påminnelse',
  cancel: 'Inställt',
}

/** "temadag: elavbrott", also when the title already begins with the kind ("Temadag: elavbrott"). */
function kindAndTitle(kindLabel: string, title: string): string {
  const kind = kindLabel.toLowerCase()
  const lead = title.slice(0, kind.length).toLowerCase()
  const rest = title.slice(kind.length)
  const withoutKind = lead === kind && /^\s*[:–—-]\s*\S/.test(rest) ? rest.replace(/^\s*[:–—-]\s*/, '') : title
  return `${kind}: ${withoutKind}`
}

export function meetingMailText(input: {
  purpose: MailPurpose
  meeting: Pick<
    Meeting,
    'kind' | 'title' | 'theme' | 'startsAt' | 'endsAt' | 'place' | 'videoLink' | 'agenda' | 'description'
  >
  organiserName: string
  recipientName: string
  organisationName: string | null
  answerLink: string | null
  meetingLink: string
}): { subject: string; text: string } {
  const { meeting, purpose } = input
  const when = meetingWhen('sv', meeting.startsAt, meeting.endsAt)
  const named = kindAndTitle(sv[`meeting.kind.${meeting.kind}`], meeting.title)
  const opening: Record<MailPurpose, string> = {
    invitation: `${input.organiserName} bjuder in ${input.organisationName ?? 'dig'} till ${named}.`,
    update: `${input.organiserName} har ändrat ${named}. Så här ser det ut nu.`,
    reminder: `${input.organisationName ?? 'Du'} har ännu inte svarat på inbjudan till ${named}.`,
    cancel: `${input.organiserName} har ställt in ${named}.`,
  }
  const lines = [`Hej ${input.recipientName || ''}`.trim() + '!', '', opening[purpose], '', `När: ${when}`]
  if (purpose !== 'cancel') {
    if (meeting.place) lines.push(`Var: ${meeting.place}`)
    if (meeting.videoLink) lines.push(`Videolänk: ${meeting.videoLink}`)
    if (meeting.theme) lines.push(`Tema: ${meeting.theme}`)
    if (meeting.description) lines.push('', meeting.description)
    if (meeting.agenda.length > 0) {
      lines.push('', 'Dagordning:', ...meeting.agenda.map((item, index) => `${index + 1}. ${item}`))
    }
    if (input.answerLink) {
      lines.push(
        '',
        `Svara för ${input.organisationName ?? 'din organisation'}: deltar ni, och vilka kommer? Länken fungerar utan inloggning:`,
        input.answerLink,
      )
    }
    lines.push('', `Mötet i portalen: ${input.meetingLink}`, 'Kalenderfilen i brevet lägger in mötet i din kalender.')
    // A calendar's "Accept" is mailed to the organiser's mailbox: it is read there, but it is no answer in the portal.
    if (input.answerLink) {
      lines.push(
        'Svaret lämnas med länken ovan. Att tacka ja eller nej i kalendern skickar bara ett mejl till arrangören.',
      )
    }
  } else {
    lines.push('', 'Kalenderfilen i brevet tar bort mötet ur din kalender.')
  }
  return { subject: `${subjects[purpose]}: ${meeting.title}, ${when}`, text: lines.join('\n') }
}
