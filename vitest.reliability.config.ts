import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const app = fileURLToPath(new URL('./app', import.meta.url))

// The reliability suite (README, "Tester"): load, lost updates, a killed
// server and a database outage, each against a production server on a real
// PostgreSQL. Kept out of vitest.config.ts: it runs once the unit and
// integration tests are done (beside the end of the browser suite, see
// scripts/test-suites.mjs), one file at a time, since every file loads the
// machine on purpose.
export default defineConfig({
  resolve: { alias: { '~': app } },
  test: {
    name: 'reliability',
    include: ['tests/reliability/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/reliability.json' }]],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    globalSetup: ['tests/reliability/global-setup.ts'],
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
})
