import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requireUser } from '~/modules/auth/guards.server'
import { requireReadableEvent } from '~/modules/events/event-access.server'
import { renderEvaluationPdf } from '~/modules/events/evaluation-pdf.server'
import { mayReadReport } from '~/modules/events/evaluation-page.server'
import { evaluationContents, evaluationTimeline, getEvaluation } from '~/modules/events/evaluation.server'
import { notFound, requireUuid } from '~/modules/http/responses'

/** The evaluation report as a PDF: the leaders', and the event's readers' once it is shared. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const event = await requireReadableEvent(db, user, id)
  const evaluation = await getEvaluation(db, id)
  if (!evaluation || !mayReadReport(user, event, evaluation.sharedAt)) throw notFound()
  const [timeline, { responses, findings }] = await Promise.all([
    evaluationTimeline(db, event),
    evaluationContents(db, id),
  ])
  const locale = getLocale(request)
  const pdf = await renderEvaluationPdf(
    { event, evaluation, timeline, responses, findings },
    translator(locale),
    locale,
  )
  const prefix = event.kind === 'exercise' ? 'ovning-' : ''
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${prefix}utvardering-${event.startedAt.toISOString().slice(0, 10)}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
