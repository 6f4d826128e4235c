import { z } from 'zod'

// An organisation's answer to an invitation, from the portal's form (with a
// version) or from the e-mail's link (without). Messages are i18n keys.

export const MAX_ATTENDEES_TEXT = 1000

const AnswerSchema = z.object({
  answer: z.enum(['attending', 'not_attending'], { errorMap: () => ({ message: 'meeting.error.answer' }) }),
  attendees: z.string().trim().max(MAX_ATTENDEES_TEXT, 'validation.tooLong'),
})

export type ReadAnswer =
  | {
      ok: true
      organisationId: string
      answer: 'attending' | 'not_attending'
      attendees: string
      version: number | null
    }
  | { ok: false; organisationId: string; error: string }

export function readAnswer(form: FormData): ReadAnswer {
  const text = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : ''
  }
  const organisationId = text('organisationId')
  const version = /^\d+$/.test(text('version')) ? Number(text('version')) : null
  const parsed = AnswerSchema.safeParse({ answer: text('answer'), attendees: text('attendees') })
  if (!parsed.success) return { ok: false, organisationId, error: parsed.error.issues[0]!.message }
  return { ok: true, organisationId, version, ...parsed.data }
}
