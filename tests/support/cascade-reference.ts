import { resources, sectors, type Resource } from '../../app/db/enums'
import { createScopeTest, everywhere, isServiceInScope } from '../../app/modules/scenarios/area'
import type {
  AffectedService,
  FailureEpisode,
  FailureReason,
  ScenarioInput,
  ScenarioResult,
  ServiceState,
  TimelineSegment,
} from '../../app/modules/scenarios/engine'
import type { BackupSource } from '../../app/modules/registry/backup'

/**
 * A reference for the scenario engine, for tests only: the rules written at
 * the top of app/modules/scenarios/engine.ts, simulated step by step on a grid
 * of 1/8 hour as plainly as they read: no events, no counters, every value
 * worked out again at every step, each instant settled by sweeping everything
 * until nothing changes. Every time in the input must lie on the grid, and the
 * graph should be small: the cost is steps × sweeps × dependencies.
 */

const STEPS_PER_HOUR = 8

// The level of a dependency: present, on backup, degraded (copes without), failed.
type Level = 0 | 1 | 2 | 3

interface Dependency {
  service: number
  resource: Resource | null
  /** -1 for a resource. */
  supplier: number
  backup: number
  backupSource: BackupSource
  copes: number
  /** On a member of the dependent's own cycle (itself included). */
  internal: boolean
}

/** Within an instant: the level of every dependency, and which services are failed, and failed directly. */
interface State {
  level: Level[]
  failed: boolean[]
  direct: boolean[]
}

const sameState = (a: State, b: State) =>
  a.level.every((value, d) => value === b.level[d]) &&
  a.failed.every((value, s) => value === b.failed[s]) &&
  a.direct.every((value, s) => value === b.direct[s])

interface Failure {
  start: number
  end: number
  /** The dependencies a resource failure hits. */
  deps: number[]
  /** The service a service failure fails, -1 for none. */
  service: number
}

function hours(value: number | null | undefined): number {
  return value === null || value === undefined || !(value > 0) ? 0 : value
}

function onGrid(value: number, what: string): number {
  if (!Number.isInteger(value * STEPS_PER_HOUR)) throw new Error(`${what} ${value} is not on the 1/8-hour grid`)
  return value
}

