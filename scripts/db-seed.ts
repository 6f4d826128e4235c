// Loads the demo network. Refuses a database that already holds data unless
// run with --force (which adds the demo network beside what is there).
import { closeAppDatabase, getDb } from '../app/db/app-db.server'
import { seedDemo } from '../app/modules/seed/seed.server'

const force = process.argv.includes('--force')
try {
  const result = await seedDemo(await getDb(), { force, password: process.env.DEMO_PASSWORD || undefined })
  if (!result.seeded) {
    console.error('Databasen innehåller redan data; demonätverket lästes inte in. Använd --force om du verkligen vill.')
    process.exitCode = 1
  } else {
    console.log(`Demonätverket är inläst: ${result.organisations} organisationer, ${result.users} användare.`)
    console.log(`Samordnare: ${result.coordinatorEmail}  Lösenord: ${result.password}`)
  }
} finally {
  await closeAppDatabase()
}
