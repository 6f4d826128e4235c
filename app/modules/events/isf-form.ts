import { z } from 'zod'
import { optionalText } from '~/modules/forms/fields'
import { parseForm, type ParseResult } from '~/modules/forms/parse-form'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { ISF_DEFAULT_DURATION_MINUTES } from './isf'

// The form that convenes an ISF conference: now (the server's clock) or at a
// time typed in Stockholm wall-clock time, for how long, where and on which
// video link. Every message is an i18n key.

export interface IsfConveneFields {
  /** Null: now, by the server's clock. */
  startsAt: Date | null
  durationMinutes: number
  place: string
  videoLink: string
}

const IsfConveneSchema = z.object({
  when: z.enum(['now', 'at'], { errorMap: () => ({ message: 'validation.choose' }) }),
  date: z.string().trim().default(''),
  time: z.string().trim().default(''),
  duration: z
    .string()
    .trim()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return ISF_DEFAULT_DURATION_MINUTES
      const minutes = /^\d{1,3}$/.test(value) ? Number(value) : NaN
      if (!(minutes >= 15 && minutes <= 480)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'isf.error.duration' })
        return z.NEVER
      }
      return minutes
    }),
  place: optionalText(300),
  videoLink: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(500, 'validation.tooLong')
      .url('meeting.error.videoLink')
      .refine((value) => /^https:\/\//i.test(value), 'meeting.error.videoLink'),
  ]),
})

export function parseIsfConveneForm(formData: FormData, now = new Date()): ParseResult<IsfConveneFields> {
  const parsed = parseForm(IsfConveneSchema, formData)
  if (!parsed.ok) return parsed
  const { when, date, time, duration, place, videoLink } = parsed.data
  let startsAt: Date | null = null
  if (when === 'at') {
    const errors: Record<string, string> = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = 'meeting.error.date'
    if (!/^\d{2}:\d{2}$/.test(time)) errors.time = 'meeting.error.time'
    if (Object.keys(errors).length === 0) {
      startsAt = stockholmToInstant(date, time)
      if (!startsAt) errors.time = 'meeting.error.noSuchTime'
      else if (startsAt.getTime() < now.getTime() - 60 * 60_000) errors.time = 'isf.error.past'
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors, values: parsed.values }
  }
  return { ok: true, values: parsed.values, data: { startsAt, durationMinutes: duration, place, videoLink } }
}
