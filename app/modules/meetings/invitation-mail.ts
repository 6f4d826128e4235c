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
  const kind = sv[`meeting.kind.${meeting.kind}`].toLowerCase()
  const opening: Record<MailPurpose, string> = {
    invitation: `${input.organiserName} bjuder in ${input.organisationName ?? 'dig'} till ${kind}: ${meeting.title}.`,
    update: `${input.organiserName} har ändrat ${kind}: ${meeting.title}. Så här ser det ut nu.`,
    reminder: `${input.organisationName ?? 'Du'} har ännu inte svarat på inbjudan till ${kind}: ${meeting.title}.`,
    cancel: `${input.organiserName} har ställt in ${kind}: ${meeting.title}.`,
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
  } else {
    lines.push('', 'Kalenderfilen i brevet tar bort mötet ur din kalender.')
  }
  return { subject: `${subjects[purpose]}: ${meeting.title}, ${when}`, text: lines.join('\n') }
}
