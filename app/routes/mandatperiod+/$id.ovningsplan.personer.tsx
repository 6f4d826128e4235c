import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { PersonDetail } from '~/components/mandate/training-coverage'
import { PersonForm } from '~/components/mandate/training-person-form'
import { TrainingPlanNav } from '~/components/mandate/training-plan-nav'
import { outcomeFor } from '~/components/mandate/training-record-forms'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireManageablePeriod } from '~/modules/mandate/mandate-access.server'
import { personPickers, runPersonAction } from '~/modules/mandate/training-plan-actions.server'
import { listGroups, listPeople } from '~/modules/mandate/training-plan.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import trainingStyles from '~/styles/training-plan.css?url'

// The people the plan trains, by target group, and a new one. Changing or
// removing a person is on the person's own page.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trainingStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const groups = await listGroups(db, period.id)
  const [people, { pickers }] = await Promise.all([
    listPeople(db, period.id, groups),
    pickerStates(db, request, personPickers({ organisationId: null, userId: null })),
  ])
  const groupName = new Map(groups.map((group) => [group.id, group.name]))
  return {
    periodId: period.id,
    periodTitle: period.title,
    groups: groups.map((group) => ({ id: group.id, name: group.name })),
    people: people.map((person) => ({
      id: person.id,
      name: person.name,
      function: person.function,
      organisationName: person.organisationName,
      userName: person.userName,
      groupNames: person.groupIds.map((groupId) => groupName.get(groupId) ?? ''),
    })),
    pickers,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  return runPersonAction(db, user, period, request, { intents: ['create'] })
}

export default function TrainingPeoplePage() {
  const t = useT()
  const { periodId, groups, people, pickers } = useLoaderData<typeof loader>()
  const outcome = outcomeFor(useActionData<typeof action>(), 'create')
  const caption = t('trainingPlan.people.caption')
  return (
    <section aria-labelledby="people-heading" className="training-plan">
      <h2 id="people-heading">{t('trainingPlan.people.heading')}</h2>
      <p>{t('trainingPlan.people.intro')}</p>
      <TrainingPlanNav periodId={periodId} manage />
      {people.length === 0 ? (
        <p>{t('trainingPlan.people.none')}</p>
      ) : (
        <div className="table-wrap training-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table className="table training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainingPlan.field.name')}</th>
                <th scope="col">{t('trainingPlan.field.groups')}</th>
                <th scope="col">{t('trainingPlan.people.account')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('trainingPlan.activities.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    {person.name}
                    <PersonDetail function={person.function} organisationName={person.organisationName} />
                  </th>
                  <td>{person.groupNames.length > 0 ? person.groupNames.join(', ') : t('trainingPlan.noneTagged')}</td>
                  <td>{person.userName ?? t('trainingPlan.people.noAccount')}</td>
                  <td>
                    <Link to={`/mandatperiod/${periodId}/ovningsplan/personer/${person.id}`}>
                      {t('trainingPlan.edit')}
                      <span className="visually-hidden"> {person.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-person-heading" className="training-new">
        <h3 id="new-person-heading">{t('trainingPlan.people.add')}</h3>
        <PersonForm
          state={{
            values: outcome?.values ?? {},
            errors: outcome?.errors ?? {},
            groupIds: outcome?.groupIds ?? [],
            pickers: outcome?.pickers ?? pickers,
          }}
          groups={groups}
          intent="create"
          outcome={outcome}
          submitLabel={t('trainingPlan.people.add')}
          formKey={String(people.length)}
        />
      </section>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('trainingPlan.meta.people', { period: data?.periodTitle ?? t('mandateCalendar.meta.fallback') }),
  ),
]
