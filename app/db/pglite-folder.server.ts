import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite, type Extensions } from '@electric-sql/pglite'
import { NodeFS } from '@electric-sql/pglite/nodefs'

// The embedded database on a folder, run as a production database: one
// process at a time, and an acknowledged save survives a power cut. See
// docs/decisions/022-embedded-database-in-production.md.

/** A folder that cannot hold the database; the message says why, in Swedish and English. */
export class DataDirError extends Error {}

/** Another open handle, in this process or another, holds the folder. */
export class DataDirInUseError extends DataDirError {}

// A predecessor killed a moment ago may still be torn down by the kernel; its lock goes with it.
const LOCK_WAIT_MS = 2_000

/**
 * PGlite's own defaults turn fsync off (-F), and Emscripten's NODEFS ignores
 * fsync anyway, so a COMMIT reached the OS cache but not the disk. With fsync
 * on, PostgreSQL syncs the write-ahead log before it answers a COMMIT and the
 * data files at each checkpoint; wal_sync_method=fsync routes the WAL sync
 * through fsync(), which DurableNodeFS passes on (Emscripten drops fdatasync).
 */
const durableStartParams = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
]

export interface PgliteFolder {
  client: PGlite
  /** Closes the database (a final checkpoint) and frees the folder. */
  close(): Promise<void>
}

export async function openPgliteFolder(dataDir: string, options: { extensions: Extensions }): Promise<PgliteFolder> {
  const { dir, fresh } = resolveFolder(dataDir)
  const release = await lockFolder(dir)
  try {
    const client = new PGlite({
      dataDir: dir,
      fs: new DurableNodeFS(dir),
      startParams: durableStartParams,
      extensions: options.extensions,
    })
    await client.waitReady
    // A new database is written by copying a template in, without a sync: put it on disk once.
    if (fresh) syncTree(dir)
    return {
      client,
      close: async () => {
        try {
          await client.close()
        } finally {
          release()
        }
      },
    }
  } catch (error) {
    release()
    throw error instanceof DataDirError ? error : cannotOpen(folderNamed(dataDir), error)
  }
}

type EmscriptenOptions = Parameters<NodeFS['init']>[1]
type PostgresModule = Parameters<NonNullable<EmscriptenOptions['preRun']>[number]>[0]

/** The parts of Emscripten's NODEFS used here (it has no types of its own). */
interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: { nfd?: number; node: unknown }) => number }
  realPath(node: unknown): string
  /** Turns a Node error into the errno PostgreSQL sees. */
  tryFSOperation<T>(operation: () => T): T
}

/** NodeFS whose fsync reaches the disk: Emscripten's NODEFS has no fsync and answers success. */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, options: EmscriptenOptions) {
    const { emscriptenOpts } = await super.init(pg, options)
    const syncForReal = (module: PostgresModule) => {
      const nodefs = module.NODEFS as unknown as EmscriptenNodeFs
      // A directory (PostgreSQL syncs one after creating or renaming a file in it) has no descriptor open.
      nodefs.stream_ops.fsync = (stream) =>
        nodefs.tryFSOperation(() => {
          syncFile(stream.nfd ?? nodefs.realPath(stream.node))
          return 0
        })
    }
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [syncForReal, ...(emscriptenOpts.preRun ?? [])] } }
  }
}

function syncFile(target: number | string) {
  if (typeof target === 'number') return fs.fsyncSync(target)
  const fd = fs.openSync(target, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Every file and folder under dir, dir itself and its entry in its parent. */
function syncTree(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() || entry.isDirectory()) syncFile(path.join(entry.parentPath, entry.name))
  }
  syncFile(dir)
  syncFile(path.dirname(dir))
}

/**
 * The folder's real path: PGlite cannot open a symlinked folder, and two
 * processes reaching one folder by different paths must meet at one lock.
 */
function resolveFolder(dataDir: string): { dir: string; fresh: boolean } {
  const absolute = path.resolve(dataDir)
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true })
    const parent = fs.realpathSync(path.dirname(absolute))
    let dir = path.join(parent, path.basename(absolute))
    let stat = fs.lstatSync(dir, { throwIfNoEntry: false })
    if (stat?.isSymbolicLink()) {
      dir = fs.realpathSync(dir)
      stat = fs.statSync(dir)
    }
    if (stat && !stat.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' })
    fs.accessSync(stat ? dir : parent, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK)
    return { dir, fresh: !fs.existsSync(path.join(dir, 'PG_VERSION')) }
  } catch (error) {
    throw cannotOpen(folderNamed(dataDir), error)
  }
}

interface Holder {
  pid: number
  host: string
  since: string
}

