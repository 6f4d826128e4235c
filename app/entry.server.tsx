import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import type { Logger } from 'pino'
import { getEnv, portalOrigin, seedsDemo } from '~/config/env.server'
import { closeAppDatabase, getDatabaseHandle } from '~/db/app-db.server'
import { NonceContext } from '~/components/ui/nonce'
import { tileSources } from '~/modules/http/request-safety'
import { seedDemo } from '~/modules/seed/seed.server'
import { demoSeededMessage, storeDemoPassword } from '~/modules/seed/demo-password.server'
import { scheduleRetention } from '~/modules/council/retention.server'
import { scheduleMandateReminders } from '~/modules/mandate/reminders.server'
import { clearSiteDataWithSession } from '~/modules/auth/session-cookie.server'
import { JoinedWrites } from '~/modules/http/joined-writes.server'

export { checkRequest, plainErrorPage, redactPath, securityHeaders } from '~/modules/http/request-safety'

const ABORT_DELAY = 5_000

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    requestId: string
    clientIp: string
  }
}

let log: Pick<Logger, 'info' | 'error'> = console
let stopRetention: (() => void) | undefined
let stopMandateReminders: (() => Promise<void>) | undefined

/**
 * Called once by server.js before it listens: checks the environment, opens
 * and migrates the database, and loads the demo network into an empty one.
 */
export async function startup(options: { logger: Pick<Logger, 'info' | 'error'> }) {
  log = options.logger
  const env = getEnv()
  const handle = await getDatabaseHandle()
  log.info({ driver: handle.driver }, 'database ready')
  if (seedsDemo(env)) {
    const chosen = process.env.DEMO_PASSWORD || undefined
    const result = await seedDemo(handle.db, { password: chosen })
    if (result.seeded) {
      const file = await storeDemoPassword({
        password: result.password,
        chosen: Boolean(chosen),
        file: env.DEMO_PASSWORD_FILE,
      })
      console.log(demoSeededMessage(result.coordinatorEmail, file))
    }
  }
  // Old informant reports are deleted on a schedule (issue 6): every hour, in whichever process gets the lock.
  stopRetention = scheduleRetention(async () => (await getDatabaseHandle()).db, log)
  // Mandate deliverables are reminded of 30 and 7 days before their due date (issue 18), once, by whichever process gets the lock.
  stopMandateReminders = scheduleMandateReminders(async () => (await getDatabaseHandle()).db, log)
  return {
    publicOrigin: portalOrigin(env),
    maxBodyBytes: env.MAX_BODY_BYTES,
    tileOrigins: tileSources(env.MAP_TILE_URL),
  }
}

export async function shutdown() {
  stopRetention?.()
  await stopMandateReminders?.()
  await closeAppDatabase()
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  log.error({ err: error, path: new URL(request.url).pathname }, 'unhandled error')
}

// A page or a .data answer that ends the session's cookie also clears the offline data (docs/decisions/003).
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  clearSiteDataWithSession(response.headers)
  return response
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  clearSiteDataWithSession(responseHeaders)
  const nonce = loadContext.cspNonce ?? ''
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new JoinedWrites()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) log.error({ err: error }, 'render error')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY + 1_000)
  })
}
