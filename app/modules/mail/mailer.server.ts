import { desc } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { getEnv } from '~/config/env.server'
import type { Executor } from '~/db/client.server'
import { outbox } from '~/db/schema/mail'

export interface MailMessage {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  /** 'smtp' when handed to the SMTP server, 'outbox' when stored for coordinators to read. */
  send(db: Executor, message: MailMessage): Promise<'smtp' | 'outbox'>
}

export function createMailer(options: { smtpUrl?: string; from: string }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(db, message) {
        await db.insert(outbox).values(message)
        return 'outbox'
      },
    }
  }
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl)
  return {
    async send(_db, message) {
      await transport.sendMail({ from: options.from, ...message })
      return 'smtp'
    },
  }
}

let appMailer: Mailer | undefined

export function getMailer(): Mailer {
  const env = getEnv()
  appMailer ??= createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })
  return appMailer
}

export function listOutbox(db: Executor, limit = 100) {
  return db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit)
}
