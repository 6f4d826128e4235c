// The database thread's first file (see pglite-worker-client.server.ts): the
// worker is TypeScript, so tsx's loader is registered in this thread first.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

// Held from the first line: while tsx loads the TypeScript nothing else keeps
// this thread alive, and a thread with nothing pending ends (exit code 0). The
// HTTP thread ends it when it is done with it.
parentPort?.ref()
register()
await import('./pglite-worker.server.ts')
