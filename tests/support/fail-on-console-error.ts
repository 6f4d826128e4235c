import { afterEach, beforeEach, vi } from 'vitest'

// An unexpected console.error is a failure; a test that expects one spies on it itself.
let spy: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  spy = vi.spyOn(console, 'error')
})

afterEach(() => {
  const calls = spy.mock.calls
  spy.mockRestore()
  if (calls.length > 0) {
    throw new Error(`console.error was called:\n${calls.map((call) => call.map(String).join(' ')).join('\n')}`)
  }
})
