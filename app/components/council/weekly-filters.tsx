import { Form, Link } from '@remix-run/react'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { lastDay, type Period, type WeeklyFilters } from '~/modules/council/weekly'

/** "Vecka 48, 2026 (23 nov. 2026 – 29 nov. 2026)", or the range's first and last day. */
export function usePeriodLabel(): (period: Period) => string {
  const t = useT()
  const locale = useLocale()
  const day = (date: string) => formatDate(locale, date)
  return (period) => {
    const range = `${day(period.from)} – ${day(lastDay(period))}`
    const match = period.week ? /^(\d{4})-W(\d{2})$/.exec(period.week) : null
    return match ? t('councilAreas.weekly.weekLabel', { week: Number(match[2]), year: match[1]!, range }) : range
  }
}

function Choices({
  legend,
  name,
  options,
  chosen,
}: {
  legend: string
  name: string
  options: { id: string; name: string; active?: boolean }[]
  chosen: string[]
}) {
  const t = useT()
  return (
    <fieldset className="weekly-choices">
      <legend>{legend}</legend>
      <p className="field__hint">{t('councilAreas.weekly.noneIsAll')}</p>
      <ul>
        {options.map((option) => (
          <li key={option.id}>
            <label>
              <input type="checkbox" name={name} value={option.id} defaultChecked={chosen.includes(option.id)} />{' '}
              {option.active === false ? t('councilAreas.weekly.retired', { name: option.name }) : option.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

/** The period and filters, sent as a GET so the picture has an address that can be shared. */
export function WeeklyFilterForm({
  period,
  filters,
  categories,
  sources,
  links,
}: {
  period: Period
  filters: WeeklyFilters
  categories: { id: string; name: string; active: boolean }[]
  sources: { id: string; name: string }[]
  links: { previous: string; next: string }
}) {
  const t = useT()
  const range = period.kind === 'range'
  return (
    <section className="council-section weekly-filters" aria-labelledby="weekly-filters">
      <h2 id="weekly-filters">{t('councilAreas.weekly.filters')}</h2>
      <nav className="weekly-steps" aria-label={t('councilAreas.weekly.steps')}>
        <Link to={`?${links.previous}`}>{t('councilAreas.weekly.previousLink')}</Link>
        <Link to={`?${links.next}`}>{t('councilAreas.weekly.nextLink')}</Link>
      </nav>
      <Form method="get" className="stack">
        <div className="weekly-period">
          <div className="field">
            <label htmlFor="weekly-week">{t('councilAreas.weekly.week')}</label>
            <p className="field__hint" id="weekly-week-hint">
              {t('councilAreas.weekly.weekHint')}
            </p>
            <input
              id="weekly-week"
              type="week"
              name="vecka"
              aria-describedby="weekly-week-hint"
              defaultValue={period.week ?? ''}
            />
          </div>
          <fieldset className="weekly-range">
            <legend>{t('councilAreas.weekly.range')}</legend>
            <p className="field__hint">{t('councilAreas.weekly.rangeHint')}</p>
            <div className="weekly-range__fields">
              <div className="field">
                <label htmlFor="weekly-from">{t('councilAreas.weekly.from')}</label>
                <input id="weekly-from" type="date" name="fran" defaultValue={range ? period.from : ''} />
              </div>
              <div className="field">
                <label htmlFor="weekly-to">{t('councilAreas.weekly.to')}</label>
                <input id="weekly-to" type="date" name="till" defaultValue={range ? lastDay(period) : ''} />
              </div>
            </div>
          </fieldset>
        </div>
        <div className="weekly-filters__choices">
          <Choices
            legend={t('councilAreas.weekly.categories')}
            name="kategori"
            options={categories}
            chosen={filters.categoryIds}
          />
          <Choices
            legend={t('councilAreas.weekly.sources')}
            name="kalla"
            options={sources}
            chosen={filters.organisationIds}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('councilAreas.weekly.show')}
          </button>
        </div>
      </Form>
    </section>
  )
}
