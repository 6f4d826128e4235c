// Remix's own options. The Vite plugin does not read this file by itself:
// vite.config.ts imports it and passes it to `remix()`.
import { flatRoutes } from 'remix-flat-routes'

/** Files in app/routes that are not routes. */
export const notRouteFiles = ['**/*.server.ts', '**/*.test.ts', '**/.*']

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  // Routes come from remix-flat-routes, which reads a section's folder
  // (`app/routes/trygghet+/`) as if its files were named `trygghet.<file>`;
  // Remix's own convention is switched off so it does not read them twice.
  ignoredRouteFiles: ['**/*'],
  routes: async (defineRoutes) => flatRoutes('routes', defineRoutes, { ignoredRouteFiles: notRouteFiles }),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
}
