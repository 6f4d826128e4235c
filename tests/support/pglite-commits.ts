// Commits under a system-call trace, for the durability test of the database
// thread: opens the folder given as its argument through the portal's driver
// (PostgreSQL in its own thread), then makes N saves of a row and its audit
// row, each one transaction. chdir('.') marks where the saves begin and end
// in the trace. Run as `node --import tsx tests/support/pglite-commits.ts <folder> <N>`.
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../app/db/client.server'

const [dataDir, count] = process.argv.slice(2)
if (!dataDir || !count) throw new Error('usage: pglite-commits.ts <folder> <count>')
const handle = await openDatabase({ driver: 'pglite', dataDir })
await handle.db.execute(sql`create table saves (id serial primary key, note text not null)`)
await handle.db.execute(sql`create table save_log (id serial primary key, note text not null)`)
process.chdir('.')
for (let i = 0; i < Number(count); i++) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`insert into saves (note) values (${`sparad ${i}`})`)
    await tx.execute(sql`insert into save_log (note) values (${`ändrad ${i}`})`)
  })
}
process.chdir('.')
await handle.close()
