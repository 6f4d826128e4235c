import type { MessageKey } from '~/i18n/sv'
import type { Notice } from '~/modules/http/notice'

// Convening, changing or cancelling a meeting mails the people concerned at
// once, and the meeting page's notice says how many. The same notice tells
// the meeting page that it follows such a save: only then does it say how
// many mails failed and warn about invited organisations nobody hears from.

export type MeetingChange = 'created' | 'changed' | 'cancelled'

/** The notice after a save that mailed people: how many got it, and how many mails failed (shown by the page). */
export function mailedNotice(change: MeetingChange, mailed: { sent: number; failed: number }): Notice {
  const message: MessageKey =
    change === 'created'
      ? 'meeting.saved'
      : change === 'cancelled'
        ? 'meeting.cancelledSent'
        : mailed.sent > 0
          ? 'meeting.updatedSent'
          : 'meeting.savedNoSend'
  return { kind: 'success', message, values: { sent: mailed.sent, failed: mailed.failed } }
}

/** A repeated post of the new-meeting form: the meeting exists, its invitations went out with the first post. */
export const convenedAgainNotice: Notice = { kind: 'success', message: 'meeting.savedNoSend' }

const mailedMessages: readonly MessageKey[] = [
  'meeting.saved',
  'meeting.updatedSent',
  'meeting.savedNoSend',
  'meeting.cancelledSent',
]

/** What the meeting page adds to the notice it was reached with: failed mails, and whether to name the unreachable. */
export function afterMailing(notice: Notice | null): { failed: number; warnUnreachable: boolean } {
  if (!notice || !mailedMessages.includes(notice.message)) return { failed: 0, warnUnreachable: false }
  const failed = Number(notice.values?.failed ?? 0)
  return {
    failed: Number.isInteger(failed) && failed > 0 ? failed : 0,
    warnUnreachable: notice.message !== 'meeting.cancelledSent',
  }
}
