import { Link } from '@remix-run/react'
import { formatDate } from '~/i18n/format'
import { useLocale, useT, type Translate } from '~/i18n/i18n'
import type { ActivityRow, GapRow, GoalRow } from '~/modules/mandate/training-plan-view'

// The plan's coverage: goals × progress, the gaps, and the period's exercises
// and trainings. The overview page and the printout share these tables.

/** "1 av 2 utvärderade övningar", "3 av 16 genomförda", "4 av 6 utbildade". */
export function progressText(t: Translate, goal: Pick<GoalRow, 'measure' | 'done' | 'target'>): string {
  return goal.target === null
    ? t(`trainingPlan.progressCount.${goal.measure}`, { done: goal.done })
    : t(`trainingPlan.progress.${goal.measure}`, { done: goal.done, target: goal.target })
}

/** The progress as text, and as a bar beside it that says nothing the text does not. */
function Progress({ goal }: { goal: GoalRow }) {
  const t = useT()
  const text = progressText(t, goal)
  return (
    <div className="training-progress">
      <span>
        {text}
        {goal.reached ? (
          <strong className="training-progress__reached"> – {t('trainingPlan.coverage.reached')}</strong>
        ) : null}
      </span>
      {goal.target !== null && goal.target > 0 ? (
        <progress max={goal.target} value={Math.min(goal.done, goal.target)} aria-hidden="true" />
      ) : null}
    </div>
  )
}

export function GoalTable({ goals }: { goals: GoalRow[] }) {
  const t = useT()
  if (goals.length === 0) return <p>{t('trainingPlan.coverage.none')}</p>
  const caption = t('trainingPlan.coverage.caption')
  return (
    <div className="table-wrap training-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table training-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainingPlan.coverage.goal')}</th>
            <th scope="col">{t('trainingPlan.coverage.group')}</th>
            <th scope="col">{t('trainingPlan.coverage.measure')}</th>
            <th scope="col">{t('trainingPlan.coverage.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {goals.map((goal) => (
            <tr key={goal.id}>
              <th scope="row">{goal.title}</th>
              <td>{goal.groupName ?? t('trainingPlan.noGroup')}</td>
              <td>{t(`training.measure.${goal.measure}`)}</td>
              <td>
                <Progress goal={goal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function gapText(t: Translate, locale: 'sv' | 'en', gap: GapRow, months: number): string {
  return gap.kind === 'never'
    ? t('trainingPlan.gaps.never')
    : t('trainingPlan.gaps.old', { months, date: formatDate(locale, gap.lastTrainedOn!) })
}

export function GapTable({ gaps, months }: { gaps: GapRow[]; months: number }) {
  const t = useT()
  const locale = useLocale()
  if (gaps.length === 0) return <p>{t('trainingPlan.gaps.none', { months })}</p>
  const caption = t('trainingPlan.gaps.caption')
  return (
    <div className="table-wrap training-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table training-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainingPlan.gaps.person')}</th>
            <th scope="col">{t('trainingPlan.coverage.group')}</th>
            <th scope="col">{t('trainingPlan.gaps.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={`${gap.personId}:${gap.groupName}`}>
              <th scope="row">
                {gap.personName}
                <PersonDetail function={gap.function} organisationName={gap.organisationName} />
              </th>
              <td>{gap.groupName}</td>
              <td>{gapText(t, locale, gap, months)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A person's function and organisation under the name. */
export function PersonDetail(props: { function: string; organisationName: string | null }) {
  const detail = [props.function, props.organisationName].filter(Boolean).join(', ')
  return detail ? <span className="training-person__detail">{detail}</span> : null
}

export interface ActivityLinks {
  /** The meetings this reader may open. */
  readable: readonly string[]
  /** The period's page of each activity, for those who manage the plan. */
  manageBase: string | null
}

export function ActivityTable({
  activities,
  caption,
  captionHidden = false,
  links,
}: {
  activities: ActivityRow[]
  caption: string
  /** The caption repeats a heading just above: read out, not shown. */
  captionHidden?: boolean
  links?: ActivityLinks
}) {
  const t = useT()
  const locale = useLocale()
  const list = (names: string[]) => (names.length > 0 ? names.join(', ') : t('trainingPlan.noneTagged'))
  return (
    <div className="table-wrap training-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table training-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainingPlan.activities.date')}</th>
            <th scope="col">{t('trainingPlan.activities.title')}</th>
            <th scope="col">{t('trainingPlan.activities.kind')}</th>
            <th scope="col">{t('trainingPlan.activities.state')}</th>
            <th scope="col">{t('trainingPlan.activities.groups')}</th>
            <th scope="col">{t('trainingPlan.activities.goals')}</th>
            <th scope="col">{t('trainingPlan.activities.evaluated')}</th>
            <th scope="col">{t('trainingPlan.activities.attendance')}</th>
            {links?.manageBase ? (
              <th scope="col">
                <span className="visually-hidden">{t('trainingPlan.activities.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {activities.map((activity) => (
            <tr key={activity.id}>
              <td>{formatDate(locale, activity.day)}</td>
              <th scope="row">
                {links?.readable.includes(activity.id) ? (
                  <Link to={`/moten/${activity.id}`}>{activity.title}</Link>
                ) : (
                  activity.title
                )}
              </th>
              <td>{t(`meeting.kind.${activity.kind}`)}</td>
              <td>{t(`trainingPlan.state.${activity.state}`)}</td>
              <td>{list(activity.groupNames)}</td>
              <td>{list(activity.goalTitles)}</td>
              <td>
                {t(activity.evaluated ? 'trainingPlan.activities.evaluatedYes' : 'trainingPlan.activities.evaluatedNo')}
              </td>
              <td>{t('trainingPlan.activities.attendanceCount', { count: activity.attendance })}</td>
              {links?.manageBase ? (
                <td>
                  <Link to={`${links.manageBase}/${activity.id}`}>
                    {t('trainingPlan.activities.manage')}
                    <span className="visually-hidden"> – {activity.title}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
