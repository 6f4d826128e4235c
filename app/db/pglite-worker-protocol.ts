// The messages between the HTTP thread and the thread that runs the embedded
// database (pglite-worker.server.ts). See docs/decisions/029-embedded-database-thread.md.

export interface WorkerData {
  dataDir: string
}

export interface QueryOptions {
  rowMode?: 'array' | 'object'
  /**
   * Type oids whose text is kept as it is. drizzle's PGlite driver passes a
   * parser for each of these (dates, times, intervals and their arrays) that
   * returns its input; functions cannot cross threads, so the oids do.
   */
  rawTypes: number[]
}

export type Request =
  | { kind: 'query'; id: number; txId?: number; sql: string; params: unknown[]; options: QueryOptions }
  | { kind: 'begin'; id: number }
  | { kind: 'end'; id: number; txId: number; commit: boolean }
  | { kind: 'listen'; id: number; channel: string }
  | { kind: 'unlisten'; id: number; listenId: number }
  | { kind: 'close'; id: number }

/** An error as it crossed the thread: its own fields (code, constraint, detail…) kept. */
export interface SentError {
  name: string
  message: string
  stack?: string
  /** Which of the folder's errors it was, so the HTTP thread throws the same class. */
  folder?: 'in-use' | 'unusable'
  fields: Record<string, string | number | boolean | null>
}

export type Reply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: SentError }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: SentError }
  | { kind: 'notification'; listenId: number; payload: string }
