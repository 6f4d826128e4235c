import type { AddressInfo } from 'node:net'
import { rmSync } from 'node:fs'
import { SMTPServer } from 'smtp-server'
import { mailboxPath, writeMailbox, type StoredMail } from './e2e-mailbox'

/** A local SMTP server for the browser suite's portal: every message lands in the mailbox file (e2e-mailbox.ts). */
export async function startMailServer(baseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const received: StoredMail[] = []
  writeMailbox(baseUrl, received)
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        writeMailbox(baseUrl, received)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      rmSync(mailboxPath(baseUrl), { force: true })
    },
  }
}
