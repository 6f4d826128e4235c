import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActionItemList } from '~/components/meetings/action-item-list'
import { DueDeliverables } from '~/components/mandate/due-deliverables'
import { count } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'
import { organisations } from '~/db/schema/organisations'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { namedMemberships } from '~/modules/auth/navigation.server'
import { dueListFor } from '~/modules/mandate/due-list.server'
import { can } from '~/modules/auth/permissions'
import { stockholmToday } from '~/modules/meetings/action-item-state'
import { openActionItemsFor } from '~/modules/meetings/action-items.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = await getDb()
  const readsNetwork = can(user, 'network.read')
  const [row] = readsNetwork ? await db.select({ n: count() }).from(organisations) : [{ n: 0 }]
  // Items of the organisations whose meetings the user may read (not an informant's).
  const meetingOrganisations = user.memberships
    .map((m) => m.organisationId)
    .filter((organisationId) => can(user, 'meeting.read', { organisationIds: [organisationId] }))
  const today = stockholmToday()
  return {
    name: user.name,
    memberships: await namedMemberships(db, user),
    networkSize: readsNetwork ? row!.n : null,
    readsNetwork,
    coordinator: can(user, 'user.manage'),
    actionItems: meetingOrganisations.length > 0 ? await openActionItemsFor(db, user, meetingOrganisations) : null,
    dueDeliverables: await dueListFor(db, user, today),
    today,
  }
}

export default function StartPage() {
  const t = useT()
  const start = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('start.welcome', { name: start.name })}</h1>
      <section aria-labelledby="own-organisations">
        <h2 id="own-organisations">{t('start.yourOrganisations')}</h2>
        {start.memberships.length === 0 ? (
          <p>{t('start.noMemberships')}</p>
        ) : (
          <ul className="link-list">
            {start.memberships.map((m) => (
              <li key={m.organisationId}>
                {start.readsNetwork ? <Link to={`/organisationer/${m.organisationId}`}>{m.organisationName}</Link> : m.organisationName}
                {' – '}
                {t(`role.${m.role}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {start.actionItems ? (
        <section aria-labelledby="open-action-items">
          <h2 id="open-action-items">{t('meetingFollowUp.actions.startHeading')}</h2>
          <ActionItemList
            items={start.actionItems}
            today={start.today}
            showMeeting
            empty={t('meetingFollowUp.actions.startNone')}
          />
        </section>
      ) : null}
      <DueDeliverables list={start.dueDeliverables} />
      {start.networkSize !== null ? (
        <ul className="link-list">
          <li>
            <Link to="/organisationer">{t('start.network', { count: start.networkSize })}</Link>
          </li>
          <li>
            <Link to="/kontaktlista">{t('offline.title')}</Link>
          </li>
        </ul>
      ) : null}
      {start.coordinator ? (
        <section aria-labelledby="tools">
          <h2 id="tools">{t('start.coordinatorTools')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/admin/anvandare">{t('users.invite')}</Link>
            </li>
            <li>
              <Link to="/natverk">{t('networks.title')}</Link>
            </li>
            <li>
              <Link to="/admin/aktualitet">{t('staleness.title')}</Link>
            </li>
            <li>
              <Link to="/admin/import">{t('import.title')}</Link>
            </li>
            <li>
              <Link to="/admin/logg">{t('audit.title')}</Link>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'start.title')]
