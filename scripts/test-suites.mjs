// `npm test`'s vitest part: the browser tests beside the unit and integration
// tests, as two vitest processes, instead of after them. Vitest runs a
// single-fork project (the browser tests share one server) only once every
// other project's files have finished, so in one process the two never
// overlap and the browser suite's half hour came on top of the rest.
// Each process writes its own JSON report; .ci/run adds them up.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs')

function run(args, report) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', ...args], {
      stdio: 'inherit',
      env: { ...process.env, VITEST_JSON_REPORT: report },
    })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

const [browser, rest] = await Promise.all([
  run(['--project', 'e2e'], 'test-results/vitest-e2e.json'),
  // Two workers, so that the browser suite's server and Chromium keep a core's worth of room.
  run(['--project', '!e2e', '--maxWorkers', '2'], 'test-results/vitest.json'),
])
process.exit(browser || rest)
