import { data } from '@remix-run/node'
import type { Database } from '~/db/client.server'
import type { MandatePeriod } from '~/db/schema/mandate'
import type { MessageKey } from '~/i18n/sv'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { badRequest, notFound } from '~/modules/http/responses'
import { canReadMeeting, meetingScopes } from '~/modules/meetings/meeting-access.server'
import { EntryRefSchema, entryFormValues, MeetingEntrySchema, ownEntrySchema, reportYearOf } from './grant-form'
import { groupByCategory, grantTotals, periodYears, sortActivities, type GrantActivity } from './grant-report'
import {
  createOwnEntry,
  deleteOwnEntry,
  grantActivities,
  saveMeetingEntry,
  updateOwnEntry,
  type GrantActor,
} from './grant-report.server'
import { canOnPeriod } from './mandate-access.server'

// The grant report page of one year: its loader's data, and its posts (the
// hours and cost of a listed meeting; an own entry added, changed, removed),
// one named function each behind a small dispatcher.

/** The year in the URL, if it is a year of the period; any other is a 404. */
export function requireReportYear(period: MandatePeriod, text: string | undefined): number {
  const year = reportYearOf(period, text)
  if (year === null) throw notFound()
  return year
}

export type ReportActivity = GrantActivity & { href: string | null }

/** Where the reader can open what the row comes from: a meeting they may read, an event. */
async function withLinks(db: Database, user: SessionUser, activities: GrantActivity[]): Promise<ReportActivity[]> {
  const meetingIds = activities.flatMap((row) => (row.origin.kind === 'meeting' ? [row.origin.meetingId] : []))
  const scopes = await meetingScopes(db, meetingIds)
  const readsEvents = can(user, 'event.read', {})
  return activities.map((row) => {
    const origin = row.origin
    if (origin.kind === 'meeting') {
      const readable = canReadMeeting(user, { organisationIds: scopes.get(origin.meetingId) ?? [] })
      return { ...row, href: readable ? `/moten/${origin.meetingId}` : null }
    }
    if ('eventId' in origin) return { ...row, href: readsEvents ? `/handelser/${origin.eventId}` : null }
    return { ...row, href: null }
  })
}

const amountValues = (row: GrantActivity) =>
  entryFormValues({ hours: row.hours, cost: row.cost, notes: row.notes, version: row.entry?.version ?? 0 })

/**
 * The year's report, and for the coordinator the forms' values: each listed
 * meeting's hours and cost, and the own entry named by ?andra=<id>.
 */
export async function loadGrantReportPage(
  db: Database,
  user: SessionUser,
  period: MandatePeriod,
  year: number,
  url: URL,
) {
  const activities = await withLinks(db, user, await grantActivities(db, period, year))
  const manage = canOnPeriod(user, 'mandate.manage', period)
  const own = sortActivities(activities).filter((row) => row.origin.kind === 'own')
  const editingId = url.searchParams.get('andra')
  const editing = own.find((row) => row.entry?.id === editingId)
  return {
    periodId: period.id,
    year,
    years: periodYears(period),
    manage,
    groups: groupByCategory(activities),
    totals: grantTotals(activities),
    meetingForms: manage
      ? sortActivities(activities).flatMap((row) =>
          row.origin.kind === 'meeting'
            ? [
                {
                  meetingId: row.origin.meetingId,
                  meetingKind: row.origin.meetingKind,
                  title: row.title,
                  date: row.date,
                  values: amountValues(row),
                },
              ]
            : [],
        )
      : [],
    /** Every own entry's form values, so a refused change re-renders its form. */
    ownEntries: manage
      ? own.map((row) => ({
          entryId: row.entry!.id,
          values: entryFormValues({
            category: row.category,
            title: row.title,
            occurredOn: row.date,
            hours: row.hours,
            cost: row.cost,
            notes: row.notes,
            version: row.entry!.version,
          }),
        }))
      : [],
    editingId: manage && editing ? editingId : null,
  }
}

export type GrantActionResult =
  | { kind: 'saved'; notice: MessageKey }
  /** `form` is 'create', 'entry:<id>' or 'meeting:<id>': the form whose fields get the errors and values back. */
  | { kind: 'invalid'; form: string; errors: FieldErrors; values: Record<string, string> }
  /** A stale version: the user's values against the version saved meanwhile, and what is stored now. */
  | {
      kind: 'conflict'
      form: string
      values: Record<string, string>
      current: Record<string, string>
      deleting: boolean
    }

