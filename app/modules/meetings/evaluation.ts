import { formatNumber } from '~/i18n/format'

/**
 * The evaluation questionnaire: a few fixed statements rated 1–5 and a
 * comment, one answer per participant, compiled for the coordinator.
 */

export const evaluationQuestions = ['goals', 'relevance', 'participation', 'usefulness', 'arrangements'] as const
export type EvaluationQuestion = (typeof evaluationQuestions)[number]

export const RATING_MIN = 1
export const RATING_MAX = 5
export const MAX_COMMENT_LENGTH = 2_000

export type Ratings = Record<EvaluationQuestion, number>

export interface EvaluationAnswerInput {
  ratings: Ratings
  comment: string
}

export type EvaluationAnswerParse =
  | { ok: true; data: EvaluationAnswerInput }
  | { ok: false; errors: Partial<Record<EvaluationQuestion | 'comment', string>> }

/** Reads the questionnaire's fields (`q.<key>` and `comment`); every message is an i18n key. */
export function parseEvaluationAnswer(fields: Record<string, string | undefined>): EvaluationAnswerParse {
  const errors: Partial<Record<EvaluationQuestion | 'comment', string>> = {}
  const ratings: Partial<Ratings> = {}
  for (const key of evaluationQuestions) {
    const raw = fields[`q.${key}`]?.trim() ?? ''
    const value = /^\d$/.test(raw) ? Number(raw) : NaN
    if (value >= RATING_MIN && value <= RATING_MAX) ratings[key] = value
    else errors[key] = 'meetingFollowUp.evaluation.chooseRating'
  }
  const comment = (fields.comment ?? '').trim()
  if (comment.length > MAX_COMMENT_LENGTH) errors.comment = 'validation.tooLong'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: { ratings: ratings as Ratings, comment } }
}

export interface QuestionSummary {
  key: EvaluationQuestion
  /** How many answered this question. */
  answered: number
  /** Mean of the ratings to one decimal; null when nobody answered. */
  average: number | null
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number]
}

export interface EvaluationSummary {
  count: number
  questions: QuestionSummary[]
  comments: string[]
}

/** Compiles the answers; a rating outside 1–5 or a question not asked (an old answer) is left out. */
export function summariseEvaluation(
  responses: readonly { ratings: Record<string, unknown>; comment: string }[],
): EvaluationSummary {
  const questions = evaluationQuestions.map((key): QuestionSummary => {
    const distribution: QuestionSummary['distribution'] = [0, 0, 0, 0, 0]
    let sum = 0
    let answered = 0
    for (const response of responses) {
      const rating = response.ratings[key]
      if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX)
        continue
      distribution[rating - 1]! += 1
      sum += rating
      answered += 1
    }
    return { key, answered, average: answered === 0 ? null : Math.round((sum / answered) * 10) / 10, distribution }
  })
  const comments = responses.map((response) => response.comment.trim()).filter((comment) => comment.length > 0)
  return { count: responses.length, questions, comments }
}

export function formatAverage(average: number | null, locale: 'sv' | 'en'): string {
  if (average === null) return '–'
  return formatNumber(locale, average, 1, 1)
}
