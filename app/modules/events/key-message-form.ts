import { z } from 'zod'
import { optionalText, requiredText, uuidField, versionField } from '~/modules/forms/fields'
import { parseForm, type ParseResult } from '~/modules/forms/parse-form'

// The form of a key message to the public: what is said, and where the
// public can turn. The places are picked from the registry's trygghetspunkter
// and nödvattenpunkter, each stored as one line of "where to turn", and free
// text follows them; reading a stored message back, the lines that are a
// place's tick its box again. Every message is an i18n key.

export const KEY_MESSAGE_TEXT_MAX = 2_000
export const WHERE_TO_TURN_MAX = 2_000

/** A place the public can turn to, as the pick list offers it; `line` is what the message stores. */
export interface PlaceOption {
  id: string
  line: string
}

export interface KeyMessageFields {
  text: string
  whereToTurn: string
}

const KeyMessageSchema = z.object({
  text: requiredText(KEY_MESSAGE_TEXT_MAX),
  whereToTurn: optionalText(WHERE_TO_TURN_MAX),
})

export const KeyMessageRefSchema = z.object({ messageId: uuidField, version: versionField })

/** The stored "where to turn": the picked places' lines, then the free text. */
export function composeWhereToTurn(picked: readonly string[], free: string): string {
  return [...picked, free.trim()].filter((line) => line !== '').join('\n')
}

/** A stored "where to turn" read back into the form: the places whose line it holds, and the rest as free text. */
export function splitWhereToTurn(stored: string, places: readonly PlaceOption[]): { placeIds: string[]; free: string } {
  const placeIds: string[] = []
  const free: string[] = []
  for (const line of stored.split(/\r?\n/)) {
    const place = places.find((option) => option.line === line.trim())
    if (place && !placeIds.includes(place.id)) placeIds.push(place.id)
    else free.push(line)
  }
  return { placeIds, free: free.join('\n').trim() }
}

/**
 * The message's text and where to turn; a picked id that is not on the pick
 * list is refused (a forged form), never stored.
 */
export function parseKeyMessageForm(
  formData: FormData,
  places: readonly PlaceOption[],
): ParseResult<KeyMessageFields> & { placeIds: string[] } {
  const placeIds = formData.getAll('places').filter((value): value is string => typeof value === 'string')
  const parsed = parseForm(KeyMessageSchema, formData)
  const picked = placeIds.map((id) => places.find((place) => place.id === id))
  const unknown = picked.some((place) => place === undefined)
  if (!parsed.ok || unknown) {
    const errors = parsed.ok ? {} : parsed.errors
    return {
      ok: false,
      errors: unknown ? { ...errors, places: 'validation.choose' } : errors,
      values: parsed.values,
      placeIds,
    }
  }
  const whereToTurn = composeWhereToTurn(
    picked.map((place) => place!.line),
    parsed.data.whereToTurn,
  )
  if (whereToTurn.length > WHERE_TO_TURN_MAX) {
    return { ok: false, errors: { whereToTurn: 'validation.tooLong' }, values: parsed.values, placeIds }
  }
  return { ok: true, data: { text: parsed.data.text, whereToTurn }, values: parsed.values, placeIds }
}