interface IntentContext {
  db: Database
  period: MandatePeriod
  year: number
  actor: GrantActor
  formData: FormData
}

type Reply = ReturnType<typeof data<GrantActionResult>>

const saved = (notice: MessageKey): Reply => data<GrantActionResult>({ kind: 'saved', notice })
const invalid = (form: string, errors: FieldErrors, values: Record<string, string>): Reply =>
  data<GrantActionResult>({ kind: 'invalid', form, errors, values }, { status: 400 })
const conflict = (
  form: string,
  values: Record<string, string>,
  current: Record<string, string>,
  deleting = false,
): Reply => data<GrantActionResult>({ kind: 'conflict', form, values, current, deleting }, { status: 409 })

const formOf = (entry: {
  category: string
  title: string
  occurredOn: string | null
  hours: string | null
  cost: number | null
  notes: string
  version: number
}) => entryFormValues({ ...entry, hours: entry.hours === null ? null : Number(entry.hours) })

async function meetingIntent({ db, period, year, actor, formData }: IntentContext): Promise<Reply> {
  const parsed = parseForm(MeetingEntrySchema, formData)
  const form = `meeting:${parsed.values.meetingId ?? ''}`
  if (!parsed.ok) {
    if (parsed.errors.meetingId || parsed.errors.version) throw badRequest()
    return invalid(form, parsed.errors, parsed.values)
  }
  const { meetingId, version, ...values } = parsed.data
  const result = await saveMeetingEntry(db, { period, year, actor, meetingId, expectedVersion: version, values })
  if (result.ok) return saved('grantReport.saved.meeting')
  if (result.error === 'notFound') throw notFound()
  const current = formOf(result.current)
  const { category: _category, title: _title, occurredOn: _occurredOn, ...shown } = current
  return conflict(form, { ...parsed.values, version: current.version! }, shown)
}

async function createIntent({ db, period, year, actor, formData }: IntentContext): Promise<Reply> {
  const parsed = parseForm(ownEntrySchema(year), formData)
  if (!parsed.ok) return invalid('create', parsed.errors, parsed.values)
  await createOwnEntry(db, { period, year, actor, values: parsed.data })
  return saved('grantReport.saved.created')
}

async function updateIntent({ db, period, year, actor, formData }: IntentContext): Promise<Reply> {
  const ref = parseForm(EntryRefSchema, formData)
  if (!ref.ok) throw badRequest()
  const form = `entry:${ref.data.entryId}`
  const parsed = parseForm(ownEntrySchema(year), formData)
  if (!parsed.ok) return invalid(form, parsed.errors, parsed.values)
  const result = await updateOwnEntry(db, {
    period,
    year,
    actor,
    entryId: ref.data.entryId,
    expectedVersion: ref.data.version,
    values: parsed.data,
  })
  if (result.ok) return saved('grantReport.saved.updated')
  if (result.error === 'notFound') throw notFound()
  const current = formOf(result.current)
  return conflict(form, { ...parsed.values, version: current.version! }, current)
}

async function deleteIntent({ db, period, year, actor, formData }: IntentContext): Promise<Reply> {
  const ref = parseForm(EntryRefSchema, formData)
  if (!ref.ok) throw badRequest()
  const result = await deleteOwnEntry(db, {
    period,
    year,
    actor,
    entryId: ref.data.entryId,
    expectedVersion: ref.data.version,
  })
  if (result.ok) return saved('grantReport.saved.deleted')
  if (result.error === 'notFound') throw notFound()
  const current = formOf(result.current)
  return conflict(`entry:${ref.data.entryId}`, current, current, true)
}

const intents: Record<string, (context: IntentContext) => Promise<Reply>> = {
  meeting: meetingIntent,
  create: createIntent,
  update: updateIntent,
  delete: deleteIntent,
}

/** The page's posts; the caller has checked that the user manages the period. */
export async function runGrantReportAction(
  db: Database,
  user: SessionUser,
  period: MandatePeriod,
  year: number,
  request: Request,
): Promise<Reply> {
  const formData = await readFormData(request)
  const name = formData.get('intent')
  const intent = typeof name === 'string' && Object.hasOwn(intents, name) ? intents[name] : undefined
  if (!intent) throw badRequest()
  const acting = user.memberships.find((membership) => membership.role === 'coordinator') ?? user.memberships[0]
  return intent({ db, period, year, formData, actor: { id: user.id, organisationId: acting?.organisationId ?? null } })
}
