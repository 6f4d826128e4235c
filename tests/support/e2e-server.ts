import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { DEMO_PASSWORD } from './e2e-constants'
import { startMailServer } from './e2e-mail-server'
import {
  freePort,
  inheritedButIgnored,
  root,
  snapshotBuild,
  stopServer,
  waitForHealth,
} from './portal-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/**
 * One production server for the whole browser suite, on a fresh PGlite folder.
 * The server loads the demo network into it at start.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, 'build/server/index.js'))) {
    throw new Error(
      'build/server/index.js is missing: run `npm run build` before the browser tests (`npm run test:e2e` does both).',
    )
  }

  let stopping = false
  let serverOutput = ''
  const cleanups: (() => Promise<void>)[] = []
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step()
  }

  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of inheritedButIgnored) delete env[name]

  try {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-portal-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    await snapshotBuild(dir)

    // The embedded database, as the README's first command runs it: the
    // integration and reliability suites cover PostgreSQL.
    env.PGLITE_DIR = path.join(dir, 'pglite')

    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    // The test authenticator's keys and the saved sessions are this server's alone.
    for (const file of [`e2e-authenticator-${port}.json`, `e2e-sessions-${port}.json`]) {
      const stored = path.join(os.tmpdir(), file)
      await rm(stored, { force: true })
      cleanups.push(() => rm(stored, { force: true }))
    }
    // The outbox shows no link that works: the tests read the recipients' mail instead.
    const mail = await startMailServer(baseUrl)
    cleanups.push(mail.stop)
    env.SMTP_URL = mail.url
    Object.assign(env, {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      SEED_DEMO: 'true',
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
    })

    const child = spawn(process.execPath, ['server.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const collect = (chunk: Buffer) => {
      serverOutput += chunk.toString()
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    cleanups.push(() => stopServer(child))

    await waitForHealth(baseUrl, child, () => serverOutput)
    child.once('exit', (code, signal) => {
      if (!stopping) console.error(`The portal stopped during the tests (${code ?? signal}).\n${serverOutput}`)
    })
    project.provide('baseUrl', baseUrl)
  } catch (error) {
    await cleanup()
    throw error
  }

  return async () => {
    stopping = true
    await cleanup()
    // LOG_LEVEL=warn: anything the server logged at error level is worth seeing.
    const errors = serverOutput.split('\n').filter((line) => /^\{"level":(50|60)\b/.test(line))
    if (errors.length > 0) {
      console.error(`The portal logged ${errors.length} error(s) during the browser tests:\n${errors.join('\n')}`)
    }
  }
}
