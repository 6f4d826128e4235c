// npm run bench: builds the county-scale data set in a scratch PostgreSQL
// database, runs every benchmark and prints one line per figure:
//   BENCH <name> <value> <unit>
// then writes the same as a table to bench/results.md. Uses BENCH_DATABASE_URL,
// else DATABASE_URL, else the local server (postgres://postgres@127.0.0.1:5432/postgres).
import fs from 'node:fs'
import postgres from 'postgres'
import { openDatabase, type Database } from '../app/db/client.server'
import { browserBenchmarks } from './browser'
import { councilBenchmarks, councilScale } from './council'
import { countyScale, generateCounty } from './county'
import { embeddedDurabilityBenchmarks } from './embedded-durability'
import { embeddedVsPostgresBenchmarks, embeddedVsPostgresSection } from './embedded-vs-postgres'
import { eventLiveBenchmarks } from './event-live'
import { eventBenchmarks } from './events'
import { eventProjectionBenchmarks } from './event-projection'
import { round, type Figure } from './measure'
import { registryBenchmarks } from './registry'
import { scenarioBenchmarks } from './scenarios'
import { servedBenchmarks } from './served'
import { situationReportBenchmarks } from './situation-report'
import { stalenessBenchmarks } from './staleness'

const adminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const name = `bench_${Date.now().toString(36)}`
const url = new URL(adminUrl)
url.pathname = `/${name}`

const figures: Figure[] = []
function report(figure: Figure) {
  figures.push(figure)
  console.log(`BENCH ${figure.name} ${figure.value} ${figure.unit}`)
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
await admin.unsafe(`create database "${name}"`)
const handle = await openDatabase({ driver: 'postgres', url: url.toString() })
try {
  await handle.migrate()
  const started = performance.now()
  await generateCounty(handle.db, countyScale)
  report({ name: 'county_generate_ms', value: round(performance.now() - started), unit: 'ms' })
  for (const figure of await browserBenchmarks(handle.db, url.toString())) report(figure)
  // The staleness suite adds test calls and editors, the event suite 500 organisations of its own: they run last.
  const suites: ((db: Database) => Promise<Figure[]>)[] = [registryBenchmarks, scenarioBenchmarks, eventProjectionBenchmarks, stalenessBenchmarks, eventBenchmarks, situationReportBenchmarks]
  for (const suite of suites) for (const figure of await suite(handle.db)) report(figure)
  // The council's million reports come last, so that no figure above is taken on a larger database.
  for (const figure of await councilBenchmarks(handle, url.toString())) report(figure)
  // Throughput, memory and shipped JavaScript need the council's pages too: they come after it.
  for (const figure of await servedBenchmarks(handle.db, url.toString())) report(figure)
  // A status report's notice reaching 200 open event pages through one server (docs/decisions/024).
  for (const figure of await eventLiveBenchmarks(handle.db, url.toString())) report(figure)
  // The embedded database on a folder of its own: what a durable save costs (docs/decisions/022).
  for (const figure of await embeddedDurabilityBenchmarks()) report(figure)
  // Both modes side by side on the demo data set, under load (README "I drift": when to move to PostgreSQL).
  for (const figure of await embeddedVsPostgresBenchmarks(adminUrl)) report(figure)
} finally {
  await handle.close()
  await admin.unsafe(`drop database if exists "${name}" with (force)`)
  await admin.end()
}

const table = [
  '# Benchmark results',
  '',
  `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}, county scale: ` +
    Object.entries(countyScale)
      .map(([key, value]) => `${value.toLocaleString('en')} ${key}`)
      .join(', ') +
    `; council scale: ${(councilScale.measured + councilScale.other).toLocaleString('en')} reports over ${councilScale.years} years ` +
    `(${councilScale.measured.toLocaleString('en')} in the measured council).`,
  '',
  '| figure | value | unit |',
  '| --- | ---: | --- |',
  ...figures.map((f) => `| ${f.name} | ${f.value} | ${f.unit} |`),
  '',
  embeddedVsPostgresSection(figures),
]
fs.writeFileSync(new URL('./results.md', import.meta.url), table.join('\n'))
