import { MAX_COMMENT_LENGTH, RATING_MAX, RATING_MIN } from '~/modules/meetings/evaluation'

// The questionnaire each taking-part organisation answers after an event or
// an exercise: the meeting evaluation's 1–5 scale and length limit, with
// statements about handling the event, and three open questions (what
// worked, what did not, what to change).

export const eventEvaluationQuestions = ['alerting', 'picture', 'coordination', 'information', 'roles'] as const
export type EventEvaluationQuestion = (typeof eventEvaluationQuestions)[number]
export const ratingValues = [1, 2, 3, 4, 5] as const
export const MAX_TEXT_LENGTH = MAX_COMMENT_LENGTH

export type EventRatings = Record<EventEvaluationQuestion, number>
const openQuestions = ['worked', 'didNotWork', 'change'] as const
type OpenQuestion = (typeof openQuestions)[number]

export interface ResponseInput {
  ratings: EventRatings
  worked: string
  didNotWork: string
  change: string
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>
export type Parsed<T, K extends string> = { ok: true; data: T } | { ok: false; errors: FieldErrors<K> }

const field = (fields: Record<string, string | undefined>, name: string) => (fields[name] ?? '').trim()

/** Reads the questionnaire (`q.<key>`, `worked`, `didNotWork`, `change`); every message is an i18n key. */
export function parseResponse(
  fields: Record<string, string | undefined>,
): Parsed<ResponseInput, EventEvaluationQuestion | OpenQuestion> {
  const errors: FieldErrors<EventEvaluationQuestion | OpenQuestion> = {}
  const ratings: Partial<EventRatings> = {}
  for (const key of eventEvaluationQuestions) {
    const raw = field(fields, `q.${key}`)
    const value = /^\d$/.test(raw) ? Number(raw) : NaN
    if (value >= RATING_MIN && value <= RATING_MAX) ratings[key] = value
    else errors[key] = 'eventEvaluation.error.chooseRating'
  }
  const texts = Object.fromEntries(openQuestions.map((key) => [key, field(fields, key)])) as Record<
    OpenQuestion,
    string
  >
  for (const key of openQuestions) if (texts[key].length > MAX_TEXT_LENGTH) errors[key] = 'validation.tooLong'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: { ratings: ratings as EventRatings, ...texts } }
}

/** A finding's text: required, at most the comment length. */
export function parseFindingText(raw: string | undefined): Parsed<string, 'text'> {
  const text = (raw ?? '').trim()
  if (text.length === 0) return { ok: false, errors: { text: 'validation.required' } }
  if (text.length > MAX_TEXT_LENGTH) return { ok: false, errors: { text: 'validation.tooLong' } }
  return { ok: true, data: text }
}

export interface MeasureInput {
  title: string
  ownerOrganisationId: string
  dueDate: string | null
}

/** Turning a finding into an RSA measure: a title, an owner among the choices, an optional due date (YYYY-MM-DD). */
export function parseMeasure(
  fields: Record<string, string | undefined>,
  owners: readonly string[],
): Parsed<MeasureInput, 'title' | 'ownerOrganisationId' | 'dueDate'> {
  const errors: FieldErrors<'title' | 'ownerOrganisationId' | 'dueDate'> = {}
  const title = field(fields, 'title')
  if (title.length === 0) errors.title = 'validation.required'
  else if (title.length > 200) errors.title = 'validation.tooLong'
  const ownerOrganisationId = field(fields, 'ownerOrganisationId')
  if (!owners.includes(ownerOrganisationId)) errors.ownerOrganisationId = 'validation.choose'
  const due = field(fields, 'dueDate')
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(due) && !Number.isNaN(Date.parse(`${due}T00:00:00Z`))
  if (due !== '' && (!valid || new Date(`${due}T00:00:00Z`).toISOString().slice(0, 10) !== due))
    errors.dueDate = 'eventEvaluation.error.date'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: { title, ownerOrganisationId, dueDate: due === '' ? null : due } }
}

/** The leaders' summary. */
export function parseSummary(
  fields: Record<string, string | undefined>,
): Parsed<{ worked: string; improve: string }, 'worked' | 'improve'> {
  const worked = field(fields, 'worked')
  const improve = field(fields, 'improve')
  const errors: FieldErrors<'worked' | 'improve'> = {}
  if (worked.length > MAX_TEXT_LENGTH) errors.worked = 'validation.tooLong'
  if (improve.length > MAX_TEXT_LENGTH) errors.improve = 'validation.tooLong'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: { worked, improve } }
}

/** The log kinds the evaluation's timeline is built from. */
export const timelineKinds = ['decision', 'status_report', 'callout', 'level', 'closed', 'message_out'] as const
