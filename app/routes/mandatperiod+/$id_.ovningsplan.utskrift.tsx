import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActivityTable, GapTable, GoalTable } from '~/components/mandate/training-coverage'
import { PrintButton } from '~/components/ui/print-button'
import { getDb } from '~/db/app-db.server'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireReadablePeriod } from '~/modules/mandate/mandate-access.server'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { loadPlan } from '~/modules/mandate/training-plan.server'
import { planView } from '~/modules/mandate/training-plan-view'
import trainingStyles from '~/styles/training-plan.css?url'

// The training and exercise plan on A4, for the chief executive to adopt:
// the target groups with their people, the goals with how far they have
// come, the gaps, and the planned and held exercises and trainings.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trainingStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireReadablePeriod(db, user, id)
  const plan = await loadPlan(db, period)
  const view = planView(plan, period, new Date())
  return {
    period: { id: period.id, title: period.title, startYear: period.startYear, endYear: period.endYear },
    months: period.trainingValidMonths,
    printedOn: stockholmToday(),
    groups: plan.groups.map((group) => ({
      id: group.id,
      name: group.name,
      description: group.description,
      people: plan.people
        .filter((person) => person.groupIds.includes(group.id))
        .map((person) => ({
          id: person.id,
          name: person.name,
          function: person.function,
          organisationName: person.organisationName,
        })),
    })),
    goals: view.goals,
    gaps: view.gaps,
    planned: view.activities.filter((activity) => activity.state === 'planned'),
    held: view.activities.filter((activity) => activity.state === 'held'),
  }
}

function GroupPeople({ group }: { group: Awaited<ReturnType<typeof loader>>['groups'][number] }) {
  const t = useT()
  const caption = t('trainingPlan.print.peopleOf', { group: group.name })
  return (
    <section className="training-print__group" aria-labelledby={`group-${group.id}`}>
      <h3 id={`group-${group.id}`}>{group.name}</h3>
      {group.description ? <p>{group.description}</p> : null}
      {group.people.length === 0 ? (
        <p>{t('trainingPlan.print.noPeople')}</p>
      ) : (
        <div className="table-wrap training-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table className="table training-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainingPlan.field.name')}</th>
                <th scope="col">{t('trainingPlan.field.function')}</th>
                <th scope="col">{t('trainingPlan.field.organisation')}</th>
              </tr>
            </thead>
            <tbody>
              {group.people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td>{person.function}</td>
                  <td>{person.organisationName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export default function TrainingPlanPrintPage() {
  const t = useT()
  const locale = useLocale()
  const { period, months, printedOn, groups, goals, gaps, planned, held } = useLoaderData<typeof loader>()
  return (
    <div className="page training-print">
      <div className="training-print__tools">
        <Link to={`/mandatperiod/${period.id}/ovningsplan`}>{t('trainingPlan.print.back')}</Link>
        <PrintButton label={t('trainingPlan.print.button')} />
      </div>
      <h1>{t('trainingPlan.print.title', { start: period.startYear, end: period.endYear })}</h1>
      <p className="muted">
        {period.title} · {t('trainingPlan.print.printed', { date: formatDate(locale, printedOn) })}
      </p>

      <h2>{t('trainingPlan.print.groupsHeading')}</h2>
      {groups.length === 0 ? <p>{t('trainingPlan.groups.none')}</p> : null}
      {groups.map((group) => (
        <GroupPeople key={group.id} group={group} />
      ))}

      <h2>{t('trainingPlan.print.goalsHeading')}</h2>
      <GoalTable goals={goals} />

      <h2>{t('trainingPlan.gaps.heading')}</h2>
      <GapTable gaps={gaps} months={months} />

      <h2>{t('trainingPlan.print.planned')}</h2>
      {planned.length === 0 ? (
        <p>{t('trainingPlan.print.nonePlanned')}</p>
      ) : (
        <ActivityTable activities={planned} caption={t('trainingPlan.print.planned')} captionHidden />
      )}

      <h2>{t('trainingPlan.print.held')}</h2>
      {held.length === 0 ? (
        <p>{t('trainingPlan.print.noneHeld')}</p>
      ) : (
        <ActivityTable activities={held} caption={t('trainingPlan.print.held')} captionHidden />
      )}

      <section className="training-print__adoption" aria-labelledby="adoption-heading">
        <h2 id="adoption-heading">{t('trainingPlan.print.adoption')}</h2>
        <dl>
          <dt>{t('trainingPlan.print.adoptedOn')}</dt>
          <dd />
          <dt>{t('trainingPlan.print.signature')}</dt>
          <dd />
          <dt>{t('trainingPlan.print.nameClarification')}</dt>
          <dd />
        </dl>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('trainingPlan.meta.print', { period: data?.period.title ?? '' })),
]
