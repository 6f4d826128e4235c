import { describe, expect, it } from 'vitest'
import { en } from '../../app/i18n/areas/en/meeting-follow-up'
import { sv } from '../../app/i18n/areas/meeting-follow-up'
import {
  evaluationQuestions,
  formatAverage,
  parseEvaluationAnswer,
  summariseEvaluation,
} from '../../app/modules/meetings/evaluation'

const answer = (values: number[], comment = '') => ({
  ratings: Object.fromEntries(evaluationQuestions.map((key, index) => [key, values[index]!])),
  comment,
})

describe('the evaluation questionnaire', () => {
  it('has four or five fixed questions, each with a Swedish and an English text', () => {
    expect(evaluationQuestions.length).toBeGreaterThanOrEqual(4)
    expect(evaluationQuestions.length).toBeLessThanOrEqual(5)
    for (const key of evaluationQuestions) {
      expect(sv[`meetingFollowUp.evaluation.q.${key}`]).toMatch(/\S/)
      expect(en[`meetingFollowUp.evaluation.q.${key}`]).toMatch(/\S/)
    }
  })

  it('takes a rating from 1 to 5 for every question and a trimmed comment', () => {
    const fields = Object.fromEntries(evaluationQuestions.map((key) => [`q.${key}`, '4']))
    expect(parseEvaluationAnswer({ ...fields, comment: '  Bra dag  ' })).toEqual({
      ok: true,
      data: { ratings: Object.fromEntries(evaluationQuestions.map((key) => [key, 4])), comment: 'Bra dag' },
    })
  })

  it('names each question left out or out of range', () => {
    const fields: Record<string, string> = Object.fromEntries(evaluationQuestions.map((key) => [`q.${key}`, '3']))
    fields[`q.${evaluationQuestions[0]}`] = '0'
    fields[`q.${evaluationQuestions[1]}`] = '6'
    fields[`q.${evaluationQuestions[2]}`] = '2.5'
    delete fields[`q.${evaluationQuestions[3]}`]
    const result = parseEvaluationAnswer({ ...fields, comment: 'x'.repeat(2001) })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual([...evaluationQuestions.slice(0, 4), 'comment'].sort())
    expect(result.errors[evaluationQuestions[0]]).toBe('meetingFollowUp.evaluation.chooseRating')
  })
})

describe('the compiled evaluation', () => {
  it('counts the answers, averages each question to one decimal and lists the comments given', () => {
    const summary = summariseEvaluation([
      answer([5, 4, 3, 2, 1], 'Bra scenario'),
      answer([4, 4, 4, 4, 4], '  '),
      answer([5, 5, 2, 1, 1], 'För lång'),
    ])
    expect(summary.count).toBe(3)
    expect(summary.questions.map((question) => question.average)).toEqual([4.7, 4.3, 3, 2.3, 2])
    expect(summary.questions[0]).toEqual({
      key: evaluationQuestions[0],
      answered: 3,
      average: 4.7,
      distribution: [0, 0, 0, 1, 2],
    })
    expect(summary.comments).toEqual(['Bra scenario', 'För lång'])
  })

  it('has no average without answers, and leaves out ratings that are not 1–5', () => {
    expect(
      summariseEvaluation([]).questions.every((question) => question.average === null && question.answered === 0),
    ).toBe(true)
    const summary = summariseEvaluation([
      {
        ratings: { [evaluationQuestions[0]]: 9, [evaluationQuestions[1]]: '5', [evaluationQuestions[2]]: 2 },
        comment: '',
      },
    ])
    expect(summary.count).toBe(1)
    expect(summary.questions[0]!.answered).toBe(0)
    expect(summary.questions[1]!.answered).toBe(0)
    expect(summary.questions[2]!.average).toBe(2)
  })

  it('shows an average with a decimal comma in Swedish', () => {
    expect(formatAverage(4.3, 'sv')).toBe('4,3')
    expect(formatAverage(4, 'en')).toBe('4.0')
    expect(formatAverage(null, 'sv')).toBe('–')
  })
})