export function referenceScenario(input: ScenarioInput): ScenarioResult {
  const { services, sites, scenario } = input
  const n = services.length
  const horizon = onGrid(scenario.horizonHours, 'horizonHours')
  const restart = onGrid(scenario.restartHours ?? 0, 'restartHours')
  const steps = horizon * STEPS_PER_HOUR
  const serviceIndex = new Map(services.map((service, s) => [service.id, s]))
  const siteById = new Map(sites.map((site) => [site.id, site]))
  const sitesOf = services.map((service) => service.siteIds.flatMap((id) => siteById.get(id) ?? []))

  // Dependencies, as the model reads them.
  const deps: Dependency[] = []
  for (const dependency of input.dependencies) {
    const s = serviceIndex.get(dependency.serviceId)
    if (s === undefined) continue
    const resource =
      dependency.resource !== null && resources.includes(dependency.resource) ? dependency.resource : null
    const supplier =
      resource === null && dependency.dependsOnServiceId !== null ? serviceIndex.get(dependency.dependsOnServiceId) : -1
    if (resource === null && supplier === undefined) continue
    let backup = 0
    let backupSource: BackupSource = 'none'
    const power = sitesOf[s]!.flatMap((site) => (site.backupPowerHours === null ? [] : [hours(site.backupPowerHours)]))
    if (dependency.backupHours !== null) {
      backup = hours(dependency.backupHours)
      backupSource = 'dependency'
    } else if (resource === 'electricity' && power.length > 0) {
      backup = Math.max(...power)
      backupSource = 'site'
    }
    deps.push({
      service: s,
      resource,
      supplier: supplier ?? -1,
      backup: onGrid(backup, 'backup'),
      backupSource,
      copes: onGrid(hours(dependency.copesHours), 'copesHours'),
      internal: false,
    })
  }
  const depsOf = services.map((_, s) => deps.flatMap((dep, d) => (dep.service === s ? [d] : [])))

  // Cycles: two services are in one when each reaches the other along dependencies.
  const reaches = services.map((_, s) => services.map((__, u) => s === u))
  for (const dep of deps) if (dep.supplier >= 0) reaches[dep.service]![dep.supplier] = true
  for (let k = 0; k < n; k++)
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (reaches[a]![k] && reaches[k]![b]) reaches[a]![b] = true
  const sameCycle = (a: number, b: number) => reaches[a]![b]! && reaches[b]![a]!
  for (const dep of deps) dep.internal = dep.supplier >= 0 && sameCycle(dep.service, dep.supplier)
  const members = services.map((_, s) => services.flatMap((__, m) => (sameCycle(s, m) ? [m] : [])))

  const failures: Failure[] = scenario.failures.map((failure) => {
    const start = onGrid(failure.startHour, 'startHour')
    const end = failure.durationHours === null ? Infinity : start + onGrid(failure.durationHours, 'durationHours')
    if ('serviceId' in failure.target) {
      return { start, end, deps: [], service: serviceIndex.get(failure.target.serviceId) ?? -1 }
    }
    const { resource } = failure.target
    const test = createScopeTest(failure.scope ?? everywhere)
    const hit = deps.flatMap((dep, d) =>
      dep.resource === resource &&
      isServiceInScope(test, { organisationId: services[dep.service]!.organisationId, sites: sitesOf[dep.service]! })
        ? [d]
        : [],
    )
    return { start, end, deps: hit, service: -1 }
  })
  const active = (failure: Failure, t: number) => failure.start <= t && t < failure.end

  // The state just before the current instant (what the engine calls committed).
  let level: Level[] = deps.map(() => 0)
  let lostSince: number[] = deps.map(() => NaN)
  let failed: boolean[] = services.map(() => false)
  let direct: boolean[] = services.map(() => false)
  /** Failed with nothing lost since (restart > 0): the restart is over restartHours later. */
  let quietSince: number[] = services.map(() => NaN)
  const everFailed = services.map(() => false)
  const episodes: FailureEpisode[][] = services.map(() => [])
  const display: ServiceState[][] = services.map(() => [])

  for (let step = 0; step < steps; step++) {
    const t = step / STEPS_PER_HOUR
    const resourceLost = deps.map(() => false)
    const directNow = services.map(() => false)
    for (const failure of failures) {
      if (!active(failure, t)) continue
      for (const d of failure.deps) resourceLost[d] = true
      if (failure.service >= 0) directNow[failure.service] = true
    }
    const restartOver = services.map((_, s) => failed[s]! && t >= quietSince[s]! + restart)

    // What every value should be, given the others as they stand.
    const want = (current: State): State => {
      const outsideMissing = services.map((_, s) =>
        members[s]!.some(
          (m) => current.direct[m] || depsOf[m]!.some((d) => !deps[d]!.internal && current.level[d]! > 0),
        ),
      )
      const wantLevel = deps.map((dep, d): Level => {
        const lost =
          resourceLost[d]! ||
          (dep.supplier >= 0 && current.failed[dep.supplier]! && (!dep.internal || outsideMissing[dep.supplier]!))
        if (!lost) return 0
        const since = level[d]! > 0 ? lostSince[d]! : t
        if (t < since + dep.backup) return 1
        if (t < since + dep.backup + dep.copes) return 2
        return 3
      })
      const wantFailed = services.map((_, s) => {
        const mine = depsOf[s]!.map((d) => current.level[d]!)
        if (current.direct[s] || mine.some((value) => value === 3)) return true
        if (!failed[s]) return false
        if (restart === 0) return mine.some((value) => value > 0)
        return !restartOver[s]
      })
      return { level: wantLevel, failed: wantFailed, direct: directNow }
    }

    // 1. Returns: only lower, from the state before, until nothing changes.
    let now: State = { level: [...level], failed: [...failed], direct: [...direct] }
    for (;;) {
      const w = want(now)
      const next: State = {
        level: now.level.map((value, d) => Math.min(value, w.level[d]!) as Level),
        failed: now.failed.map((value, s) => value && w.failed[s]!),
        direct: now.direct.map((value, s) => value && w.direct[s]!),
      }
      if (sameState(next, now)) break
      now = next
    }
    // 2. Losses: only raise, until nothing changes.
    for (;;) {
      const w = want(now)
      const next: State = {
        level: now.level.map((value, d) => Math.max(value, w.level[d]!) as Level),
        failed: now.failed.map((value, s) => value || w.failed[s]!),
        direct: now.direct.map((value, s) => value || w.direct[s]!),
      }
      if (sameState(next, now)) break
      now = next
    }

    const nextLostSince = deps.map((_, d) => (now.level[d]! === 0 ? NaN : level[d]! > 0 ? lostSince[d]! : t))
    const starting: number[] = []
    for (let s = 0; s < n; s++) {
      if (now.failed[s] && !failed[s]) starting.push(s)
      if (!now.failed[s] && failed[s]) episodes[s]!.at(-1)!.to = t
    }
    const reasons = settleReasons(starting, t, now.level, now.direct, nextLostSince)
    for (const s of starting) {
      episodes[s]!.push({ from: t, to: null, reason: reasons.get(s)! })
      everFailed[s] = true
    }
    quietSince = services.map((_, s) => {
      const quiet = now.failed[s]! && !now.direct[s] && depsOf[s]!.every((d) => now.level[d] === 0)
      if (!quiet) return NaN
      return failed[s]! && !restartOver[s]! && !Number.isNaN(quietSince[s]!) ? quietSince[s]! : t
    })
    for (let s = 0; s < n; s++) {
      const mine = depsOf[s]!.map((d) => now.level[d]!)
      display[s]!.push(
        now.failed[s]
          ? 'failed'
          : mine.includes(2)
            ? 'degraded'
            : mine.includes(1)
              ? 'backup'
              : everFailed[s]
                ? 'recovered'
                : 'normal',
      )
    }
    level = now.level
    lostSince = nextLostSince
    failed = now.failed
    direct = now.direct
  }

  /** The reasons of the failures starting at t, in rounds outward from the causes (the model, "Reasons"). */
  function settleReasons(
    starting: number[],
    t: number,
    levelNow: Level[],
    directNow: boolean[],
    since: number[],
  ): Map<number, FailureReason> {
    const reasons = new Map<number, FailureReason>()
    const startingNow = new Set(starting)
    let pending = starting
    while (pending.length > 0) {
      const settled = new Map<number, FailureReason>()
      for (const s of pending) {
        if (directNow[s]) {
          settled.set(s, { kind: 'direct', failedAt: t })
          continue
        }
        const counting = depsOf[s]!.filter((d) => {
          const dep = deps[d]!
          if (levelNow[d] !== 3) return false
          return !(dep.internal && startingNow.has(dep.supplier) && !reasons.has(dep.supplier))
        })
        if (counting.length === 0) continue
        const d = counting.reduce((best, other) => (ranksBefore(other, best, since) ? other : best))
        const dep = deps[d]!
        const common = {
          lostAt: since[d]!,
          backupHours: dep.backup,
          backupSource: dep.backupSource,
          copesHours: dep.copes,
          failedAt: t,
        }
        settled.set(
          s,
          dep.resource !== null
            ? { kind: 'resource', resource: dep.resource, ...common }
            : { kind: 'service', serviceId: services[dep.supplier]!.id, ...common },
        )
      }
      if (settled.size === 0) throw new Error(`No reason for the failures of ${pending.join(', ')} at ${t}`)
      for (const [s, reason] of settled) reasons.set(s, reason)
      pending = pending.filter((s) => !settled.has(s))
    }
    return reasons
  }

  function ranksBefore(a: number, b: number, since: number[]): boolean {
    const depA = deps[a]!
    const depB = deps[b]!
    if (since[a] !== since[b]) return since[a]! < since[b]!
    if ((depA.resource === null) !== (depB.resource === null)) return depA.resource !== null
    if (depA.resource !== null && depB.resource !== null && depA.resource !== depB.resource)
      return resources.indexOf(depA.resource) < resources.indexOf(depB.resource)
    if (depA.resource === null) {
      const idA = services[depA.supplier]!.id
      const idB = services[depB.supplier]!.id
      if (idA !== idB) return idA < idB
    }
    if (depA.backup !== depB.backup) return depA.backup < depB.backup
    return depA.copes < depB.copes
  }

  const stateAtStep = (s: number, step: number) => display[s]![step]!
  const affected: AffectedService[] = services
    .map((service, s) => ({ service, s }))
    .filter(({ s }) => display[s]!.some((state) => state !== 'normal'))
    .sort((a, b) => (a.service.id < b.service.id ? -1 : 1))
    .map(({ service, s }) => {
      const timeline: TimelineSegment[] = []
      for (let step = 0; step < steps; step++) {
        const state = stateAtStep(s, step)
        const last = timeline.at(-1)
        if (last && last.state === state) last.to = (step + 1) / STEPS_PER_HOUR
        else timeline.push({ from: step / STEPS_PER_HOUR, to: (step + 1) / STEPS_PER_HOUR, state })
      }
      const failures = episodes[s]!
      const acceptable = hours(service.acceptableOutageHours)
      const exceeding = failures.find(
        (episode) => episode.from + acceptable < horizon && (episode.to ?? Infinity) > episode.from + acceptable,
      )
      return {
        id: service.id,
        timeline,
        firstFailedAt: failures[0]?.from ?? null,
        outageExceededAt: exceeding ? exceeding.from + acceptable : null,
        failures,
      }
    })

  // Totals at the whole hours; the last entry, when the scenario ends on the hour, is the state it ends in.
  const hourSteps = Array.from({ length: Math.floor(horizon) + 1 }, (_, h) =>
    h < horizon ? h * STEPS_PER_HOUR : steps - 1,
  )
  const count = (counts: (s: number, state: ServiceState) => number) =>
    hourSteps.map((step) => services.reduce((sum, _, s) => sum + counts(s, stateAtStep(s, step)), 0))
  const failedWhere = (test: (s: number) => boolean) => count((s, state) => (state === 'failed' && test(s) ? 1 : 0))
  const styrelKey = (c: number | null) => (c === null ? 'none' : String(c))
  const styrelKeys = new Set(['1', '2', '3', '4', '5', '6', '7', '8', 'none'])
  for (const service of services) styrelKeys.add(styrelKey(service.styrelClass))

  return {
    horizonHours: horizon,
    restartHours: restart,
    serviceCount: n,
    affected,
    totals: {
      failed: failedWhere(() => true),
      backup: count((_, state) => (state === 'backup' ? 1 : 0)),
      degraded: count((_, state) => (state === 'degraded' ? 1 : 0)),
      recovered: count((_, state) => (state === 'recovered' ? 1 : 0)),
      peopleServedFailed: count((s, state) => (state === 'failed' ? (services[s]!.peopleServed ?? 0) : 0)),
      failedBySector: Object.fromEntries(
        sectors.map((sector) => [sector, failedWhere((s) => services[s]!.sector === sector)]),
      ) as ScenarioResult['totals']['failedBySector'],
      failedByStyrel: Object.fromEntries(
        [...styrelKeys].map((key) => [key, failedWhere((s) => styrelKey(services[s]!.styrelClass) === key)]),
      ),
    },
  }
}
