export interface Figure {
  name: string
  value: number
  unit: string
}

/** Runs `fn` a few times to warm up, then `samples` times, and returns the 95th percentile in ms. */
export async function p95(fn: (i: number) => Promise<unknown>, samples = 60, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn(i)
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    await fn(i + warmup)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!
}

export function round(value: number): number {
  return Math.round(value * 10) / 10
}
