import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { count } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'
import { organisations } from '~/db/schema/organisations'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { requireUser } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const readsNetwork = can(user, 'network.read')
  const [row] = readsNetwork ? await (await getDb()).select({ n: count() }).from(organisations) : [{ n: 0 }]
  return {
    name: user.name,
    memberships: user.memberships,
    networkSize: readsNetwork ? row!.n : null,
    coordinator: can(user, 'user.manage'),
  }
}

export default function StartPage() {
  const t = useT()
  const start = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('start.welcome', { name: start.name })}</h1>
      {start.networkSize !== null ? (
        <p>
          <Link to="/organisationer">{t('start.network', { count: start.networkSize })}</Link>
        </p>
      ) : null}
      {start.coordinator ? (
        <section aria-labelledby="tools">
          <h2 id="tools">{t('start.coordinatorTools')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/admin/anvandare">{t('users.invite')}</Link>
            </li>
            <li>
              <Link to="/admin/logg">{t('audit.title')}</Link>
            </li>
          </ul>
        </section>
      ) : null}
      {start.memberships.length === 0 ? <p>{t('start.noMemberships')}</p> : null}
      <p className="muted">
        {start.memberships.map((m) => t(`role.${m.role}` as MessageKey)).join(', ')}
      </p>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Start – Områdesansvarsportalen' }]
