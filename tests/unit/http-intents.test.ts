import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { dispatchIntent, withDefaultIntent } from '../../app/modules/http/intents'

function form(entries: Record<string, string | Blob>): FormData {
  const formData = new FormData()
  for (const [name, value] of Object.entries(entries)) formData.append(name, value)
  return formData
}

async function refusal(run: () => unknown): Promise<Response> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

describe('dispatchIntent', () => {
  it('calls the posted intent’s function with the arguments, and no other', async () => {
    const save = vi.fn(async (context: { id: string }, formData: FormData) => ({ saved: context.id, formData }))
    const remove = vi.fn(async () => ({ removed: true }))
    const formData = form({ intent: 'save' })
    const answer = await dispatchIntent(formData, { save, delete: remove }, { id: 'a' }, formData)
    expect(answer).toEqual({ saved: 'a', formData })
    expect(save).toHaveBeenCalledOnce()
    expect(save).toHaveBeenCalledWith({ id: 'a' }, formData)
    expect(remove).not.toHaveBeenCalled()
  })

  it('keeps each handler’s return type', () => {
    const handlers = { one: async () => ({ form: 'one' as const }), two: async () => ({ form: 'two' as const }) }
    expectTypeOf(dispatchIntent(form({ intent: 'one' }), handlers)).toEqualTypeOf<
      Promise<{ form: 'one' }> | Promise<{ form: 'two' }>
    >()
  })

  it.each([
    ['a missing intent', {}],
    ['an unknown intent', { intent: 'drop' }],
    ['an empty intent', { intent: '' }],
    ['__proto__', { intent: '__proto__' }],
    ['constructor', { intent: 'constructor' }],
    ['toString', { intent: 'toString' }],
    ['hasOwnProperty', { intent: 'hasOwnProperty' }],
    ['a file as intent', { intent: new Blob(['save']) }],
  ])('answers 400 for %s', async (_name, entries) => {
    const save = vi.fn(async () => 'saved')
    const response = await refusal(() => dispatchIntent(form(entries), { save }))
    expect(response.status).toBe(400)
    expect(save).not.toHaveBeenCalled()
  })
})

describe('withDefaultIntent', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.set(name, value)
    return data
  }
  const handlers = { save: () => 'saved', delete: () => 'deleted' }

  it('makes a post without an intent the default one', () => {
    expect(dispatchIntent(withDefaultIntent(form({ name: 'x' }), 'save'), handlers)).toBe('saved')
  })

  it('leaves a named intent, known or not, as it is', () => {
    expect(dispatchIntent(withDefaultIntent(form({ intent: 'delete' }), 'save'), handlers)).toBe('deleted')
    expect(() => dispatchIntent(withDefaultIntent(form({ intent: 'bogus' }), 'save'), handlers)).toThrow()
    expect(() => dispatchIntent(withDefaultIntent(form({ intent: '' }), 'save'), handlers)).toThrow()
  })
})
