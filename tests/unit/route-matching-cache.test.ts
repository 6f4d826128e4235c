import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { UNSAFE_defineRoutes as defineRoutes } from '@remix-run/dev'
import { createMemoryHistory, createRouter, matchRoutes, type AgnosticRouteObject } from '@remix-run/router'
import { afterAll, describe, expect, it } from 'vitest'
import remixConfig from '../../remix.config.js'

// patches/@remix-run+router+1.23.3.patch (issue 20) computes a route tree's
// ranked branches once and each path pattern's RegExp once. Proof that it
// changes no answer: the unpatched router (the patch applied in reverse to a
// copy) and the patched one give the same matches for every route of the
// portal, and a tree changed in place by lazy route discovery is matched anew.

const root = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(import.meta.url)
const patchedFile = require.resolve('@remix-run/router')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'router-unpatched-'))

function unpatchedRouter(): typeof import('@remix-run/router') {
  const copy = path.join(tmp, 'node_modules/@remix-run/router')
  fs.cpSync(path.dirname(path.dirname(patchedFile)), copy, { recursive: true })
  execFileSync('patch', ['-R', '-p4', '-d', copy, '-i', path.join(root, 'patches/@remix-run+router+1.23.3.patch')], {
    stdio: 'pipe',
  })
  const file = path.join(copy, path.relative(path.dirname(path.dirname(patchedFile)), patchedFile))
  expect(fs.readFileSync(file, 'utf8')).not.toContain('PATCHED')
  return require(file) as typeof import('@remix-run/router')
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

interface Entry {
  id: string
  parentId?: string
  path?: string
  index?: boolean
  caseSensitive?: boolean
}

// The portal's routes as remix.config.js defines them (remix-flat-routes, section folders included).
const manifest = (await remixConfig.routes!(defineRoutes)) as Record<string, Entry>

/** The portal's route tree as Remix's server builds it (server-runtime's createRoutes). */
function portalRoutes(): AgnosticRouteObject[] {
  const entries: Entry[] = [{ id: 'root', path: '' }, ...Object.values(manifest)]
  const childrenOf = (parentId: string | undefined): AgnosticRouteObject[] =>
    entries
      .filter((entry) => entry.parentId === parentId)
      .map((entry) =>
        entry.index
          ? { id: entry.id, path: entry.path, index: true, caseSensitive: entry.caseSensitive }
          : { id: entry.id, path: entry.path, caseSensitive: entry.caseSensitive, children: childrenOf(entry.id) },
      )
  return childrenOf(undefined)
}

/** A path that reaches each route: its own and its parents' segments, parameters filled in. */
function pathsOf(routes: AgnosticRouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const own = [parent, route.path ?? '']
      .filter(Boolean)
      .join('/')
      .replace(/:[\w-]+\??/g, (param) => `v-${param.length}`)
      .replace(/\*$/, 'a/b')
    return [`/${own}`, ...pathsOf(route.children ?? [], own)]
  })
}

const shape = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((match) => ({
    id: match.route.id,
    params: match.params,
    pathname: match.pathname,
    pathnameBase: match.pathnameBase,
  })) ?? null

describe('route matching, computed once per route tree (patches/@remix-run+router)', () => {
  it(
    'finds for every path of the portal what the unpatched router finds, on the first and on later matches',
    { timeout: 30_000 },
    () => {
      const unpatched = unpatchedRouter()
      const routes = portalRoutes()
      const sameTreeAgain = portalRoutes()
      const paths = pathsOf(routes)
      // Routes reached as users write them: trailing slashes, other case, encoded characters, nothing.
      const variants = paths.flatMap((p) => [p, `${p}/`, p.toUpperCase(), `${p}/%C3%A5tg%C3%A4rd`, `${p}/okänd/sida`])
      expect(paths.length).toBeGreaterThan(140)
      const expected = variants.map((pathname) => shape(unpatched.matchRoutes(sameTreeAgain, pathname)))
      for (let round = 1; round <= 3; round++) {
        expect(variants.map((pathname) => shape(matchRoutes(routes, pathname)))).toEqual(expected)
      }
      // Not a list of misses: most paths reach a route.
      expect(expected.filter(Boolean).length).toBeGreaterThan(variants.length / 2)
    },
  )

  it('matches a tree that lazy route discovery changed in place anew', async () => {
    const router = createRouter({
      routes: [{ id: 'root', path: '/', children: [{ id: 'a', path: 'a' }] }],
      history: createMemoryHistory(),
    })
    // Matched once: the tree's branches are now cached.
    const tree = router.routes
    expect(shape(matchRoutes(tree, '/b'))).toEqual(null)
    // The router hands out a new array after a patch, but the route objects in it, and in the
    // array matched above, are the same ones, their children changed in place.
    router.patchRoutes('root', [{ id: 'b', path: 'b' }])
    expect(shape(matchRoutes(tree, '/b'))?.map((match) => match.id)).toEqual(['root', 'b'])
    expect(shape(matchRoutes(router.routes, '/b'))?.map((match) => match.id)).toEqual(['root', 'b'])
    router.dispose()
  })
})
