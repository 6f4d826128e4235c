import { describe, expect, it } from 'vitest'
import { translator, type Locale } from '../../app/i18n/i18n'

type MetaArgs = { data: unknown; matches: { id: string; data: unknown }[]; params: object; location: object }
type RouteModule = { meta?: (args: MetaArgs) => { title?: string }[] }

const modules = {
  ...import.meta.glob<RouteModule>('../../app/routes/*.{ts,tsx}'),
  ...import.meta.glob<RouteModule>('../../app/routes/*+/*.{ts,tsx}'),
  ...import.meta.glob<RouteModule>('../../app/root.tsx'),
}

// Without loader data these fall back to a word that is the same in both languages.
const sameInBothLanguages = [
  'organisationer.$id.tsx', // Organisation
  'organisationer.$id._index.tsx', // Organisation
  'rsa.$id.tsx', // RSA
  'rsa.$id.svar_.$eventId.tsx', // RSA
  'scenarier.$id.tsx', // Scenario
  'scenarier.$id_.redigera.tsx', // Scenario
  'scenarier.$id_.utskrift.tsx', // Scenario
]
// The loader writes the whole title in the page's language; without it the portal's name alone.
const nameOnly = [
  'root.tsx',
  'organisationer.$id.kontaktvagar.$routeId.tsx',
  'organisationer.$id.kontaktvagar.$routeId_.provsamtal.tsx',
  'organisationer.$id.kontaktvagar.ny.tsx',
]

async function titleOf(file: string, locale: Locale) {
  const route = await modules[file]!()
  const descriptors = route.meta!({
    data: undefined,
    matches: [{ id: 'root', data: { locale } }],
    params: {},
    location: { pathname: '/', search: '', hash: '', state: null, key: 'default' },
  })
  return descriptors.find((descriptor) => 'title' in descriptor)?.title ?? ''
}

const withMeta = await Promise.all(
  Object.entries(modules).map(async ([file, load]) => ({ file, meta: (await load()).meta })),
).then((all) => all.filter((route) => route.meta).map((route) => route.file))

describe('page titles', () => {
  it('finds the route modules', () => {
    expect(withMeta.length).toBeGreaterThan(100)
  })

  it.each(withMeta)('%s has a title in the page language', async (file) => {
    // A section's folder counts as the name's prefix: …/trygghet+/$id.tsx is trygghet.$id.tsx.
    const name = file.replace(/^.*\/app\//, '').replace(/^routes\//, '').replace('+/', '.')
    const sv = await titleOf(file, 'sv')
    const en = await titleOf(file, 'en')
    const svName = translator('sv')('app.name')
    const enName = translator('en')('app.name')
    if (nameOnly.includes(name)) {
      expect([sv, en]).toEqual([svName, enName])
      return
    }
    expect(sv.endsWith(` – ${svName}`)).toBe(true)
    expect(en.endsWith(` – ${enName}`)).toBe(true)
    const svPage = sv.slice(0, -` – ${svName}`.length)
    const enPage = en.slice(0, -` – ${enName}`.length)
    expect(enPage.trim()).not.toBe('')
    expect(enPage).not.toMatch(/[åäö]/i)
    if (sameInBothLanguages.includes(name)) expect(enPage).toBe(svPage)
    else expect(enPage).not.toBe(svPage)
  })
})
