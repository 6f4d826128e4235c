import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatDate, formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT, type Locale, type Translate } from '~/i18n/i18n'
import type { AuditView, Shown } from '~/modules/audit/presentation.server'

/** One value of the log, as its reader reads it: labels, names, local time and lists, never a code. */
function Value({ value }: { value: Shown }): ReactNode {
  const t = useT()
  const locale = useLocale()
  return render(value, t, locale)
}

function render(value: Shown, t: Translate, locale: Locale): ReactNode {
  switch (value.kind) {
    case 'empty':
      return '–'
    case 'text':
      return value.text
    case 'label':
      return t(value.key, value.vars)
    case 'number': {
      if (value.plain) return String(value.value)
      const number = formatNumber(locale, value.value, 6)
      return value.percent ? t('audit.percent', { share: number }) : number
    }
    case 'instant':
      return <time dateTime={value.at}>{formatDateTime(locale, value.at)}</time>
    case 'date':
      return <time dateTime={value.day}>{formatDate(locale, value.day)}</time>
    case 'record':
      return value.href ? <Link to={value.href}>{render(value.name, t, locale)}</Link> : render(value.name, t, locale)
    case 'list':
      return (
        <ul className="audit-values">
          {value.items.map((item, index) => (
            <li key={index}>{render(item, t, locale)}</li>
          ))}
        </ul>
      )
    case 'pairs':
      return (
        <ul className="audit-values">
          {value.items.map((item, index) => (
            <li key={index}>
              {render(item.label, t, locale)}: {render(item.value, t, locale)}
            </li>
          ))}
        </ul>
      )
  }
}

/** Who, when, what and how, as a table that also reads well on a phone. */
export function AuditTable({ rows, caption }: { rows: AuditView[]; caption: string }) {
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
              <td>
                <time dateTime={row.at}>{formatDateTime(locale, row.at)}</time>
              </td>
              <td>{row.who ?? t('audit.system')}</td>
              <td>
                {t(row.event)}
                {row.subjects.map((subject, index) => (
                  <div key={index}>
                    <Value value={subject} />
                  </div>
                ))}
                {row.organisation ? (
                  <div className="muted">
                    <Value value={row.organisation} />
                  </div>
                ) : null}
              </td>
              <td>
                {row.changes.length === 0 ? (
                  '–'
                ) : (
                  <ul className="changes">
                    {row.changes.map((change) => (
                      <li key={change.field}>
                        <strong>{t(change.field)}</strong>: <Value value={change.before} /> →{' '}
                        <Value value={change.after} />
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
