import { vitePlugin as remix } from '@remix-run/dev'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

/**
 * The embedded database's thread (app/db/pglite-worker.server.ts) is a file
 * of its own in the server build, build/server/pglite-worker.js, beside the
 * server that starts it; see docs/decisions/029.
 */
const pgliteWorker = (): Plugin => ({
  name: 'pglite-worker',
  apply: (_config, { isSsrBuild }) => Boolean(isSsrBuild),
  buildStart() {
    this.emitFile({
      type: 'chunk',
      id: fileURLToPath(new URL('./app/db/pglite-worker.server.ts', import.meta.url)),
      fileName: 'pglite-worker.js',
    })
  },
})

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [remix(remixConfig), pgliteWorker()],
  // Lets the browser bundle leave out what only the server needs (the English messages, see app/i18n/i18n.ts).
  define: { __BROWSER_BUNDLE__: JSON.stringify(!isSsrBuild) },
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  server: { host: '127.0.0.1' },
  build: { target: 'es2022' },
  // Lazily imported by the map and the dependency graph: pre-bundled up front, or the first visit in dev re-optimises and the chunk 404s.
  optimizeDeps: { include: ['leaflet', 'react-leaflet', 'cytoscape', 'cytoscape-dagre'] },
}))
