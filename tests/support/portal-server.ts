import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cp, readdir, readFile, rm, symlink } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'

// Starting, stopping and killing the production server (node server.js of the
// current build) on a database of the test's choosing: shared by the browser
// suite (e2e-server.ts) and the reliability suite.

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const START_TIMEOUT_MS = 60_000
export const STOP_TIMEOUT_MS = 15_000

/** Where a developer's machine without DATABASE_URL finds a PostgreSQL to create scratch databases on. */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

// Variables that would point the server elsewhere than its own fresh database,
// its outbox, plain-http cookies and its own origin.
export const inheritedButIgnored = [
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

export function freePort(): Promise<number> {
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

export function withDatabase(url: string, name: string): string {
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
export async function snapshotBuild(dir: string): Promise<void> {
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

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited(child)
  clearTimeout(timer)
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
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
 * The admin connection scratch databases are created from: DATABASE_URL, or
 * the local server's `postgres` database. Throws a message saying what to do
 * when no PostgreSQL answers there.
 */
export async function requireAdminDatabase(): Promise<string> {
  const url = process.env.DATABASE_URL || DEFAULT_ADMIN_URL
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    await admin`select 1`
  } catch (error) {
    const shown = new URL(url)
    shown.password = ''
    throw new Error(
      `This suite needs a real PostgreSQL and none answered at ${shown.toString()} ` +
        `(${error instanceof Error ? error.message : String(error)}). ` +
        'Start PostgreSQL, or set DATABASE_URL to a database on a server where that user may CREATE DATABASE.',
    )
  } finally {
    await admin.end({ timeout: 1 })
  }
  return url
}

export interface ScratchDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** An empty database of its own on the admin URL's server; drop() removes it even with connections open. */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end({ timeout: 1 })
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} })
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`)
      } finally {
        await cleanup.end({ timeout: 1 })
      }
    },
  }
}

export interface PortalServer {
  baseUrl: string
  pid: number
  /** performance.now() when the process was spawned. */
  spawnedAt: number
  /** Everything the server printed so far. */
  output(): string
  /** Lines the server logged at error level or worse. */
  errorLines(): string[]
  alive(): boolean
  /** SIGTERM, a clean shutdown (SIGKILL after STOP_TIMEOUT_MS). */
  stop(): Promise<void>
  /** SIGKILL: the process gets no chance to finish anything. */
  kill(): Promise<void>
}

/**
 * Starts `node server.js` in `dir` (a snapshotBuild copy) on `databaseUrl`, or
 * on the embedded database in `pgliteDir`, and waits until /healthz answers
 * 200. The server migrates the database and loads the demo network into it
 * when it is empty.
 */
export async function startPortal(options: {
  dir: string
  databaseUrl: string | { pgliteDir: string }
  demoPassword: string
  logLevel?: string
  port?: number
  /** More variables for the server (e.g. a job's interval). */
  env?: Record<string, string>
}): Promise<PortalServer> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of inheritedButIgnored) delete env[name]
  // Given a port, the process is spawned before this call returns (no await before spawn).
  const port = options.port ?? (await freePort())
  const baseUrl = `http://127.0.0.1:${port}`
  Object.assign(env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    SEED_DEMO: 'true',
    DEMO_PASSWORD: options.demoPassword,
    LOG_LEVEL: options.logLevel ?? 'warn',
    ...options.env,
  })
  if (typeof options.databaseUrl === 'string') env.DATABASE_URL = options.databaseUrl
  else env.PGLITE_DIR = options.databaseUrl.pgliteDir
  let output = ''
  const child = spawn(process.execPath, ['server.js'], { cwd: options.dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const spawnedAt = performance.now()
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const alive = () => child.exitCode === null && child.signalCode === null
  try {
    await waitForHealth(baseUrl, child, () => output)
  } catch (error) {
    await stopServer(child)
    throw error
  }
  return {
    baseUrl,
    pid: child.pid!,
    spawnedAt,
    output: () => output,
    errorLines: () => output.split('\n').filter((line) => /^\{"level":(50|60)\b/.test(line)),
    alive,
    stop: () => stopServer(child),
    kill: async () => {
      if (!alive()) return
      child.kill('SIGKILL')
      await exited(child)
    },
  }
}
