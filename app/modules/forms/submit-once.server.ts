import { redirect } from '@remix-run/node'
import { eq, lt } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { formSubmissions } from '~/db/schema/forms'
import { redirectWithNotice } from '~/modules/http/flash.server'
import type { Notice } from '~/modules/http/notice'
import { readSubmissionKey } from './submission-key'

// A create form posted twice (double click, a retry after a timeout) must
// create one record. The form carries a one-time key; the action claims the
// key in the transaction that creates, and stores where it sent the user.
// A second post of the key waits on the claim (the primary key is the one
// judge, also under concurrency) and then answers with the stored redirect.

export interface Submission {
  key: string | null
  userId: string
  /** The path posted to: a key is good for that form only. */
  action: string
}

export interface Submitted {
  location: string
  /** The notice for the page it leads to ("Mötet är skapat."), stored with it so a repeated post shows it too. */
  notice: Notice | null
  /** True when an earlier post of the same form did the work. */
  repeated: boolean
}

/** Where a create sends the user, with a notice for that page. */
export interface Answer {
  location: string
  notice: Notice
}

/** The redirect a submission answers with, its notice included. */
export function redirectTo(submitted: Submitted): Response {
  if (!submitted.notice) return redirect(submitted.location)
  return redirectWithNotice(submitted.location, submitted.notice)
}

/** What a create declined to do (say, a field message); nothing is stored then. */
export interface Refused<F> {
  refused: F
}

export function refuse<F>(value: F): Refused<F> {
  return { refused: value }
}

export function submissionOf(request: Request, formData: FormData, userId: string): Submission {
  return { key: readSubmissionKey(formData), userId, action: new URL(request.url).pathname }
}

class Rollback<F> extends Error {
  constructor(readonly value: Refused<F>) {
    super('form submission refused')
  }
}

const DAY_MS = 24 * 3_600_000
const PURGE_EVERY_MS = 3_600_000
let lastPurge = 0

/**
 * Runs `create` in a transaction (hand its `tx` to the domain function, whose
 * own transaction becomes a savepoint) and returns the location it answers,
 * or the stored location of an earlier post with the same key. A create that
 * returns `refuse(…)` or throws stores nothing, so the form can be sent again.
 */
export async function submitOnce<F = never>(
  db: Database,
  submission: Submission,
  create: (tx: Database) => Promise<string | Answer | Refused<F>>,
): Promise<Submitted | ([F] extends [never] ? never : Refused<F>)> {
  type Outcome = Submitted | Refused<F>
  const { key } = submission
  let outcome: Outcome
  try {
    outcome = await db.transaction(async (tx): Promise<Outcome> => {
      if (key) {
        const claimed = await tx
          .insert(formSubmissions)
          .values({ key, userId: submission.userId, action: submission.action })
          .onConflictDoNothing()
          .returning({ key: formSubmissions.key })
        if (claimed.length === 0) return earlier(tx, submission, key)
      }
      const result = await create(tx)
      if (typeof result !== 'string' && 'refused' in result) throw new Rollback(result)
      const answer = typeof result === 'string' ? { location: result, notice: null } : result
      if (key) await tx.update(formSubmissions).set(answer).where(eq(formSubmissions.key, key))
      return { ...answer, repeated: false }
    })
  } catch (error) {
    if (error instanceof Rollback) return error.value as never
    throw error
  }
  if (key && !('refused' in outcome) && !outcome.repeated && Date.now() - lastPurge >= PURGE_EVERY_MS) {
    lastPurge = Date.now()
    // The record is saved by now; a failed clean-up is tried again later, not shown to the user.
    await purgeFormSubmissions(db).catch(() => {
      lastPurge = 0
    })
  }
  return outcome as never
}

async function earlier(db: Executor, submission: Submission, key: string): Promise<Submitted> {
  const [row] = await db.select().from(formSubmissions).where(eq(formSubmissions.key, key))
  if (!row?.location || row.userId !== submission.userId || row.action !== submission.action) {
    throw new Response('Formuläret har redan skickats.', { status: 409 })
  }
  return { location: row.location, notice: row.notice ?? null, repeated: true }
}

/**
 * Deletes keys older than a day: a retry comes within minutes. The submit
 * path calls it at most once an hour per process, which keeps it cheap.
 */
export async function purgeFormSubmissions(db: Database, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(formSubmissions)
    .where(lt(formSubmissions.createdAt, new Date(now.getTime() - DAY_MS)))
    .returning({ key: formSubmissions.key })
  return deleted.length
}
