// Loads the demo network. Refuses a database that already holds data unless
// run with --force (which adds the demo network beside what is there).
import { closeAppDatabase, getDb } from '../app/db/app-db.server'
import { getEnv } from '../app/config/env.server'
import { demoSeededMessage, storeDemoPassword } from '../app/modules/seed/demo-password.server'
import { seedDemo } from '../app/modules/seed/seed.server'

const force = process.argv.includes('--force')
try {
  const chosen = process.env.DEMO_PASSWORD || undefined
  const result = await seedDemo(await getDb(), { force, password: chosen })
  if (!result.seeded) {
    console.error('Databasen innehåller redan data; demonätverket lästes inte in. Använd --force om du verkligen vill.')
    process.exitCode = 1
  } else {
    console.log(`Demonätverket är inläst: ${result.organisations} organisationer, ${result.users} användare.`)
    const file = await storeDemoPassword({ password: result.password, chosen: Boolean(chosen), file: getEnv().DEMO_PASSWORD_FILE })
    console.log(demoSeededMessage(result.coordinatorEmail, file))
  }
} finally {
  await closeAppDatabase()
}
