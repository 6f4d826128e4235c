import { badRequest } from './responses'

// `never[]` lets handlers of any parameters fit; `args` is checked against theirs.
type Handler = (...args: never[]) => unknown

/**
 * The one dispatcher for a page whose forms post several intents: the posted
 * `intent`'s own function, called with `args`, or 400 for a missing or
 * unknown intent. Only the record's own keys count, so `__proto__` or
 * `toString` never reach an inherited function.
 */
export function dispatchIntent<H extends Record<string, Handler>>(
  formData: FormData,
  handlers: H,
  ...args: Parameters<H[keyof H]>
): ReturnType<H[keyof H]> {
  const intent = formData.get('intent')
  if (typeof intent !== 'string' || !Object.hasOwn(handlers, intent)) throw badRequest()
  const handler = handlers[intent] as (...args: Parameters<H[keyof H]>) => ReturnType<H[keyof H]>
  return handler(...args)
}

/**
 * For a page whose main form once posted without an intent: a post that
 * names none is `intent`, as before, so a page loaded before the intent was
 * added (or a script) still saves. A named but unknown intent stays unknown.
 */
export function withDefaultIntent(formData: FormData, intent: string): FormData {
  if (!formData.has('intent')) formData.set('intent', intent)
  return formData
}
