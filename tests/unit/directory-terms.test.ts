import { describe, expect, it } from 'vitest'
import { foldText, matchDirectoryTerms } from '../../app/modules/directory/directory-terms'
import { directoryParams, withDirectoryParams } from '../../app/modules/directory/directory-filters'

describe('folding text for search', () => {
  it('drops case and Swedish diacritics as portal_fold does', () => {
    expect(foldText('Vårgårda BOSTÄDER Öxabäck é')).toBe('vargarda bostader oxaback e')
  })
})

describe('contact functions and sectors named in a search', () => {
  it('finds a function by its abbreviation and keeps the rest as a name', () => {
    expect(matchDirectoryTerms('TiB Alingsås')).toEqual({
      functions: ['duty_officer'],
      sectors: [],
      rest: 'alingsas',
      restWords: ['alingsas'],
      required: ['tib', 'alingsas'],
    })
  })

  it('finds a sector by the start of a compound word, in Swedish or English', () => {
    expect(matchDirectoryTerms('energi Borås').sectors).toEqual(['energy'])
    expect(matchDirectoryTerms('livsmedel').sectors).toEqual(['food'])
    expect(matchDirectoryTerms('transport').sectors).toEqual(['transport'])
    expect(matchDirectoryTerms('växel').functions).toEqual(['switchboard'])
    expect(matchDirectoryTerms('duty officer').functions).toEqual(['duty_officer'])
  })

  it('needs five letters for a word to name the start of a longer one', () => {
    expect(matchDirectoryTerms('kris').functions).toEqual([])
    expect(matchDirectoryTerms('krisledning').functions).toEqual(['crisis_management'])
  })

  it('requires every meaningful word of a name, numbers included', () => {
    expect(matchDirectoryTerms('Vårgårda Bostäder AB').required).toEqual(['vargarda', 'bostader'])
    expect(matchDirectoryTerms('VGR Kris 18').required).toEqual(['vgr', 'kris', '18'])
    expect(matchDirectoryTerms('bostäder i vårgårda').required).toEqual(['bostader', 'vargarda'])
  })

  it('names no organisation when only a function was typed', () => {
    expect(matchDirectoryTerms('ISK')).toMatchObject({ functions: ['isk'], restWords: [], required: ['isk'] })
    expect(matchDirectoryTerms('ab').required).toEqual(['ab'])
  })
})

describe('directory links', () => {
  it('carry the search and filters in a fixed order without empty ones', () => {
    const filters = { q: 'vårgårda', kind: 'police' as const, sector: undefined, network: undefined }
    expect(directoryParams(filters).toString()).toBe('q=v%C3%A5rg%C3%A5rda&kind=police')
    expect(withDirectoryParams('/katalog/export.csv', { q: '' })).toBe('/katalog/export.csv')
  })
})
