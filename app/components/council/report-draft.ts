// The report form's memory on the phone: the draft as it is typed, and
// reports sent while offline, waiting for the connection. Only in the
// browser's localStorage of the signed-in user, keyed by council and user;
// cleared once the council has the report. Nothing is kept longer than the
// session it was typed in (docs/decisions/003): each entry carries when it was
// stored and when it must go, an older one is deleted when read, and the form
// tells the user so.

import { isFresh, offlineStamp, type OfflineLifetime, type OfflineStamp } from '~/modules/auth/offline-lifetime'

export type DraftValues = Record<string, string>

/** Whose memory, and how long it may be kept. */
export interface DraftScope {
  councilId: string
  userId: string
  lifetime: OfflineLifetime
}

interface Kept extends OfflineStamp {
  values: DraftValues
}

const PREFIX = 'council-report-'
type Owner = Pick<DraftScope, 'councilId' | 'userId'>

const draftKey = ({ councilId, userId }: Owner) => `${PREFIX}draft:${councilId}:${userId}`
const queueKey = ({ councilId, userId }: Owner) => `${PREFIX}queue:${councilId}:${userId}`
const pendingKey = ({ councilId, userId }: Owner) => `${PREFIX}pending:${councilId}:${userId}`

/**
 * The stored entries that may still be read, and how many were too old (an
 * entry without a stamp, from before stamps, counts as too old).
 */
export function sortKept(entries: unknown[], now: number, maxAgeMs: number): { kept: Kept[]; expired: number } {
  const kept = entries.filter(
    (entry): entry is Kept =>
      isFresh(entry, now, maxAgeMs) && typeof (entry as Kept).values === 'object' && (entry as Kept).values !== null,
  )
  return { kept, expired: entries.length - kept.length }
}

function read(key: string): unknown[] {
  try {
    const text = window.localStorage.getItem(key)
    if (!text) return []
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value : [value]
  } catch {
    return []
  }
}

function write(key: string, value: Kept | Kept[] | null): void {
  try {
    if (value === null || (Array.isArray(value) && value.length === 0)) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Private mode or a full storage: the form still works, only without memory.
  }
}

/** Values stamped now; null once the session is over (nothing more may be stored for it). */
function stamp(scope: DraftScope, values: DraftValues, now = Date.now()): Kept | null {
  const kept = { ...offlineStamp(now, scope.lifetime), values }
  return isFresh(kept, now, scope.lifetime.maxAgeMs) ? kept : null
}

/** Reads one key, deleting whatever in it is too old. */
function load(key: string, scope: DraftScope): { kept: Kept[]; expired: boolean } {
  const { kept, expired } = sortKept(read(key), Date.now(), scope.lifetime.maxAgeMs)
  if (expired > 0) write(key, kept)
  return { kept, expired: expired > 0 }
}

export function loadDraft(scope: DraftScope): { values: DraftValues | null; expired: boolean } {
  const { kept, expired } = load(draftKey(scope), scope)
  return { values: kept[0]?.values ?? null, expired }
}
export const saveDraft = (scope: DraftScope, values: DraftValues) => write(draftKey(scope), stamp(scope, values))
export const clearDraft = (scope: Owner) => write(draftKey(scope), null)

/**
 * A report being sent online, until the council's answer is seen: if the
 * page is left before that (a dropped connection, a closed tab), the next
 * visit sends it again, and its client key keeps it from being stored twice.
 */
export const markPending = (scope: DraftScope, values: DraftValues) => write(pendingKey(scope), stamp(scope, values))
export const clearPending = (scope: Owner) => write(pendingKey(scope), null)
export function takePending(scope: DraftScope): { values: DraftValues | null; expired: boolean } {
  const { kept, expired } = load(pendingKey(scope), scope)
  clearPending(scope)
  return { values: kept[0]?.values ?? null, expired }
}

export function loadQueue(scope: DraftScope): { values: DraftValues[]; expired: boolean } {
  const { kept, expired } = load(queueKey(scope), scope)
  return { values: kept.map((entry) => entry.values), expired }
}
export function enqueue(scope: DraftScope, values: DraftValues): void {
  const { kept } = load(queueKey(scope), scope)
  const added = stamp(scope, values)
  write(queueKey(scope), [
    ...kept.filter((entry) => entry.values.clientKey !== values.clientKey),
    ...(added ? [added] : []),
  ])
}

/**
 * Sends reports, oldest first, to the form's own address. The form answers a
 * stored report with a redirect to the reporter's list; each carries its
 * client key, so one sent twice is stored once. An ended session ends on the
 * sign-in page (or a 401): nothing more is tried, and that report and the ones
 * after it come back as `signedOut`. Other refusals come back as `refused`
 * (the last one), and those that met no answer (offline, a server error) as
 * `failed`. Redirects are followed because only where they end tells a stored
 * report from a refused one.
 */
export async function sendReports(
  reports: DraftValues[],
  action: string,
): Promise<{ sent: number; refused: DraftValues | null; signedOut: DraftValues[]; failed: DraftValues[] }> {
  let sent = 0
  let refused: DraftValues | null = null
  const signedOut: DraftValues[] = []
  const failed: DraftValues[] = []
  for (const values of reports) {
    if (signedOut.length > 0) {
      signedOut.push(values)
      continue
    }
    try {
      const response = await fetch(action, {
        method: 'POST',
        body: new URLSearchParams(values),
        credentials: 'same-origin',
      })
      if (response.redirected) {
        if (new URL(response.url).pathname.startsWith('/logga-in')) signedOut.push(values)
        else sent++
      } else if (response.status === 401) signedOut.push(values)
      else if (response.status >= 400 && response.status < 500) refused = values
      else failed.push(values)
    } catch {
      failed.push(values)
    }
  }
  return { sent, refused, signedOut, failed }
}

/**
 * Sends the waiting reports. Those refused stay as the draft, to be
 * corrected; those that met no answer keep waiting. When the session has
 * ended, the server has told the browser to forget them: every one not sent
 * comes back as `signedOut`, for the page to hold in memory and say so.
 */
export async function flushQueue(
  scope: DraftScope,
  action: string,
): Promise<{ sent: number; refused: DraftValues | null; signedOut: DraftValues[] }> {
  const entries = load(queueKey(scope), scope).kept
  const { sent, refused, signedOut, failed } = await sendReports(
    entries.map((entry) => entry.values),
    action,
  )
  if (signedOut.length > 0) {
    write(queueKey(scope), null)
    return { sent, refused, signedOut: [...failed, ...signedOut] }
  }
  write(
    queueKey(scope),
    entries.filter((entry) => failed.includes(entry.values)),
  )
  if (refused) saveDraft(scope, refused)
  return { sent, refused, signedOut }
}

/** Forgets every draft and waiting report in this browser: at sign-out, and on any page shown signed out. */
export function forgetReportDrafts(): void {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, index) => window.localStorage.key(index))
    for (const key of keys) if (key?.startsWith(PREFIX)) window.localStorage.removeItem(key)
  } catch {
    // No storage: nothing was kept.
  }
}
