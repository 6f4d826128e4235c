import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const app = fileURLToPath(new URL('./app', import.meta.url))
const withPostgres = Boolean(process.env.DATABASE_URL)

export default defineConfig({
  resolve: { alias: { '~': app } },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'integration-pglite',
          include: ['tests/integration/**/*.test.ts'],
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
        },
      },
    ],
  },
})
