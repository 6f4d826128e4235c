import type { Translate } from '~/i18n/i18n'
import { instantToStockholm } from '~/modules/meetings/stockholm-time'
import { toCsv, type CsvCell } from '~/modules/text/csv'
import type { LogEntryView } from './event-log.server'

// The whole event log as CSV for Swedish Excel: first what event it is (and
// ÖVNING for an exercise, so that a file passed on is never taken for the
// real thing), then one row per entry, oldest first, in Stockholm time.

/** "2026-11-27 14:05", Stockholm time, as a spreadsheet reads it. */
export function stockholmStamp(iso: string | null): string {
  if (!iso) return ''
  const { date, time } = instantToStockholm(new Date(iso))
  return `${date} ${time}`
}

export function eventLogCsv(
  t: Translate,
  event: { title: string; exercise: boolean },
  entries: readonly LogEntryView[],
  exportedAt: Date,
): string {
  const head: CsvCell[][] = [
    ...(event.exercise ? [[t('event.exercise'), t('eventLog.csv.exerciseNote')]] : []),
    [t('eventLog.csv.event'), event.title],
    [t('eventLog.csv.exported'), stockholmStamp(exportedAt.toISOString())],
    [],
  ]
  const columns = [
    t('eventLog.csv.number'),
    t('eventLog.csv.time'),
    t('eventLog.csv.kind'),
    t('eventLog.csv.author'),
    t('eventLog.csv.organisation'),
    t('eventLog.field.text'),
    t('eventLog.field.decidedBy'),
    t('eventLog.field.mandate'),
    t('eventLog.field.counterpart'),
    t('eventLog.task.owner'),
    t('eventLog.task.due'),
    t('eventLog.task.state'),
    t('eventLog.csv.refersTo'),
    t('eventLog.csv.corrects'),
    t('eventLog.csv.correctedBy'),
  ]
  const rows = entries.map((entry): CsvCell[] => [
    entry.number,
    stockholmStamp(entry.createdAt),
    t(`event.logKind.${entry.kind}`),
    entry.authorName || t('eventLog.byPortal'),
    entry.organisationName ?? '',
    entry.text,
    entry.decidedBy,
    entry.mandate,
    entry.counterpart,
    entry.task?.organisationName ?? '',
    stockholmStamp(entry.task?.dueAt ?? null),
    entry.task
      ? t(`event.taskState.${entry.task.state}`)
      : entry.setsState
        ? t(`event.taskState.${entry.setsState}`)
        : '',
    entry.refersTo?.number ?? null,
    entry.corrects?.number ?? null,
    entry.correctedBy.map((by) => by.number).join(', '),
  ])
  return toCsv([...head, columns, ...rows])
}
