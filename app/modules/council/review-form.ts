import { z } from 'zod'
import { enumField, optionalText, versionField } from '~/modules/forms/fields'
import { findPersonalData } from './personal-data'
import type { ReviewDecision } from './reports.server'

// The council's decision on a report. Feedback and reasons are about places
// and measures too, so the same refusal of personal numbers applies.

export const reviewKinds = ['accept', 'reject', 'merge', 'feedback'] as const

const freeText = (max: number) =>
  optionalText(max).superRefine((text, ctx) => {
    const found = findPersonalData(text)
    if (found) ctx.addIssue({ code: 'custom', message: `council.report.error.${found}` })
  })

export const ReviewSchema = z
  .object({
    decision: enumField(reviewKinds),
    version: versionField,
    categoryId: z.string().trim().max(36).default(''),
    reason: freeText(500),
    intoId: z.string().trim().max(36).default(''),
    feedback: freeText(1000),
  })
  .transform((form, ctx): { version: number; decision: ReviewDecision } => {
    const uuid = (value: string) => z.string().uuid().safeParse(value).success
    const { feedback } = form
    switch (form.decision) {
      case 'accept':
        if (!uuid(form.categoryId)) ctx.addIssue({ code: 'custom', path: ['categoryId'], message: 'validation.choose' })
        return { version: form.version, decision: { kind: 'accept', categoryId: form.categoryId, feedback } }
      case 'reject':
        if (!form.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'council.review.reasonRequired' })
        return { version: form.version, decision: { kind: 'reject', reason: form.reason, feedback } }
      case 'merge':
        if (!uuid(form.intoId)) ctx.addIssue({ code: 'custom', path: ['intoId'], message: 'validation.choose' })
        return { version: form.version, decision: { kind: 'merge', intoId: form.intoId, feedback } }
      case 'feedback':
        return { version: form.version, decision: { kind: 'feedback', feedback } }
    }
  })
