import { contactFunctions, sectors, type ContactFunction, type Sector } from '~/db/enums'
import { en as functionsEn } from '~/i18n/areas/en/contact-function'
import { en as sectorsEn } from '~/i18n/areas/en/sector'
import { sv as functionsSv } from '~/i18n/areas/contact-function'
import { sv as sectorsSv } from '~/i18n/areas/sector'

/**
 * Words of a search that name a contact function ("TiB", "ISK", "växel") or
 * a sector ("energi", "livsmedel"), in Swedish or English. The rest of the
 * query narrows those down by organisation name: "tib alingsås" finds the
 * duty officers of the organisations called something like Alingsås.
 */
export interface DirectoryTerms {
  functions: ContactFunction[]
  sectors: Sector[]
  /** The words that named neither, folded, in their order. */
  rest: string
  /** Of those, the ones an organisation's name must contain when a function or sector was named. */
  restWords: string[]
  /**
   * The words a name must contain (each allowing a typo): all but one-letter
   * words and stop words, where a number counts whatever its length; all
   * words when that leaves none.
   */
  required: string[]
}

/** Lower case without diacritics, as portal_fold() does in the database. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

// Words that say nothing about a function or a sector on their own.
const stopWords = new Set(['och', 'med', 'for', 'the', 'and', 'som', 'till'])

type Vocabulary<T extends string> = [T, string[]][]

function vocabulary<T extends string>(values: readonly T[], label: (value: T) => string[]): Vocabulary<T> {
  return values.map((value) => [value, label(value).flatMap(words).filter((word) => !stopWords.has(word))])
}

const functionWords = vocabulary(contactFunctions, (fn) => [functionsSv[`contactFunction.${fn}`], functionsEn[`contactFunction.${fn}`]])
const sectorWords = vocabulary(sectors, (sector) => [sectorsSv[`sector.${sector}`], sectorsEn[`sector.${sector}`]])

/**
 * A query word names a label word when it is that word, or (five letters or
 * more) its beginning: Swedish compounds make "energi" the start of
 * "energiförsörjning", while "el" or "tib" must stand alone.
 */
function names(word: string, labelWord: string): boolean {
  return labelWord === word || (word.length >= 5 && labelWord.startsWith(word))
}

function matching<T extends string>(word: string, vocabulary: Vocabulary<T>): T[] {
  if (word.length < 3 || stopWords.has(word)) return []
  return vocabulary.filter(([, labelWords]) => labelWords.some((labelWord) => names(word, labelWord))).map(([value]) => value)
}

const significant = (word: string) => (word.length >= 3 && !stopWords.has(word)) || /\d/.test(word)

export function matchDirectoryTerms(query: string): DirectoryTerms {
  const functions = new Set<ContactFunction>()
  const matchedSectors = new Set<Sector>()
  const rest: string[] = []
  const all = words(query)
  for (const word of all) {
    const fns = matching(word, functionWords)
    const secs = matching(word, sectorWords)
    fns.forEach((fn) => functions.add(fn))
    secs.forEach((sector) => matchedSectors.add(sector))
    if (fns.length === 0 && secs.length === 0) rest.push(word)
  }
  const restWords = [...new Set(rest.filter(significant))]
  const required = [all.filter(significant), all].find((list) => list.length > 0) ?? []
  return {
    functions: [...functions],
    sectors: [...matchedSectors],
    rest: rest.join(' '),
    restWords,
    required: [...new Set(required)],
  }
}
