import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GroupEntry, NewGroupForm } from '~/components/mandate/training-group-forms'
import { TrainingPlanNav } from '~/components/mandate/training-plan-nav'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireManageablePeriod } from '~/modules/mandate/mandate-access.server'
import { runGroupAction } from '~/modules/mandate/training-plan-actions.server'
import { listGroups, listPeople } from '~/modules/mandate/training-plan.server'
import trainingStyles from '~/styles/training-plan.css?url'

// The plan's target groups (the crisis board, TiB, Posom …): added, renamed
// and removed by the coordinator, each change under the version it was
// loaded with.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trainingStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const groups = await listGroups(db, period.id)
  const people = await listPeople(db, period.id, groups)
  return {
    periodId: period.id,
    periodTitle: period.title,
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      description: group.description,
      version: group.version,
      peopleCount: people.filter((person) => person.groupIds.includes(group.id)).length,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  return runGroupAction(db, user, period, request)
}

export default function TrainingGroupsPage() {
  const t = useT()
  const { periodId, groups } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  return (
    <section aria-labelledby="groups-heading" className="training-plan">
      <h2 id="groups-heading">{t('trainingPlan.groups.heading')}</h2>
      <p>{t('trainingPlan.groups.intro')}</p>
      <TrainingPlanNav periodId={periodId} manage />
      {groups.length === 0 ? (
        <p>{t('trainingPlan.groups.none')}</p>
      ) : (
        <ul className="training-records">
          {groups.map((group) => (
            <GroupEntry key={group.id} group={group} outcome={outcome} />
          ))}
        </ul>
      )}
      <NewGroupForm outcome={outcome} generation={groups.length} />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('trainingPlan.meta.groups', { period: data?.periodTitle ?? t('mandateCalendar.meta.fallback') }),
  ),
]
