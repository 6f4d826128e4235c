import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Results } from '@electric-sql/pglite'
import { DataDirError, DataDirInUseError } from './pglite-folder.server'
import type { QueryOptions, Reply, Request, SentError, WorkerData } from './pglite-worker-protocol'

// The embedded database in a thread of its own (docs/decisions/029): PGlite
// runs PostgreSQL as WebAssembly on the thread that calls it, so on the HTTP
// thread every query held up every other request, health checks included.
// Here the HTTP thread only posts each query to the database thread and
// awaits the answer. What drizzle's PGlite driver calls is kept: query() and
// transaction() with a transaction's query() and rollback().

/** The part of PGlite that drizzle's driver and migrator use. */
export interface PgliteThreadClient {
  query<T>(sql: string, params?: unknown[], options?: DrizzleQueryOptions): Promise<Results<T>>
  transaction<T>(body: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T>
}

export interface PgliteThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: DrizzleQueryOptions): Promise<Results<T>>
  rollback(): Promise<void>
  readonly closed: boolean
}

interface DrizzleQueryOptions {
  rowMode?: 'array' | 'object'
  parsers?: Record<number, unknown>
}

export interface PgliteThread {
  client: PgliteThreadClient
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  /** Closes the database (a final checkpoint), frees the folder and ends the thread. */
  close(): Promise<void>
}

export interface PgliteThreadOptions {
  /** Called once if the thread dies on its own (not through close()); every open and later query fails. */
  onLost?: (error: Error) => void
}

/** A request before ask() numbers it. */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never

export async function startPgliteThread(dataDir: string, options: PgliteThreadOptions = {}): Promise<PgliteThread> {
  const worker = new Worker(workerEntry(), {
    workerData: { dataDir } satisfies WorkerData,
  })
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  const notified = new Map<number, (payload: string) => void>()
  let nextId = 1
  let lost: Error | undefined
  let closing = false

  // Answers are handed on one per turn of the event loop. Node delivers a thread's
  // messages in one batch, and each answer may start a page render: handed on at
  // once, a batch of answers renders page after page while a health check or a
  // new connection waits behind them; one per turn lets the waiting I/O in between.
  const answers: Extract<Reply, { kind: 'done' | 'error' }>[] = []
  function answerOne() {
    const reply = answers.shift()
    if (answers.length > 0) setImmediate(answerOne)
    const waiting = reply && pending.get(reply.id)
    if (!reply || !waiting) return
    pending.delete(reply.id)
    if (reply.kind === 'done') waiting.resolve(reply.value)
    else waiting.reject(received(reply.error))
  }

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      switch (reply.kind) {
        case 'ready':
          return resolve()
        case 'failed':
          closing = true
          reject(received(reply.error))
          return void worker.terminate()
        case 'notification':
          return notified.get(reply.listenId)?.(reply.payload)
        case 'done':
        case 'error':
          answers.push(reply)
          if (answers.length === 1) setImmediate(answerOne)
      }
    })
    const gone = (error: Error) => {
      if (lost) return
      lost = error
      reject(error)
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
      if (!closing) options.onLost?.(error)
    }
    worker.on('error', (error) =>
      gone(
        new Error(`Databastråden föll: ${error.message} / The database thread failed: ${error.message}`, {
          cause: error,
        }),
      ),
    )
    worker.on('exit', (code) =>
      gone(new Error(`Databastråden avslutades (${code}) / The database thread ended (${code})`)),
    )
  })
  await ready

  function ask<T>(request: Unnumbered<Request>): Promise<T> {
    if (lost) return Promise.reject(lost)
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.postMessage({ ...request, id } as Request)
    })
  }

  const query = <T>(sql: string, params: unknown[] = [], queryOptions?: DrizzleQueryOptions, txId?: number) =>
    ask<Results<T>>({ kind: 'query', txId, sql, params, options: sendableOptions(queryOptions) })

  const client: PgliteThreadClient = {
    query: (sql, params, queryOptions) => query(sql, params, queryOptions),
    async transaction(body) {
      const txId = await ask<number>({ kind: 'begin' })
      let closed = false
      const tx: PgliteThreadTransaction = {
        query: (sql, params, queryOptions) => {
          if (closed) return Promise.reject(new Error('Transaction is closed'))
          return query(sql, params, queryOptions, txId)
        },
        rollback: async () => {
          if (closed) throw new Error('Transaction is closed')
          closed = true
          await ask({ kind: 'end', txId, commit: false })
        },
        get closed() {
          return closed
        },
      }
      let result: Awaited<ReturnType<typeof body>>
      try {
        result = await body(tx)
      } catch (error) {
        if (!closed) {
          closed = true
          await ask({ kind: 'end', txId, commit: false })
        }
        throw error
      }
      if (!closed) {
        closed = true
        await ask({ kind: 'end', txId, commit: true })
      }
      return result
    },
  }

  return {
    client,
    async listen(channel, onPayload) {
      const listenId = nextId // the id ask() gives the listen request below
      notified.set(listenId, onPayload)
      try {
        await ask({ kind: 'listen', channel })
      } catch (error) {
        notified.delete(listenId)
        throw error
      }
      return async () => {
        notified.delete(listenId)
        if (!lost) await ask({ kind: 'unlisten', listenId })
      }
    },
    async close() {
      if (lost) return
      closing = true
      try {
        await ask({ kind: 'close' })
      } finally {
        // The database is closed and its folder free (or closing failed): the thread has nothing left to do.
        await worker.terminate()
      }
    },
  }
}

/** Drizzle's parsers all return their input (see QueryOptions.rawTypes); only their oids cross. */
function sendableOptions(options: DrizzleQueryOptions | undefined): QueryOptions {
  return {
    rowMode: options?.rowMode,
    rawTypes: Object.keys(options?.parsers ?? {}).map(Number),
  }
}

function received(sent: SentError): Error {
  const error =
    sent.folder === 'in-use'
      ? new DataDirInUseError(sent.message)
      : sent.folder === 'unusable'
        ? new DataDirError(sent.message)
        : new Error(sent.message)
  Object.assign(error, sent.fields)
  error.name = sent.name
  // Where it failed, in the database thread. (Not where the query was asked: a stack
  // taken for every query cost 3 % of the server's time; drizzle's own error names the query.)
  error.stack = sent.stack ?? `${sent.name}: ${sent.message}`
  return error
}

/**
 * The worker's first file. In the server build it is build/server/pglite-worker.js,
 * beside the server (vite.config.ts emits it); from the sources (tests,
 * `npm run dev`) it is pglite-worker.mjs beside this file, which loads the
 * TypeScript through tsx.
 */
function workerEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const candidates = [path.join(here, 'pglite-worker.js'), path.join(here, 'pglite-worker.mjs')]
  const found = candidates.find((candidate) => fs.existsSync(candidate))
  if (!found) throw new Error(`pglite-worker.js not found (looked in ${candidates.join(', ')})`)
  return found
}
