import { describe, expect, it } from 'vitest'
import { meetingMailText, type MailPurpose } from '../../app/modules/meetings/invitation-mail'

const meeting = (kind: 'theme_day' | 'network_meeting', title: string) => ({
  kind,
  title,
  theme: '',
  startsAt: new Date('2027-01-14T08:00:00Z'),
  endsAt: new Date('2027-01-14T11:00:00Z'),
  place: 'Kommunhuset',
  videoLink: '',
  agenda: [],
  description: '',
})

const mail = (purpose: MailPurpose, kind: 'theme_day' | 'network_meeting', title: string) =>
  meetingMailText({
    purpose,
    meeting: meeting(kind, title),
    organiserName: 'Vårgårda kommun',
    recipientName: 'Per',
    organisationName: 'Vårgårda Energi',
    answerLink: 'http://localhost/moten/svar/x',
    meetingLink: 'http://localhost/moten/1',
  })

describe('the e-mails about a meeting', () => {
  it('names the kind once when the title already begins with it', () => {
    for (const purpose of ['invitation', 'update', 'reminder', 'cancel'] as const) {
      const { subject, text } = mail(purpose, 'theme_day', 'Temadag: elavbrott i januari')
      expect(`${subject}\n${text}`.match(/temadag/gi), purpose).toHaveLength(2)
      expect(text).not.toMatch(/temadag: temadag/i)
    }
    expect(mail('invitation', 'theme_day', 'Temadag: elavbrott i januari').text).toContain(
      'Vårgårda kommun bjuder in Vårgårda Energi till temadag: elavbrott i januari.',
    )
    expect(mail('invitation', 'theme_day', 'Temadag – elavbrott').text).toContain('till temadag: elavbrott.')
  })

  it('names the kind in the text when the title does not', () => {
    const { subject, text } = mail('invitation', 'network_meeting', 'Höstens möte')
    expect(subject).toBe('Inbjudan: Höstens möte, torsdag 14 januari 2027 kl. 09.00–12.00')
    expect(text).toContain('bjuder in Vårgårda Energi till nätverksmöte: Höstens möte.')
  })
})
