import { Form } from '@remix-run/react'
import type { CouncilRole } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'

export interface CouncilMemberRow {
  userId: string
  name: string
  email: string
  active: boolean
  role: CouncilRole
  organisations: string[]
  grantedAt: string
  grantedByName: string | null
}

export interface PendingInformantRow {
  id: string
  email: string
  organisationName: string
}

/** Who takes part in the council, and who is invited; with a button to end each grant for those who manage it. */
export function CouncilMemberTable({
  members,
  pending,
  mayRevoke,
}: {
  members: CouncilMemberRow[]
  pending: PendingInformantRow[]
  mayRevoke: boolean
}) {
  const t = useT()
  const locale = useLocale()
  if (members.length === 0 && pending.length === 0) return <p>{t('council.informants.none')}</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('council.informants.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('council.informants.name')}</th>
            <th scope="col">{t('council.informants.email')}</th>
            <th scope="col">{t('council.informants.organisation')}</th>
            <th scope="col">{t('council.members.role')}</th>
            <th scope="col">{t('council.informants.status')}</th>
            {mayRevoke ? <th scope="col">{t('council.members.revoke')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((row) => (
            <tr key={row.userId}>
              <td data-label={t('council.informants.name')}>{row.name}</td>
              <td data-label={t('council.informants.email')}>{row.email}</td>
              <td data-label={t('council.informants.organisation')}>{row.organisations.join(', ') || '–'}</td>
              <td data-label={t('council.members.role')}>{t(`council.members.role.${row.role}`)}</td>
              <td data-label={t('council.informants.status')}>
                {row.active ? t('council.informants.active') : t('council.members.inactive')}
                <br />
                <span className="muted">
                  {t('council.members.grantedAt', {
                    at: formatDateTime(locale, row.grantedAt),
                    by: row.grantedByName ?? t('council.members.grantedBySystem'),
                  })}
                </span>
              </td>
              {mayRevoke ? (
                <td data-label={t('council.members.revoke')}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="userId" value={row.userId} />
                    <button
                      type="submit"
                      className="button button--small button--danger"
                      aria-label={t('council.members.revokeNamed', { name: row.name })}
                    >
                      {t('council.members.revoke')}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
          {pending.map((row) => (
            <tr key={row.id}>
              <td data-label={t('council.informants.name')}>–</td>
              <td data-label={t('council.informants.email')}>{row.email}</td>
              <td data-label={t('council.informants.organisation')}>{row.organisationName}</td>
              <td data-label={t('council.members.role')}>{t('council.members.role.informant')}</td>
              <td data-label={t('council.informants.status')}>{t('council.informants.pending')}</td>
              {mayRevoke ? <td /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
