// The report form's memory on the phone: the draft as it is typed, and
// reports sent while offline, waiting for the connection. Only in the
// browser's localStorage of the signed-in user, keyed by council and user;
// cleared once the council has the report.

export type DraftValues = Record<string, string>

const draftKey = (councilId: string, userId: string) => `council-report-draft:${councilId}:${userId}`
const queueKey = (councilId: string, userId: string) => `council-report-queue:${councilId}:${userId}`
const pendingKey = (councilId: string, userId: string) => `council-report-pending:${councilId}:${userId}`

function read<T>(key: string): T | null {
  try {
    const text = window.localStorage.getItem(key)
    return text ? (JSON.parse(text) as T) : null
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Private mode or a full storage: the form still works, only without memory.
  }
}

export const loadDraft = (councilId: string, userId: string) => read<DraftValues>(draftKey(councilId, userId))
export const saveDraft = (councilId: string, userId: string, values: DraftValues) =>
  write(draftKey(councilId, userId), values)
export const clearDraft = (councilId: string, userId: string) => write(draftKey(councilId, userId), null)

/**
 * A report being sent online, until the council's answer is seen: if the
 * page is left before that (a dropped connection, a closed tab), the next
 * visit sends it again, and its client key keeps it from being stored twice.
 */
export const markPending = (councilId: string, userId: string, values: DraftValues) =>
  write(pendingKey(councilId, userId), values)
export const clearPending = (councilId: string, userId: string) => write(pendingKey(councilId, userId), null)
export function takePending(councilId: string, userId: string): DraftValues | null {
  const pending = read<DraftValues>(pendingKey(councilId, userId))
  clearPending(councilId, userId)
  return pending
}

export const loadQueue = (councilId: string, userId: string) => read<DraftValues[]>(queueKey(councilId, userId)) ?? []
export function enqueue(councilId: string, userId: string, values: DraftValues): void {
  const queue = loadQueue(councilId, userId).filter((item) => item.clientKey !== values.clientKey)
  write(queueKey(councilId, userId), [...queue, values])
}

/**
 * Sends the waiting reports, oldest first, to the form's own address. A
 * redirect is the form's answer when the report is stored; each carries its
 * client key, so one sent twice is stored once. Returns how many went and
 * whether any was refused (those stay as the draft, to be corrected).
 */
export async function flushQueue(
  councilId: string,
  userId: string,
  action: string,
): Promise<{ sent: number; refused: DraftValues | null }> {
  let sent = 0
  let refused: DraftValues | null = null
  const remaining: DraftValues[] = []
  for (const values of loadQueue(councilId, userId)) {
    try {
      const response = await fetch(action, {
        method: 'POST',
        body: new URLSearchParams(values),
        redirect: 'manual',
        credentials: 'same-origin',
      })
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) sent++
      else if (response.status >= 400 && response.status < 500) refused = values
      else remaining.push(values)
    } catch {
      remaining.push(values)
    }
  }
  write(queueKey(councilId, userId), remaining.length > 0 ? remaining : null)
  if (refused) saveDraft(councilId, userId, refused)
  return { sent, refused }
}
