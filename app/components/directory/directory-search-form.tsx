import { Form, Link } from '@remix-run/react'
import { Field } from '~/components/forms/field'
import { organisationKinds, sectors } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { DIRECTORY_QUERY_MAX, type DirectoryFilters } from '~/modules/registry/directory-filters'

/** A GET form: the search lives in the URL, works without JavaScript and can be shared as a link. */
export function DirectorySearchForm({
  filters,
  networks,
  error,
}: {
  filters: DirectoryFilters
  networks: { id: string; name: string }[]
  error?: string
}) {
  const t = useT()
  return (
    <Form method="get" role="search" aria-label={t('directory.searchForm')} className="directory-form">
      <div className="directory-form__query">
        <Field label={t('directory.query')} name="q" hint={t('directory.queryHint')} error={error}>
          {(props) => (
            <input {...props} type="search" defaultValue={filters.q} maxLength={DIRECTORY_QUERY_MAX} autoComplete="off" />
          )}
        </Field>
        <button type="submit" className="button">
          {t('directory.submit')}
        </button>
      </div>
      <div className="filters directory-form__filters">
        <Field label={t('directory.sector')} name="sector">
          {(props) => (
            <select {...props} defaultValue={filters.sector ?? ''}>
              <option value="">{t('directory.all')}</option>
              {sectors.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`sector.${sector}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.kind')} name="kind">
          {(props) => (
            <select {...props} defaultValue={filters.kind ?? ''}>
              <option value="">{t('directory.all')}</option>
              {organisationKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('directory.network')} name="network">
          {(props) => (
            <select {...props} defaultValue={filters.network ?? ''}>
              <option value="">{t('directory.all')}</option>
              {networks.map((network) => (
                <option key={network.id} value={network.id}>
                  {network.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p>
        <Link to="/katalog">{t('directory.reset')}</Link>
      </p>
    </Form>
  )
}
