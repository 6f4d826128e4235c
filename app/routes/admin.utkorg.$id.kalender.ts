import type { LoaderFunctionArgs } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'
import { outbox } from '~/db/schema/mail'
import { requirePermission } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'

/** The calendar part of a message kept in the outbox, as the .ics file a mail program would show. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.read')
  const id = requireUuid(params.id)
  const [message] = await (await getDb()).select({ calendar: outbox.calendar }).from(outbox).where(eq(outbox.id, id))
  if (!message?.calendar) throw new Response('Hittades inte', { status: 404 })
  return new Response(message.calendar.content, {
    headers: {
      'Content-Type': `text/calendar; charset=utf-8; method=${message.calendar.method}`,
      'Content-Disposition': 'attachment; filename="inbjudan.ics"',
      'Cache-Control': 'private, no-store',
    },
  })
}
