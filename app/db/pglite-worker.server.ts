// Runs in its own thread: opens the embedded database on its folder and
// answers the HTTP thread's queries (pglite-worker-client.server.ts), so that
// PostgreSQL's work never holds up a request that needs no database.
import { parentPort, workerData } from 'node:worker_threads'
import type { Transaction } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { DataDirError, DataDirInUseError, openPgliteFolder, type PgliteFolder } from './pglite-folder.server'
import type { QueryOptions, Reply, Request, SentError, WorkerData } from './pglite-worker-protocol'

const port = parentPort ?? notAWorker()

function notAWorker(): never {
  throw new Error('pglite-worker.server.ts runs only as a worker thread')
}

const send = (reply: Reply) => port.postMessage(reply)

const keep = (value: string) => value

function parsersFor(options: QueryOptions) {
  return { rowMode: options.rowMode, parsers: Object.fromEntries(options.rawTypes.map((oid) => [oid, keep])) }
}

function sendable(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} }
  const fields: SentError['fields'] = {}
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value
  }
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    folder: error instanceof DataDirInUseError ? 'in-use' : error instanceof DataDirError ? 'unusable' : undefined,
    fields,
  }
}

interface OpenTransaction {
  tx: Transaction
  /** Ends the transaction: COMMIT (true) or ROLLBACK (false); `id` is the request to answer. */
  end(commit: boolean, id: number): void
}

const transactions = new Map<number, OpenTransaction>()
const listeners = new Map<number, () => Promise<void>>()

function begin(folder: PgliteFolder, id: number) {
  let answerTo: number | undefined
  let ended: (commit: boolean) => void = () => {}
  const ending = new Promise<boolean>((resolve) => (ended = resolve))
  folder.client
    .transaction(async (tx) => {
      transactions.set(id, {
        tx,
        end: (commit, endId) => {
          answerTo = endId
          ended(commit)
        },
      })
      send({ kind: 'done', id, value: id })
      if (!(await ending)) await tx.rollback()
    })
    .then(
      () => send({ kind: 'done', id: answerTo ?? id, value: null }),
      // Before the body ran (BEGIN failed) the begin request is answered; after, the end request.
      (error: unknown) => send({ kind: 'error', id: answerTo ?? id, error: sendable(error) }),
    )
    .finally(() => transactions.delete(id))
}

async function answer(folder: PgliteFolder, request: Request): Promise<unknown> {
  switch (request.kind) {
    case 'query': {
      const target = request.txId === undefined ? folder.client : transactions.get(request.txId)?.tx
      if (!target) throw new Error(`Transaction ${request.txId} is not open`)
      return target.query(request.sql, request.params, parsersFor(request.options))
    }
    case 'listen': {
      const unlisten = await folder.client.listen(request.channel, (payload) =>
        send({ kind: 'notification', listenId: request.id, payload }),
      )
      listeners.set(request.id, unlisten)
      return null
    }
    case 'unlisten': {
      const unlisten = listeners.get(request.listenId)
      listeners.delete(request.listenId)
      await unlisten?.()
      return null
    }
    case 'close':
      await folder.close()
      return null
    default:
      throw new Error(`Unknown request ${request.kind}`)
  }
}

function onRequest(folder: PgliteFolder, request: Request) {
  if (request.kind === 'begin') return begin(folder, request.id)
  if (request.kind === 'end') {
    const open = transactions.get(request.txId)
    if (open) return open.end(request.commit, request.id)
    return send({
      kind: 'error',
      id: request.id,
      error: sendable(new Error(`Transaction ${request.txId} is not open`)),
    })
  }
  answer(folder, request).then(
    // After close, the HTTP thread ends this thread when it has the answer.
    (value) => send({ kind: 'done', id: request.id, value }),
    (error: unknown) => send({ kind: 'error', id: request.id, error: sendable(error) }),
  )
}

async function serve() {
  const { dataDir } = workerData as WorkerData
  let folder: PgliteFolder | undefined
  // Listening from the start also keeps this thread alive while the folder opens: the
  // thread otherwise counts as idle during some of PGlite's start (WebAssembly work Node
  // does not count as pending) and ended, under load, before it could answer (exit code 0).
  // The HTTP thread sends nothing before "ready".
  port.on('message', (request: Request) => {
    if (folder) onRequest(folder, request)
  })
  try {
    folder = await openPgliteFolder(dataDir, { extensions: { pg_trgm, unaccent } })
  } catch (error) {
    // The HTTP thread ends this thread once it has read why: a thread that ended by itself
    // could be seen to end before its last message arrived.
    send({ kind: 'failed', error: sendable(error) })
    return
  }
  send({ kind: 'ready' })
}

void serve()
