import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { requireAdminDatabase, root, snapshotBuild } from '../support/portal-server'

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string
    portalDir: string
  }
}

/**
 * Once per run: a real PostgreSQL must answer (no silent skip: this suite is
 * the proof that the portal survives load, crashes and outages), and every
 * test's servers run one private copy of the build.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, 'build/server/index.js'))) {
    throw new Error(
      'build/server/index.js is missing: run `npm run build` first (`npm run test:reliability` does both).',
    )
  }
  const adminUrl = await requireAdminDatabase()
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reliability-portal-'))
  try {
    await snapshotBuild(dir)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  project.provide('adminUrl', adminUrl)
  project.provide('portalDir', dir)
  return () => rm(dir, { recursive: true, force: true })
}
