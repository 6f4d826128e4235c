import { describe, expect, it } from 'vitest'
import { afterMailing, convenedAgainNotice, mailedNotice } from '../../app/modules/meetings/mailed-notice'

describe("the notice after a meeting's mails went out", () => {
  it('says how many got the mail, in the message of what was done', () => {
    expect(mailedNotice('created', { sent: 3, failed: 0 })).toEqual({
      kind: 'success',
      message: 'meeting.saved',
      values: { sent: 3, failed: 0 },
    })
    expect(mailedNotice('changed', { sent: 2, failed: 1 }).message).toBe('meeting.updatedSent')
    expect(mailedNotice('changed', { sent: 0, failed: 0 }).message).toBe('meeting.savedNoSend')
    expect(mailedNotice('cancelled', { sent: 4, failed: 0 }).message).toBe('meeting.cancelledSent')
  })

  it('lets the meeting page name failed mails, and the unreachable only after a convened or changed meeting', () => {
    expect(afterMailing(mailedNotice('created', { sent: 3, failed: 2 }))).toEqual({ failed: 2, warnUnreachable: true })
    expect(afterMailing(mailedNotice('changed', { sent: 0, failed: 0 }))).toEqual({ failed: 0, warnUnreachable: true })
    expect(afterMailing(mailedNotice('cancelled', { sent: 1, failed: 1 }))).toEqual({
      failed: 1,
      warnUnreachable: false,
    })
    // A repeated post of the new-meeting form: the meeting is there, nothing was mailed this time.
    expect(afterMailing(convenedAgainNotice)).toEqual({ failed: 0, warnUnreachable: true })
  })

  it('adds nothing to another notice, or to none', () => {
    expect(afterMailing(null)).toEqual({ failed: 0, warnUnreachable: false })
    expect(afterMailing({ kind: 'success', message: 'meetingFollowUp.minutes.saved' })).toEqual({
      failed: 0,
      warnUnreachable: false,
    })
    expect(afterMailing({ kind: 'success', message: 'isf.convened', values: { number: 1, failed: 5 } })).toEqual({
      failed: 0,
      warnUnreachable: false,
    })
  })
})
