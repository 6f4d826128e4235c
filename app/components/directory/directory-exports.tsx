import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import { hasDirectoryFilters, withDirectoryParams, type DirectoryFilters } from '~/modules/directory/directory-filters'

/** Print view, CSV and vCard of the contact list, with the page's search and filters. */
export function DirectoryExports({ filters }: { filters: DirectoryFilters }) {
  const t = useT()
  const unfiltered = !filters.q && !hasDirectoryFilters(filters)
  return (
    <section aria-labelledby="utskrift-och-export" className="panel directory-exports">
      <h2 id="utskrift-och-export">{t('directory.exportsHeading')}</h2>
      <p>{t('directory.exportsIntro')}</p>
      {unfiltered ? <p className="muted">{t('directory.exportsAll')}</p> : null}
      <ul className="directory-exports__links">
        <li>
          <Link to={withDirectoryParams('/katalog/utskrift', filters)}>{t('directory.printLink')}</Link>
        </li>
        <li>
          <a href={withDirectoryParams('/katalog/export.csv', filters)} download>
            {t('directory.csvLink')}
          </a>
        </li>
        <li>
          <a href={withDirectoryParams('/katalog/export.vcf', filters)} download>
            {t('directory.vcardLink')}
          </a>
        </li>
      </ul>
    </section>
  )
}
