import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { DEMO_PASSWORD } from './e2e-constants'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 15_000

// Variables that would point the server elsewhere than its own fresh database,
// its outbox, plain-http cookies and its own origin.
const inheritedButIgnored = [
  'DATABASE_URL',
  'PGLITE_DIR',
  'MIGRATIONS_DIR',
  'SMTP_URL',
  'PUBLIC_URL',
  'COOKIE_SECURE',
  'TRUST_PROXY',
  'SEED_DEMO',
  'MAX_BODY_BYTES',
]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/** The client assets the server build refers to but the copy lacks (a build ran while we copied). */
async function missingAssets(dir: string): Promise<string[]> {
  const server = await readFile(path.join(dir, 'build/server/index.js'), 'utf8')
  // Absolute /assets/… paths are the client's; "./assets/…" are the server bundle's own chunks.
  const referenced = new Set(server.match(/(?<![.\w])\/assets\/[\w.-]+\.(?:js|css)/g) ?? [])
  const present = new Set((await readdir(path.join(dir, 'build/client/assets'))).map((name) => `/assets/${name}`))
  return [...referenced].filter((asset) => !present.has(asset))
}

/**
 * Serves a private copy of the build: others working in the same checkout
 * rebuild build/ at any time, and a server whose client assets change under it
 * fails to load its route modules.
 */
async function snapshotBuild(dir: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await rm(path.join(dir, 'build'), { recursive: true, force: true })
    await cp(path.join(root, 'build'), path.join(dir, 'build'), { recursive: true })
    const missing = await missingAssets(dir)
    if (missing.length === 0) break
    if (attempt === 5) throw new Error(`build/ changed while it was copied; missing ${missing.join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
  }
  await cp(path.join(root, 'server.js'), path.join(dir, 'server.js'))
  await cp(path.join(root, 'package.json'), path.join(dir, 'package.json'))
  await cp(path.join(root, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true })
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited(child)
  clearTimeout(timer)
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The portal exited during start (code ${child.exitCode ?? child.signalCode}).\n--- server output ---\n${output()}`,
      )
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })
      if (response.status === 200) return
      last = `HTTP ${response.status}: ${await response.text()}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(
    `The portal did not answer GET /healthz with 200 within ${START_TIMEOUT_MS / 1000} s (last: ${last}).\n--- server output ---\n${output()}`,
  )
}

/**
 * One production server for the whole browser suite, on a fresh database:
 * a new PostgreSQL database when DATABASE_URL is set, else a new PGlite folder.
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

    if (process.env.DATABASE_URL) {
      const name = `e2e_${process.pid}_${randomBytes(4).toString('hex')}`
      const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
      cleanups.push(() => admin.end())
      await admin.unsafe(`create database "${name}"`)
      cleanups.push(async () => {
        await admin.unsafe(`drop database if exists "${name}" with (force)`)
      })
      env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, name)
    } else {
      env.PGLITE_DIR = path.join(dir, 'pglite')
    }

    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    Object.assign(env, {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
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
