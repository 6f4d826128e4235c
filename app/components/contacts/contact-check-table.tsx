import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'

export interface ContactCheckRow {
  id: string
  checkedAt: string
  reached: boolean
  note: string
  checkedByName: string | null
}

/** The test calls of one contact route, newest first. */
export function ContactCheckTable({ checks, caption }: { checks: ContactCheckRow[]; caption: string }) {
  const t = useT()
  const locale = useLocale()
  if (checks.length === 0) return <p>{t('contacts.checkNone')}</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contacts.check.when')}</th>
            <th scope="col">{t('contacts.check.who')}</th>
            <th scope="col">{t('contacts.check.result')}</th>
            <th scope="col">{t('contacts.check.note')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.id}>
              <td>{formatDateTime(locale, check.checkedAt)}</td>
              <td>{check.checkedByName ?? t('audit.system')}</td>
              <td className={check.reached ? undefined : 'contact-route__check--failed'}>
                {t(check.reached ? 'contacts.check.reached' : 'contacts.check.notReached')}
              </td>
              <td className="prewrap">{check.note || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
