import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/modules/auth/permissions'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import { PictureSchema } from '~/modules/council/situation-form'
import { createPicture, listPictures } from '~/modules/council/situation.server'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { instantToStockholm } from '~/modules/meetings/stockholm-time'
import { readFormData } from '~/modules/http/form-data.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const today = instantToStockholm(new Date()).date
  return {
    council: councilRef(council),
    pictures: (await listPictures(db, council.id)).map((picture) => ({
      ...picture,
      updatedAt: picture.updatedAt.toISOString(),
    })),
    manage: can(user, 'council.manage', councilScope(council)),
    // A new picture covers the last three months by default.
    defaults: { periodFrom: firstOfMonthTwoBack(today), periodTo: today },
    submissionKey: newSubmissionKey(),
  }
}

/** The first day of the month two months before the date's: with the current month, three months. */
function firstOfMonthTwoBack(date: string): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - 2
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.manage')
  const formData = await readFormData(request)
  const parsed = parseForm(PictureSchema, formData)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const { location } = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const picture = await createPicture(tx, { actorId: user.id, councilId: council.id, ...parsed.data })
    return `/trygghet/${council.id}/lagesbilder/${picture.id}`
  })
  throw redirect(location)
}

export const handle: SectionHandle<typeof loader> = { heading: 'situation.title' }

export default function SituationPicturesPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? loaded.defaults
  return (
    <>
      <p>{t('situation.intro')}</p>
      {loaded.pictures.length === 0 ? (
        <p>{t('situation.none')}</p>
      ) : (
        <ul className="report-list">
          {loaded.pictures.map((picture) => (
            <li key={picture.id}>
              <h2>
                <Link to={`/trygghet/${loaded.council.id}/lagesbilder/${picture.id}`}>{picture.title}</Link>
              </h2>
              <p>
                {t('situation.period', {
                  from: formatDate(locale, picture.periodFrom),
                  to: formatDate(locale, picture.periodTo),
                })}
                {' · '}
                {t('situation.versions', { count: picture.versions })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {loaded.manage ? (
        <section className="council-section" aria-labelledby="new-picture">
          <h2 id="new-picture">{t('situation.new')}</h2>
          {Object.keys(errors).length > 0 ? (
            <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
          ) : null}
          <Form method="post" noValidate className="stack">
            <SubmissionKeyField value={loaded.submissionKey} />
            <Field label={t('situation.name')} name="title" error={errors.title}>
              {(props) => <input {...props} defaultValue={values.title ?? ''} />}
            </Field>
            <Field label={t('situation.periodFrom')} name="periodFrom" error={errors.periodFrom}>
              {(props) => <input {...props} type="date" defaultValue={values.periodFrom ?? ''} />}
            </Field>
            <Field label={t('situation.periodTo')} name="periodTo" error={errors.periodTo}>
              {(props) => <input {...props} type="date" defaultValue={values.periodTo ?? ''} />}
            </Field>
            <button type="submit" className="button">
              {t('situation.create')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('situation.meta.list', { council: data?.council.name ?? t('council.meta.fallback') })),
]
