// The portal's HTTP server: Express in front of Remix, so that security
// headers, the Origin check, the body limit, request ids and a clean shutdown
// (PGlite must be closed) sit in one place. See docs/decisions/002-express-server.md.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import pino from 'pino'

const production = process.env.NODE_ENV === 'production'
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined })

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const loadBuild = () =>
  viteDevServer ? viteDevServer.ssrLoadModule('virtual:remix/server-build') : import('./build/server/index.js')

const build = await loadBuild()
const portal = build.entry.module

let settings
try {
  settings = await portal.startup({ logger })
} catch (error) {
  // A wrong environment variable or a locked data folder: say which and stop.
  console.error(`\nPortalen kunde inte starta. / The portal could not start.\n${describeStartError(error)}\n`)
  await viteDevServer?.close()
  process.exit(1)
}

function describeStartError(error) {
  if (error instanceof Error) return error.message
  if (error && typeof error === 'object' && 'message' in error) return String(error.message)
  return String(error)
}

const app = express()
app.disable('x-powered-by')
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)

app.use((req, res, next) => {
  res.locals.requestId = crypto.randomUUID()
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  res.setHeader('X-Request-Id', res.locals.requestId)
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    logger.info(
      {
        requestId: res.locals.requestId,
        method: req.method,
        // Invitation and reset links carry their secret in the path.
        path: portal.redactPath(req.path),
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      'request',
    )
  })
  next()
})

app.use((req, res, next) => {
  const headers = portal.securityHeaders({ nonce: res.locals.cspNonce, production, tileOrigins: settings.tileOrigins })
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value)
  }
  next()
})

app.use((req, res, next) => {
  const verdict = portal.checkRequest({
    method: req.method,
    path: req.path,
    origin: req.get('origin') ?? null,
    secFetchSite: req.get('sec-fetch-site') ?? null,
    contentLength: req.get('content-length') ?? null,
    transferEncoding: req.get('transfer-encoding') ?? null,
    contentType: req.get('content-type') ?? null,
    host: req.get('host') ?? null,
    forwardedHost: req.get('x-forwarded-host') ?? null,
    publicOrigin: settings.publicOrigin,
    maxBodyBytes: settings.maxBodyBytes,
  })
  if (verdict.ok) return next()
  // The body is not read: close the connection rather than drain a large upload.
  res.set('Connection', 'close')
  res.status(verdict.status).type('html').send(portal.plainErrorPage(verdict.status))
})

// An event page's live stream (text/event-stream) must reach the browser message by
// message: compression would hold messages back until its buffer fills.
app.use(
  compression({
    filter: (req, res) =>
      !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
  }),
)

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  // Only the build's own top-level files (favicon.svg, sw.js) go to the file system: a page
  // request looked for a file of its name first, a stat for nothing on every page (issue 20).
  const clientFiles = new Set(fs.readdirSync('build/client').filter((name) => name !== 'assets'))
  const clientFile = express.static('build/client', { maxAge: '1h' })
  app.use((req, res, next) => (clientFiles.has(req.path.slice(1)) ? clientFile(req, res, next) : next()))
}

// Every page carries the signed-in user's data (the root loader reads the
// session): no browser or proxy may keep one. A route that says otherwise keeps its own.
app.use((req, res, next) => {
  const writeHead = res.writeHead
  res.writeHead = function (...args) {
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store')
    return writeHead.apply(this, args)
  }
  next()
})

app.all(
  '*',
  createRequestHandler({
    build: viteDevServer ? loadBuild : build,
    mode: production ? 'production' : 'development',
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      requestId: res.locals.requestId,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    }),
  }),
)

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 3000)
const server = app.listen(port, host, () => {
  const address = server.address()
  const shown = typeof address === 'object' && address ? `${host}:${address.port}` : `${host}:${port}`
  logger.info({ address: shown }, 'listening')
  console.log(`\nPortalen är igång: ${settings.publicOrigin} (lyssnar på ${shown})\n`)
})

let stopping = false
async function stop(signal) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'stopping')
  setTimeout(() => process.exit(1), 10_000).unref()
  server.close()
  server.closeAllConnections?.()
  try {
    await portal.shutdown()
    await viteDevServer?.close()
  } finally {
    process.exit(0)
  }
}
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
