import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import { outboxCalendar } from '~/modules/mail/outbox.server'

/** The calendar part of a message kept in the outbox, as the .ics file a mail program would show, secret links withheld. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.read')
  const id = requireUuid(params.id)
  const calendar = await outboxCalendar(await getDb(), id)
  if (!calendar) throw notFound()
  return new Response(calendar.content, {
    headers: {
      'Content-Type': `text/calendar; charset=utf-8; method=${calendar.method}`,
      'Content-Disposition': 'attachment; filename="inbjudan.ics"',
      'Cache-Control': 'private, no-store',
    },
  })
}
