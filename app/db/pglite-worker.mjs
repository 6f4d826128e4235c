// The database thread's first file (see pglite-worker-client.server.ts): the
// worker is TypeScript, so tsx's loader is registered in this thread first.
import { register } from 'tsx/esm/api'

register()
await import('./pglite-worker.server.ts')
