import { formatDateTime, isMessageKey, useLocale, useT, type Translate } from '~/i18n/i18n'

export interface AuditRow {
  id: string
  at: string | Date
  userName: string | null
  organisationName?: string | null
  entity: string
  entityId: string
  action: string
  changes: Record<string, { before: unknown; after: unknown }>
}

/** "Kontaktväg ändrad"; unknown codes are shown as they are. */
function describe(t: Translate, entity: string, action: string): string {
  const entityKey = `audit.entity.${entity}`
  const actionKey = `audit.action.${action}`
  return `${isMessageKey(entityKey) ? t(entityKey) : entity} ${isMessageKey(actionKey) ? t(actionKey) : action}`
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Who, when, what and how, as a table that also reads well on a phone. */
export function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  const t = useT()
  const locale = useLocale()
  if (rows.length === 0) return <p>{t('audit.empty')}</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{formatDateTime(locale, row.at)}</td>
              <td>{row.userName ?? t('audit.system')}</td>
              <td>
                {describe(t, row.entity, row.action)}
                {row.organisationName ? <div className="muted">{row.organisationName}</div> : null}
              </td>
              <td>
                {Object.keys(row.changes).length === 0 ? (
                  '–'
                ) : (
                  <ul className="changes">
                    {Object.entries(row.changes).map(([field, change]) => (
                      <li key={field}>
                        <strong>{field}</strong>: {show(change.before)} → {show(change.after)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
