import { Form, Link } from '@remix-run/react'
import { OrganisationFilterSelects } from '~/components/filters/filter-selects'
import { Field } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import { DIRECTORY_QUERY_MAX, type DirectoryFilters } from '~/modules/directory/directory-filters'

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
            <input
              {...props}
              type="search"
              defaultValue={filters.q}
              maxLength={DIRECTORY_QUERY_MAX}
              autoComplete="off"
            />
          )}
        </Field>
        <button type="submit" className="button">
          {t('directory.submit')}
        </button>
      </div>
      <div className="filters directory-form__filters">
        <OrganisationFilterSelects
          filters={filters}
          networks={networks}
          labels={{ sector: t('directory.sector'), network: t('directory.network'), all: t('directory.all') }}
        />
      </div>
      <p>
        <Link to="/katalog">{t('directory.reset')}</Link>
      </p>
    </Form>
  )
}
