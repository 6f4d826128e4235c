import { Fragment, type ReactNode } from 'react'
import type { DeliverableKind, MeetingKind } from '~/db/enums'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { rsaDetailText, type RsaDetail } from '~/modules/mandate/calendar'
import type { ShownState } from '~/modules/mandate/deliverable-state'
import { DecisionText, StateLabel } from './state-label'

export interface OverviewData {
  deliverables: {
    id: string
    kind: DeliverableKind
    title: string
    dueDate: string | null
    shown: ShownState
    rsa: RsaDetail | null
    adoptedBy: string
    adoptedOn: string | null
    decisionReference: string
    owner: string
    documents: string[]
  }[]
  rsa: {
    analysis: { submitted: number; expected: number; sharedOn: string | null } | null
    followUps: { year: number; on: string | null }[]
  }
  meetings: { id: string; kind: MeetingKind; title: string; startsAt: string; evaluated: boolean }[]
  events: { id: string; title: string; startedAt: string; ended: boolean; evaluated: boolean }[]
}

/** On a narrow screen a wide table scrolls in its own region; on paper it fits the page (mandate.css). */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap mandate-print__region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}

function DeliverableTable({ deliverables }: { deliverables: OverviewData['deliverables'] }) {
  const t = useT()
  return (
    <ScrollRegion label={t('mandateCalendar.print.deliverables')}>
      <table className="table mandate-print__table">
        <caption className="visually-hidden">{t('mandateCalendar.print.deliverables')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mandateCalendar.column.due')}</th>
            <th scope="col">{t('mandateCalendar.column.deliverable')}</th>
            <th scope="col">{t('mandateCalendar.column.state')}</th>
            <th scope="col">{t('mandateCalendar.column.decision')}</th>
            <th scope="col">{t('mandateCalendar.column.documents')}</th>
          </tr>
        </thead>
        <tbody>
          {deliverables.map((row) => (
            <tr key={row.id}>
              <td className="mandate-calendar__due">{row.dueDate ?? t('mandateCalendar.duringPeriod')}</td>
              <th scope="row">
                {row.title}
                {row.owner ? (
                  <>
                    <br />
                    <span className="muted">{row.owner}</span>
                  </>
                ) : null}
              </th>
              <td>
                <StateLabel shown={row.shown} rsa={row.rsa} />
              </td>
              <td>
                <DecisionText deliverable={row} />
              </td>
              <td>{row.documents.length > 0 ? row.documents.join(', ') : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

function ActivityTable({ meetings, events }: Pick<OverviewData, 'meetings' | 'events'>) {
  const t = useT()
  const locale = useLocale()
  const rows = [
    ...meetings.map((meeting) => ({
      id: meeting.id,
      at: meeting.startsAt,
      title: meeting.title,
      kind: t(`meeting.kind.${meeting.kind}`),
      evaluated: meeting.evaluated,
    })),
    ...events.map((event) => ({
      id: event.id,
      at: event.startedAt,
      title: event.title,
      kind: t('mandateCalendar.print.eventExercise'),
      evaluated: event.evaluated,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at))
  if (rows.length === 0) return <p>{t('mandateCalendar.print.noActivities')}</p>
  return (
    <ScrollRegion label={t('mandateCalendar.print.activities')}>
      <table className="table mandate-print__table">
        <caption className="visually-hidden">{t('mandateCalendar.print.activities')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mandateCalendar.print.date')}</th>
            <th scope="col">{t('mandateCalendar.print.activity')}</th>
            <th scope="col">{t('mandateCalendar.column.kind')}</th>
            <th scope="col">{t('mandateCalendar.print.evaluated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="mandate-calendar__due">{formatDate(locale, row.at)}</td>
              <th scope="row">{row.title}</th>
              <td>{row.kind}</td>
              <td>
                {row.evaluated ? t('mandateCalendar.print.evaluatedYes') : t('mandateCalendar.print.evaluatedNo')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

function RsaSummary({ rsa }: { rsa: OverviewData['rsa'] }) {
  const t = useT()
  const analysis: RsaDetail = !rsa.analysis
    ? { kind: 'none' }
    : rsa.analysis.sharedOn
      ? { kind: 'shared', on: rsa.analysis.sharedOn }
      : { kind: 'progress', submitted: rsa.analysis.submitted, expected: rsa.analysis.expected }
  return (
    <dl className="facts">
      <dt>{t('mandate.kind.rsa')}</dt>
      <dd>{rsaDetailText(t, analysis)}</dd>
      {rsa.followUps.map((followUp) => (
        <Fragment key={followUp.year}>
          <dt>{t('mandateCalendar.print.followUp', { year: followUp.year })}</dt>
          <dd>{rsaDetailText(t, followUp.on ? { kind: 'followedUp', on: followUp.on } : { kind: 'notFollowedUp' })}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

/** The period on A4: deliverables, exercises and trainings held, the RSA and its follow-ups. */
export function PeriodOverview({ overview }: { overview: OverviewData }) {
  const t = useT()
  return (
    <>
      <section aria-labelledby="print-deliverables">
        <h2 id="print-deliverables">{t('mandateCalendar.print.deliverables')}</h2>
        <DeliverableTable deliverables={overview.deliverables} />
      </section>
      <section aria-labelledby="print-activities">
        <h2 id="print-activities">{t('mandateCalendar.print.activities')}</h2>
        <ActivityTable meetings={overview.meetings} events={overview.events} />
      </section>
      <section aria-labelledby="print-rsa">
        <h2 id="print-rsa">{t('mandateCalendar.print.rsa')}</h2>
        <RsaSummary rsa={overview.rsa} />
      </section>
    </>
  )
}
