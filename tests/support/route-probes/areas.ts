import fs from 'node:fs'
import path from 'node:path'
import type { Database } from '../../../app/db/client.server'
import type { Probe, Who } from '../../integration/route-access.test'

/** What the access matrix has made before an area's probes run. */
export interface AreaContext {
  /** The probing users' organisation, and another one. */
  own: string
  other: string
  userIds: ReadonlyMap<Who, string>
}

/**
 * One area's part of the route access matrix: its probes, whose URLs, params
 * and bodies may hold placeholders (':meetingOfOwn' …), and a setup that makes
 * the records and returns placeholder → id. Placeholders must be unique
 * across areas: start them with the area's name.
 */
export interface AreaProbes {
  probes(): Probe[]
  setup(db: Database, context: AreaContext): Promise<Record<string, string>>
}

/** Every other module in this folder, each exporting `area: AreaProbes`. */
export async function loadAreaProbes(): Promise<AreaProbes[]> {
  const dir = path.dirname(new URL(import.meta.url).pathname)
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && file !== 'areas.ts')
    .sort()
  const modules = await Promise.all(
    files.map((file) => import(/* @vite-ignore */ path.join(dir, file)) as Promise<{ area: AreaProbes }>),
  )
  return modules.map((module) => module.area)
}

/**
 * Probes of the routes under one record (a meeting, an event): its params on
 * every probe, a body on every POST, and a 404 counted as a denial, since
 * such routes answer 404 to whoever may not see the record.
 */
export function recordProbes(params: Record<string, string>) {
  return (
    route: string,
    method: 'GET' | 'POST',
    url: string,
    allowed: readonly Who[],
    body?: Record<string, string>,
  ): Probe => ({
    route,
    method,
    url,
    params,
    ...(method === 'POST' ? { body: body ?? {} } : {}),
    allowed: [...allowed],
    notFoundDenies: true,
  })
}
