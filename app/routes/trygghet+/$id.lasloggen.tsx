import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Field } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatDateTime } from '~/i18n/format'
import { labelOf, useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { listReads, readers } from '~/modules/council/read-log.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.readLog')
  const who = new URL(request.url).searchParams.get('vem') ?? ''
  const people = await readers(db, council.id)
  const userId = people.some((person) => person.id === who) ? who : undefined
  const reads = await listReads(db, { councilId: council.id, userId })
  return {
    council: councilRef(council),
    people,
    userId: userId ?? '',
    reads: reads.map((read) => ({
      id: read.id,
      at: read.at.toISOString(),
      userName: read.userName ?? '–',
      reportId: read.reportId,
      exists: read.reportExists !== null,
      place: read.place,
    })),
  }
}

export const handle: SectionHandle<typeof loader> = { heading: 'council.readLog.title' }

export default function ReadLogPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  return (
    <>
      <p>{t('council.readLog.intro')}</p>
      <Form method="get" className="filters">
        <Field label={t('council.readLog.filterUser')} name="vem">
          {(props) => (
            <select {...props} defaultValue={loaded.userId}>
              <option value="">{t('council.readLog.everyone')}</option>
              {loaded.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--secondary">
          {t('council.readLog.show')}
        </button>
      </Form>
      {loaded.reads.length === 0 ? (
        <p>{t('council.readLog.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('council.readLog.caption', { count: loaded.reads.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('council.readLog.at')}</th>
                <th scope="col">{t('council.readLog.user')}</th>
                <th scope="col">{t('council.readLog.report')}</th>
                <th scope="col">{t('council.readLog.place')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.reads.map((read) => (
                <tr key={read.id}>
                  <td data-label={t('council.readLog.at')}>{formatDateTime(locale, read.at)}</td>
                  <td data-label={t('council.readLog.user')}>{read.userName}</td>
                  <td data-label={t('council.readLog.report')}>
                    {read.exists ? (
                      <Link to={`/trygghet/${loaded.council.id}/rapporter/${read.reportId}`}>
                        {read.reportId.slice(0, 8)}
                      </Link>
                    ) : (
                      <>
                        {read.reportId.slice(0, 8)} ({t('council.readLog.deleted')})
                      </>
                    )}
                  </td>
                  <td data-label={t('council.readLog.place')}>
                    {labelOf(t, 'council.readLog.place', read.place)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('council.meta.readLog', { council: data?.council.name ?? t('council.meta.fallback') })),
]
