import { Link } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

interface Named {
  id: string
  name: string
}

export interface ReminderOutcome {
  messagesSent: number
  reminded: (Named & { recipients: number })[]
  noEditors: Named[]
  recentlyReminded: Named[]
  notStale: Named[]
  failed: (Named & { email: string })[]
  outbox: boolean
}

function NamedList({ heading, items }: { heading: MessageKey; items: (Named & { email?: string })[] }) {
  const t = useT()
  if (items.length === 0) return null
  return (
    <>
      <p>{t(heading)}</p>
      <ul>
        {items.map((item) => (
          <li key={`${item.id}-${item.email ?? ''}`}>
            <Link to={`/organisationer/${item.id}`}>{item.name}</Link>
            {item.email ? ` (${item.email})` : null}
          </li>
        ))}
      </ul>
    </>
  )
}

/** What a click on "Skicka påminnelser" did, organisation by organisation. */
export function ReminderResult({ result }: { result: ReminderOutcome }) {
  const t = useT()
  const kind = result.failed.length > 0 ? 'error' : result.messagesSent > 0 ? 'success' : 'info'
  return (
    <FormMessage kind={kind}>
      <p>
        {t('staleness.sent', { messages: result.messagesSent, organisations: result.reminded.length })}
        {result.outbox && result.messagesSent > 0 ? ` ${t('staleness.sentOutbox')}` : null}
      </p>
      <NamedList heading="staleness.resultNoEditors" items={result.noEditors} />
      <NamedList heading="staleness.resultRecent" items={result.recentlyReminded} />
      <NamedList heading="staleness.resultNotStale" items={result.notStale} />
      <NamedList heading="staleness.resultFailed" items={result.failed} />
    </FormMessage>
  )
}
