import { redactSecretPaths } from '~/modules/http/secret-paths'
import { CRLF, foldLine } from '~/modules/text/content-line'

// The outbox shows that a message went out, never a link that works: whoever
// reads it (the coordinator, over a shoulder, in a screenshot) must not be
// able to accept an invitation, reset a password or answer for someone. The
// stored message, the e-mail itself, keeps the link.

export const WITHHELD_LINK = '[länk i e-postmeddelandet]'

/**
 * Every link whose path carries a secret, by the one rule of secret-paths
 * (invitations, resets, answer links, calendar feeds and any token route
 * added there), becomes the marker; other links stay.
 */
export function redactMailText(text: string): string {
  const links = text.replace(/https?:\/\/[^\s<>"]+/g, (link) =>
    redactSecretPaths(link) === link ? link : WITHHELD_LINK,
  )
  return redactSecretPaths(links, WITHHELD_LINK)
}

/** The calendar part likewise; lines are unfolded first, since a fold can split a token. */
export function redactCalendar(content: string): string {
  const lines = content.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)
  const last = lines.at(-1) === '' ? lines.pop() : undefined
  return lines.map((line) => foldLine(redactMailText(line))).join(CRLF) + (last === undefined ? '' : CRLF)
}

export function withholdsLink(text: string): boolean {
  return redactMailText(text) !== text
}
