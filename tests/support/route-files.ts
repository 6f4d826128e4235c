// The route modules in app/routes, by the names Remix's flat-file convention
// would give them: a section's folder (`trygghet+/`, read by remix-flat-routes)
// counts as the prefix `trygghet.`, so `trygghet+/$id.inkorg.tsx` is
// `trygghet.$id.inkorg`. Tests name routes this way; `id` is Remix's route id.
import fs from 'node:fs'
import path from 'node:path'

export const routesDir = path.resolve(import.meta.dirname, '../../app/routes')

export interface RouteFile {
  /** `trygghet.$id.inkorg` */
  name: string
  /** Remix's route id: `routes/trygghet+/$id.inkorg` */
  id: string
  /** The module's absolute path. */
  file: string
}

const isRouteModule = (file: string) => /\.tsx?$/.test(file) && !/\.(server|test)\.tsx?$/.test(file)

export function listRouteFiles(): RouteFile[] {
  const found: RouteFile[] = []
  for (const entry of fs.readdirSync(routesDir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.endsWith('+')) throw new Error(`app/routes/${entry.name}: a section's folder ends with "+"`)
      const section = entry.name.slice(0, -1)
      for (const file of fs.readdirSync(path.join(routesDir, entry.name))) {
        if (!isRouteModule(file)) continue
        const base = file.replace(/\.tsx?$/, '')
        found.push({ name: `${section}.${base}`, id: `routes/${entry.name}/${base}`, file: path.join(routesDir, entry.name, file) })
      }
    } else if (isRouteModule(entry.name)) {
      const base = entry.name.replace(/\.tsx?$/, '')
      found.push({ name: base, id: `routes/${base}`, file: path.join(routesDir, entry.name) })
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name))
}

/** The module file of a route named as above. */
export function routeFileOf(name: string): string {
  const route = listRouteFiles().find((candidate) => candidate.name === name)
  if (!route) throw new Error(`No route module named ${name}`)
  return route.file
}
