import { and, asc, eq, gte, lte, ne, sql } from 'drizzle-orm'
import { getEnv, portalOrigin } from '~/config/env.server'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { mandateDeliverables, mandatePeriods, mandateReminders } from '~/db/schema/mandate'
import { memberships, users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { addDays } from '~/modules/council/weekly'
import { getMailer, type Mailer } from '~/modules/mail/mailer.server'
import { daysBetween, stockholmToday } from './deliverable-state'
import { LONGEST_REMINDER_DAYS, reminderDue, reminderMailText } from './reminder-rules'

// Reminders 30 and 7 days before a deliverable's due date, to its owner and
// the coordinators. Every app process runs the job; each reminder is one
// transaction that takes the job's advisory lock, records the reminder
// (deliverable, due date, lead time: the primary key) and sends its mails, so
// a reminder goes out once, and a failed send rolls back and is tried again on
// the next run. Without SMTP the mails land in the outbox in that same
// transaction; with SMTP, one reminder per transaction keeps a crash from
// resending what earlier reminders already handed over.

/** Postgres advisory lock key of the job (the council retention job has 60 601). */
const REMINDER_LOCK = 60_602

export interface ReminderRun {
  /** Reminders sent (one per deliverable and lead time). */
  reminded: number
  /** Mails sent for them. */
  mails: number
  /** Another process held the job; this run stopped and left the rest to it. */
  busy: boolean
  /** Reminders whose sending failed; rolled back, tried again on the next run. */
  errors: unknown[]
}

async function tryJobLock(tx: Transaction): Promise<boolean> {
  const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK}) as locked`)) as unknown as
    { locked: boolean }[] | { rows: { locked: boolean }[] }
  const [lock] = Array.isArray(result) ? result : result.rows
  return lock?.locked === true
}

/** The owner (if active) and every active coordinator, lower-cased and each address once. */
async function reminderRecipients(
  db: Executor,
  owner: { email: string | null; active: boolean | null },
): Promise<string[]> {
  const coordinators = await db
    .selectDistinct({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'coordinator'), eq(users.active, true)))
    .orderBy(asc(users.email))
  const addresses = [...(owner.email && owner.active ? [owner.email] : []), ...coordinators.map((row) => row.email)]
  return [...new Set(addresses.map((address) => address.trim().toLowerCase()))]
}

/** Sends the reminder due today for one deliverable, if any and not sent before; the number of mails. */
async function remindOne(tx: Transaction, mailer: Mailer, deliverableId: string, today: string): Promise<number> {
  const [row] = await tx
    .select({
      deliverable: mandateDeliverables,
      periodTitle: mandatePeriods.title,
      ownerName: users.name,
      ownerEmail: users.email,
      ownerActive: users.active,
    })
    .from(mandateDeliverables)
    .innerJoin(mandatePeriods, eq(mandatePeriods.id, mandateDeliverables.periodId))
    .leftJoin(users, eq(users.id, mandateDeliverables.ownerUserId))
    .where(eq(mandateDeliverables.id, deliverableId))
  const deliverable = row?.deliverable
  if (!row || !deliverable || deliverable.state === 'done' || deliverable.dueDate === null) return 0
  const dueDate = deliverable.dueDate
  const daysUntil = daysBetween(today, dueDate)
  const daysBefore = reminderDue(daysUntil)
  if (daysBefore === null) return 0
  const recipients = await reminderRecipients(tx, { email: row.ownerEmail, active: row.ownerActive })
  if (recipients.length === 0) return 0
  const recorded = await tx
    .insert(mandateReminders)
    .values({ deliverableId, dueDate, daysBefore })
    .onConflictDoNothing()
    .returning({ deliverableId: mandateReminders.deliverableId })
  if (recorded.length === 0) return 0
  const mail = reminderMailText({
    title: deliverable.title,
    periodTitle: row.periodTitle,
    dueDate,
    state: deliverable.state,
    daysUntil,
    ownerName: row.ownerName,
    link: `${portalOrigin()}/mandatperiod/${deliverable.periodId}/leveranser/${deliverable.id}`,
  })
  for (const to of recipients) await mailer.send(tx, { to, ...mail })
  await recordAudit(tx, {
    userId: null,
    organisationId: null,
    entity: 'mandate_deliverable',
    entityId: deliverable.periodId,
    action: 'remind',
    changes: {
      title: { before: null, after: deliverable.title },
      dueDate: { before: null, after: dueDate },
      daysBefore: { before: null, after: daysBefore },
      recipients: { before: null, after: recipients },
    },
  })
  return recipients.length
}

/** Sends every reminder due on `now`'s day in Stockholm that has not been sent. */
export async function sendDeliverableReminders(db: Database, mailer: Mailer, now = new Date()): Promise<ReminderRun> {
  const today = stockholmToday(now)
  const candidates = await db
    .select({ id: mandateDeliverables.id })
    .from(mandateDeliverables)
    .where(
      and(
        ne(mandateDeliverables.state, 'done'),
        gte(mandateDeliverables.dueDate, today),
        lte(mandateDeliverables.dueDate, addDays(today, LONGEST_REMINDER_DAYS)),
      ),
    )
    .orderBy(asc(mandateDeliverables.dueDate), asc(mandateDeliverables.id))
  const run: ReminderRun = { reminded: 0, mails: 0, busy: false, errors: [] }
  for (const { id } of candidates) {
    try {
      const mails = await db.transaction(async (tx) =>
        (await tryJobLock(tx)) ? remindOne(tx, mailer, id, today) : null,
      )
      if (mails === null) return { ...run, busy: true }
      if (mails > 0) {
        run.reminded++
        run.mails += mails
      }
    } catch (error) {
      run.errors.push(error)
    }
  }
  return run
}

type JobLog = { info: (data: object, message: string) => void; error: (data: object, message: string) => void }

/**
 * Runs the job every MANDATE_REMINDER_INTERVAL_MS (an hour), first a minute
 * after start (or after one interval, if shorter), in every app process; a
 * run does not start while the process's previous one is still going. The
 * timers do not keep the process alive; the returned stop waits for a run in
 * progress, so that shutdown does not close the database under it.
 */
export function scheduleMandateReminders(
  getDb: () => Promise<Database>,
  log: JobLog,
  intervalMs: number = getEnv().MANDATE_REMINDER_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<void> | null = null
  const run = () => {
    running ??= (async () => {
      try {
        const result = await sendDeliverableReminders(await getDb(), getMailer())
        if (result.reminded > 0) log.info({ reminded: result.reminded, mails: result.mails }, 'mandate reminders sent')
        for (const error of result.errors) log.error({ err: error }, 'mandate reminder failed; tried again next run')
      } catch (error) {
        log.error({ err: error }, 'mandate reminders failed')
      } finally {
        running = null
      }
    })()
  }
  const first = setTimeout(run, Math.min(60_000, intervalMs))
  const every = setInterval(run, intervalMs)
  first.unref()
  every.unref()
  return async () => {
    clearTimeout(first)
    clearInterval(every)
    await running
  }
}
