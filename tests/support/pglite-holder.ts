// A second process on a PGlite folder, for the lock tests: opens the folder
// given as its argument through the portal's driver, says "ready" and keeps it
// until it is killed. Run as `node --import tsx tests/support/pglite-holder.ts <folder>`.
import { openDatabase } from '../../app/db/client.server'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: pglite-holder.ts <folder>')
await openDatabase({ driver: 'pglite', dataDir })
console.log(`ready ${process.pid}`)
setInterval(() => {}, 60_000)
