import { describe, expect, it } from 'vitest'
import { SECRET_PATH_PREFIXES } from '../../app/modules/http/secret-paths'
import { redactCalendar, redactMailText, WITHHELD_LINK } from '../../app/modules/mail/outbox-redaction'

const token = 'abcdefghijklmnopqrstuvwxyz234567'

describe('the outbox withholds secret links', () => {
  it.each(SECRET_PATH_PREFIXES)('replaces every %s link, with or without origin, by the marker', (prefix) => {
    const text = `Öppna https://portal.example.org${prefix}${token} eller ${prefix}${token}.data?x=1 nu`
    const shown = redactMailText(text)
    expect(shown).not.toContain(token)
    expect(shown).toContain(`Öppna ${WITHHELD_LINK} eller`)
  })

  it('keeps links without a secret', () => {
    const text =
      'Se https://portal.example.org/organisationer/11111111-1111-4111-8111-111111111111 och https://portal.example.org/moten/abc'
    expect(redactMailText(text)).toBe(text)
  })

  it('finds a token that a calendar fold splits, and folds the result again', () => {
    const content = `BEGIN:VEVENT\r\nURL:https://portal.example.org/kalender/${token.slice(0, 10)}\r\n ${token.slice(10)}\r\nEND:VEVENT\r\n`
    const shown = redactCalendar(content)
    expect(shown.replace(/\r\n /g, '')).not.toContain(token.slice(10))
    expect(shown).toBe(`BEGIN:VEVENT\r\nURL:${WITHHELD_LINK}\r\nEND:VEVENT\r\n`)
  })
})
