import { pageFromSearch } from '~/components/ui/pager'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { instantToStockholm } from '~/modules/meetings/stockholm-time'
import { correctionKind } from './event-log-form'
import { listLog, listWholeLog, type LogEntryView } from './event-log.server'
import { eventHeading, organisationOptions, type EventPageContext } from './event-page.server'
import { isFrozen, writingOrganisationIds } from './event-writers.server'

// What the log page shows: a page of the log, newest first, or the whole log
// oldest first for paper (?visa=utskrift); and for those who write, the
// organisations they write for and those a task can be given to.

/** A correction form starts from the corrected entry's fields, as the form names them. */
export function correctionValues(entry: LogEntryView): Record<string, string> {
  const kind = correctionKind({ kind: entry.kind, stateChange: entry.refersTo !== null })
  const due = entry.task?.dueAt ? instantToStockholm(new Date(entry.task.dueAt)) : null
  return {
    kind,
    text: entry.text,
    decidedBy: entry.decidedBy,
    mandate: entry.mandate,
    counterpart: entry.counterpart,
    taskOrganisationId: entry.task?.organisationId ?? '',
    due: due ? `${due.date}T${due.time}` : '',
  }
}

export async function loadLogPage({ user, db, event }: EventPageContext, url: URL) {
  const print = url.searchParams.get('visa') === 'utskrift'
  const writing = isFrozen(event) ? [] : writingOrganisationIds(user, event)
  const [log, writers, owners] = await Promise.all([
    print
      ? listWholeLog(db, event.id).then((entries) => ({ entries, page: 1, pageCount: 1, total: entries.length }))
      : listLog(db, event.id, { page: pageFromSearch(url.searchParams.get('sida')) }),
    organisationOptions(db, writing),
    writing.length > 0 ? organisationOptions(db, event.organisationIds) : [],
  ])
  const correcting =
    writing.length > 0 ? log.entries.find((entry) => entry.id === url.searchParams.get('ratta')) : undefined
  return {
    event: eventHeading(event),
    log,
    print,
    printedAt: new Date().toISOString(),
    writing: writing.length > 0 ? { organisations: writers, defaultOrganisationId: writing[0]!, owners } : null,
    correction: correcting ? { entryId: correcting.id, values: correctionValues(correcting) } : null,
    submissionKey: newSubmissionKey(),
  }
}
