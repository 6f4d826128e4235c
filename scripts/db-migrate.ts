// Applies the migrations in drizzle/ to the configured database
// (DATABASE_URL, else the PGlite folder). The server does this at start too.
import { closeAppDatabase, getDatabaseHandle } from '../app/db/app-db.server'

const handle = await getDatabaseHandle()
console.log(`Migreringarna är körda (${handle.driver}).`)
await closeAppDatabase()
