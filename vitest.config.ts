import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const app = fileURLToPath(new URL('./app', import.meta.url))
const withPostgres = Boolean(process.env.DATABASE_URL)

/**
 * With a PostgreSQL (CI), every integration test runs there, and on PGlite
 * only the files that prove what differs between the two drivers: migrations
 * and the demo (smoke, seed), export and import (backup), search with pg_trgm,
 * unaccent and the phone-digit index (directory), every route once
 * (route-access), version checks and locking (registry-records,
 * double-submission), and every module that sends raw SQL whose results each
 * driver types on its own (login-throttle, device trust, council statistics,
 * the weekly picture and the survey, retention, import, map clusters, the
 * scenario graph and its kept results). Without a PostgreSQL (a developer's
 * machine), every integration test runs on PGlite.
 */
const driverContract = [
  'smoke',
  'seed',
  'backup',
  'directory',
  'route-access',
  'registry-records',
  'double-submission',
  'login-throttle',
  'council-sources',
  'council-weekly',
  'council-reports',
  'import',
  'map',
  'scenario-graph',
  'scenarios',
  // LISTEN/NOTIFY and the event overview's hand-written SQL, on the embedded database too.
  'event-live',
  'event-room',
].map((name) => `tests/integration/${name}.test.ts`)

export default defineConfig({
  resolve: { alias: { '~': app } },
  test: {
    // `npm test` runs the browser tests in a vitest process of their own (scripts/test-suites.mjs), with its own report.
    reporters: ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? 'test-results/vitest.json' }]],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    // Vitest takes one worker on two cores; the integration tests mostly wait
    // for PostgreSQL and the browser tests for Chromium and the server, so a
    // few workers keep both cores busy.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'integration-pglite',
          include: withPostgres ? driverContract : ['tests/integration/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          setupFiles: ['tests/support/fail-on-console-error.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'integration-postgres',
                include: ['tests/integration/**/*.test.ts'],
                env: { TEST_DB: 'postgres' },
                globalSetup: ['tests/support/postgres-template.ts'],
                setupFiles: ['tests/support/fail-on-console-error.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/e2e-server.ts'],
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A browser on a loaded 2-core CI machine can take more than expect.poll's 1 s default to
          // move the focus or repaint (map.test.ts's focus return failed so once); a poll still fails
          // when the state never comes.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
})
