// `npm test` after the build: the browser tests beside the unit and
// integration tests, as two vitest processes, and the reliability suite once
// the unit and integration tests are done, beside the rest of the browser
// suite. Vitest runs a single-fork project (the browser tests share one
// server) only once every other project's files have finished, so in one
// process the two never overlap. The browser suite is the longest part; run
// after it, the reliability suite came on top, while for the browser suite's
// last minutes a core stood half idle.
// Each process writes its own JSON report; .ci/run adds them up.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs')

function run(args, report) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...(report ? { VITEST_JSON_REPORT: report } : {}) },
    })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

const [browser, [rest, reliability]] = await Promise.all([
  run(['--project', 'e2e'], 'test-results/vitest-e2e.json'),
  // Two workers, so that the browser suite's server and Chromium keep a core's worth of room.
  run(['--project', '!e2e', '--maxWorkers', '2'], 'test-results/vitest.json').then(async (code) => [
    code,
    // Its own config and report (vitest.reliability.config.ts): one file at a time, each loading the machine.
    await run(['--config', 'vitest.reliability.config.ts']),
  ]),
])
process.exit(browser || rest || reliability)
