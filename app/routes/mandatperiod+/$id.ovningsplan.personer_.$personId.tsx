import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { PersonForm } from '~/components/mandate/training-person-form'
import { DeleteForm, outcomeFor } from '~/components/mandate/training-record-forms'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireManageablePeriod } from '~/modules/mandate/mandate-access.server'
import { personPickers, runPersonAction } from '~/modules/mandate/training-plan-actions.server'
import { listGroups, requirePlanPerson } from '~/modules/mandate/training-plan.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import trainingStyles from '~/styles/training-plan.css?url'

// One person of the plan: changed or removed under the version the page was
// loaded with.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trainingStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const personId = requireUuid(params.personId)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const person = await requirePlanPerson(db, period.id, personId)
  const [groups, { pickers }] = await Promise.all([
    listGroups(db, period.id),
    pickerStates(db, request, personPickers(person)),
  ])
  return {
    periodId: period.id,
    person: {
      id: person.id,
      name: person.name,
      values: { name: person.name, function: person.function, version: String(person.version) },
      groupIds: person.groupIds,
    },
    groups: groups.map((group) => ({ id: group.id, name: group.name })),
    pickers,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const personId = requireUuid(params.personId)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  await requirePlanPerson(db, period.id, personId)
  return runPersonAction(db, user, period, request, { intents: ['update', 'delete'], personId })
}

export default function TrainingPersonPage() {
  const t = useT()
  const { periodId, person, groups, pickers } = useLoaderData<typeof loader>()
  const outcome = outcomeFor(useActionData<typeof action>(), `update:${person.id}`)
  const values = outcome?.values ?? person.values
  return (
    <section aria-labelledby="person-heading" className="training-plan">
      <p>
        <Link to={`/mandatperiod/${periodId}/ovningsplan/personer`}>{t('trainingPlan.people.back')}</Link>
      </p>
      <h2 id="person-heading">{t('trainingPlan.people.editHeading', { name: person.name })}</h2>
      <PersonForm
        state={{
          values,
          errors: outcome?.errors ?? {},
          groupIds: outcome?.groupIds ?? person.groupIds,
          pickers: outcome?.pickers ?? pickers,
          current: outcome?.current,
        }}
        groups={groups}
        intent="update"
        record={person}
        outcome={outcome}
        submitLabel={t('trainingPlan.people.save')}
        formKey={values.version ?? ''}
      />
      <DeleteForm
        id={person.id}
        version={values.version ?? ''}
        hint={t('trainingPlan.people.deleteHint')}
        label={
          <>
            {t('trainingPlan.people.delete')}
            <span className="visually-hidden"> {person.name}</span>
          </>
        }
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('trainingPlan.meta.person', { person: data?.person.name ?? t('trainingPlan.meta.personFallback') }),
  ),
]
