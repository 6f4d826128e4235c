import { desc } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { getEnv } from '~/config/env.server'
import type { Executor } from '~/db/client.server'
import { outbox } from '~/db/schema/mail'

export interface MailMessage {
  to: string
  subject: string
  text: string
  /** A calendar invitation or cancellation (RFC 5545 text), sent as the text/calendar part calendar apps read. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string }
}

export interface Mailer {
  /** 'smtp' when handed to the SMTP server, 'outbox' when stored for coordinators to read. */
  send(db: Executor, message: MailMessage): Promise<'smtp' | 'outbox'>
}

export function createMailer(options: { smtpUrl?: string; from: string }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(db, message) {
        await db.insert(outbox).values({ ...message, calendar: message.calendar ?? null })
        return 'outbox'
      },
    }
  }
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl)
  return {
    async send(_db, message) {
      const { calendar, ...rest } = message
      await transport.sendMail({
        from: options.from,
        ...rest,
        ...(calendar
          ? {
              icalEvent: { method: calendar.method.toLowerCase(), filename: 'inbjudan.ics', content: calendar.content },
            }
          : {}),
      })
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