/**
 * An exclusive lock on an open descriptor of `<folder>.lock` (Linux: an open
 * file description lock; macOS: flock; Windows: LockFileEx). The kernel drops
 * it the moment the holder dies, zombie or not, and no lock outlives a
 * reboot, so what the file says about its holder is only for the message.
 */
async function lockFolder(dir: string): Promise<() => void> {
  const file = `${dir}.lock`
  let lock: typeof import('fs-native-extensions')
  try {
    lock = await import('fs-native-extensions')
  } catch (error) {
    throw new DataDirError(
      `Låset för databasmappen ${dir} finns inte för ${process.platform}-${process.arch} (${messageOf(error)}). / ` +
        `The lock for the database folder ${dir} is not available on ${process.platform}-${process.arch} (${messageOf(error)}).`,
    )
  }
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644)
  } catch (error) {
    throw cannotOpen(lockFileNamed(file), error)
  }
  try {
    const deadline = Date.now() + LOCK_WAIT_MS
    while (!lock.tryLock(fd)) {
      if (Date.now() >= deadline) throw new DataDirInUseError(inUseMessage(dir, readHolder(file)))
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const holder: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() }
    fs.ftruncateSync(fd)
    fs.writeSync(fd, `${JSON.stringify(holder)}\n`, 0)
  } catch (error) {
    fs.closeSync(fd)
    throw error instanceof DataDirError ? error : cannotOpen(lockFileNamed(file), error)
  }
  return () => {
    fs.ftruncateSync(fd)
    lock.unlock(fd)
    fs.closeSync(fd)
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>
    return typeof holder.pid === 'number'
      ? { pid: holder.pid, host: String(holder.host), since: String(holder.since) }
      : undefined
  } catch {
    // Written a moment ago by a holder that has not finished writing it, or by an older version.
    return undefined
  }
}

function inUseMessage(dir: string, holder: Holder | undefined): string {
  const sv = holder ? `process ${holder.pid} på ${holder.host} (sedan ${holder.since})` : 'en annan process'
  const en = holder ? `process ${holder.pid} on ${holder.host} (since ${holder.since})` : 'another process'
  return (
    `Databasmappen ${dir} används redan av ${sv}. Två processer på samma PGlite-mapp förlorar data: ` +
    'stoppa den andra processen eller sätt PGLITE_DIR till en annan mapp. / ' +
    `The database folder ${dir} is in use by ${en}. Two processes on one PGlite folder lose data: ` +
    'stop the other process or set PGLITE_DIR to another folder.'
  )
}

const reasons: Record<string, [sv: string, en: string]> = {
  ENOENT: ['den, eller en mapp ovanför den, finns inte', 'it, or a folder above it, does not exist'],
  ENOTDIR: ['det är ingen mapp', 'it is not a folder'],
  EACCES: ['portalens användare får inte läsa och skriva där', "the portal's user may not read and write there"],
  EPERM: ['portalens användare får inte läsa och skriva där', "the portal's user may not read and write there"],
  EROFS: ['filsystemet är skrivskyddat', 'the file system is read-only'],
  ENOSPC: ['disken är full', 'the disk is full'],
  ELOOP: ['symboliska länkar pekar i en slinga', 'symbolic links point in a loop'],
  EIO: ['disken svarar med fel', 'the disk reports errors'],
}

// PGlite's file system (Emscripten) throws objects with a WASI errno number and no message.
const emscriptenErrno: Record<number, string> = {
  2: 'EACCES',
  29: 'EIO',
  32: 'ELOOP',
  44: 'ENOENT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
}

function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  if ('code' in error && typeof error.code === 'string') return error.code
  if ('errno' in error && typeof error.errno === 'number' && 'name' in error && error.name === 'ErrnoError') {
    return emscriptenErrno[error.errno] ?? `errno ${error.errno}`
  }
  return undefined
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  if (error && typeof error === 'object' && 'message' in error && error.message) return String(error.message)
  return ''
}

interface Subject {
  sv: string
  en: string
}

const folderNamed = (dir: string): Subject => ({ sv: `Databasmappen ${dir}`, en: `The database folder ${dir}` })
const lockFileNamed = (file: string): Subject => ({ sv: `Låsfilen ${file}`, en: `The lock file ${file}` })

function cannotOpen(subject: Subject, cause: unknown): DataDirError {
  const code = errorCode(cause)
  const message = messageOf(cause)
  const [sv, en] = (code && reasons[code]) || (message ? [message, message] : ['oväntat fel', 'unexpected error'])
  const shownCode = code ? ` (${code})` : ''
  return new DataDirError(
    `${subject.sv} kunde inte öppnas: ${sv}${shownCode}. / ${subject.en} could not be opened: ${en}${shownCode}.`,
    { cause },
  )
}
