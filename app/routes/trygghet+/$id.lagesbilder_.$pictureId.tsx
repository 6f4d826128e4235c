import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SituationView } from '~/components/council/situation-view'
import { Field, FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { formatDate, formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/modules/auth/permissions'
import { requireCouncil, type CouncilRequest } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import { FreezeSchema, PictureUpdateSchema } from '~/modules/council/situation-form'
import {
  assembleSnapshot,
  freezePicture,
  getPicture,
  listVersions,
  updatePicture,
} from '~/modules/council/situation.server'
import { parseForm } from '~/modules/forms/parse-form'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { badRequest, notFound, requireUuid } from '~/modules/http/responses'
import sourcesStyles from '~/styles/council-sources.css?url'
import weeklyStyles from '~/styles/council-weekly.css?url'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

export const links = () => [
  { rel: 'stylesheet', href: weeklyStyles },
  { rel: 'stylesheet', href: sourcesStyles },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const picture = await getPicture(db, council.id, requireUuid(params.pictureId))
  if (!picture) throw notFound()
  const [snapshot, versions] = await Promise.all([assembleSnapshot(db, council, picture), listVersions(db, picture.id)])
  return {
    council: councilRef(council),
    picture: {
      id: picture.id,
      title: picture.title,
      periodFrom: picture.periodFrom,
      periodTo: picture.periodTo,
      analysis: picture.analysis,
      otherInformation: picture.otherInformation,
      version: String(picture.version),
    },
    snapshot,
    versions: versions.map((version) => ({ number: version.number, frozenAt: version.frozenAt.toISOString() })),
    manage: can(user, 'council.manage', councilScope(council)),
  }
}

interface PictureAction extends CouncilRequest {
  id: string
  formData: FormData
  base: string
}

async function text({ user, db, council, id, formData, base }: PictureAction) {
  const parsed = parseForm(PictureUpdateSchema, formData)
  if (!parsed.ok)
    return data({ form: 'text', errors: parsed.errors, values: parsed.values, conflict: false }, { status: 400 })
  const updated = await updatePicture(db, { actorId: user.id, councilId: council.id, id, ...parsed.data })
  if (updated.ok) throw redirectWithNotice(base, saved('situation.edit.saved'))
  if (updated.error === 'notFound') throw notFound()
  return data(
    {
      form: 'text',
      errors: {},
      values: { ...parsed.values, version: String(updated.current.version) },
      conflict: true,
    },
    { status: 409 },
  )
}

async function freeze({ user, db, council, id, formData, base }: PictureAction) {
  const parsed = parseForm(FreezeSchema, formData)
  if (!parsed.ok) throw badRequest()
  const frozen = await freezePicture(db, { actorId: user.id, council, id, version: parsed.data.version })
  if (frozen.ok) {
    throw redirectWithNotice(
      `${base}/version/${frozen.number}`,
      saved('situation.freeze.done', { number: frozen.number }),
    )
  }
  if (frozen.error === 'notFound') throw notFound()
  return data({ form: 'freeze', errors: {}, values: {} as Record<string, string>, conflict: true }, { status: 409 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCouncil(request, params, 'council.manage')
  const id = requireUuid(params.pictureId)
  const formData = await readFormData(request)
  const base = `/trygghet/${access.council.id}/lagesbilder/${id}`
  return dispatchIntent(formData, { text, freeze }, { ...access, id, formData, base })
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('situation.edit.title', { title: data.picture.title }),
}

export default function SituationPicturePage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { picture } = loaded
  const text = actionData?.form === 'text' ? actionData : undefined
  const values: Record<string, string> = text?.values ?? picture
  const errors: Record<string, string> = text?.errors ?? {}
  const current = text?.conflict ? picture : undefined
  const nextNumber = (loaded.versions.at(-1)?.number ?? 0) + 1
  const base = `/trygghet/${loaded.council.id}/lagesbilder/${picture.id}`
  return (
    <>
      <p>
        {t('situation.period', {
          from: formatDate(locale, picture.periodFrom),
          to: formatDate(locale, picture.periodTo),
        })}
      </p>
      <section className="council-section" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('situation.versionList')}</h2>
        {loaded.versions.length === 0 ? (
          <p>{t('situation.noVersions')}</p>
        ) : (
          <ul>
            {loaded.versions.map((version) => (
              <li key={version.number}>
                <Link to={`${base}/version/${version.number}`}>
                  {t('situation.versionLink', {
                    number: version.number,
                    date: formatDateTime(locale, version.frozenAt),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {loaded.manage ? (
        <>
          <section className="council-section" aria-labelledby="text-heading">
            <h2 id="text-heading">{t('situation.edit.textHeading')}</h2>
            {text?.conflict ? <FormMessage kind="error">{t('situation.edit.conflict')}</FormMessage> : null}
            {Object.keys(errors).length > 0 ? (
              <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
            ) : null}
            <Form method="post" noValidate className="stack" key={`${values.version}-${text ? 'a' : 'l'}`}>
              <input type="hidden" name="version" value={values.version} />
              <Field label={t('situation.name')} name="title" error={errors.title} current={current?.title}>
                {(props) => <input {...props} defaultValue={values.title} />}
              </Field>
              <div className="report-form__when">
                <Field
                  label={t('situation.periodFrom')}
                  name="periodFrom"
                  error={errors.periodFrom}
                  current={current?.periodFrom}
                >
                  {(props) => <input {...props} type="date" defaultValue={values.periodFrom} />}
                </Field>
                <Field
                  label={t('situation.periodTo')}
                  name="periodTo"
                  error={errors.periodTo}
                  current={current?.periodTo}
                >
                  {(props) => <input {...props} type="date" defaultValue={values.periodTo} />}
                </Field>
              </div>
              <Field
                label={t('situation.edit.analysis')}
                name="analysis"
                hint={t('situation.edit.analysisHint')}
                error={errors.analysis}
                current={current?.analysis}
              >
                {(props) => <textarea {...props} rows={10} defaultValue={values.analysis} />}
              </Field>
              <Field
                label={t('situation.edit.other')}
                name="otherInformation"
                hint={t('situation.edit.otherHint')}
                error={errors.otherInformation}
                current={current?.otherInformation}
              >
                {(props) => <textarea {...props} rows={5} defaultValue={values.otherInformation} />}
              </Field>
              <button type="submit" className="button" name="intent" value="text">
                {t('situation.edit.save')}
              </button>
            </Form>
          </section>

          <section className="council-section" aria-labelledby="freeze-heading">
            <h2 id="freeze-heading">{t('situation.freeze.heading')}</h2>
            {actionData?.form === 'freeze' ? (
              <FormMessage kind="error">{t('situation.freeze.conflict')}</FormMessage>
            ) : null}
            <p>{t('situation.freeze.intro', { number: nextNumber })}</p>
            <p className="field__hint">{t('situation.freeze.unsaved')}</p>
            <Form method="post">
              <input type="hidden" name="version" value={picture.version} />
              <button type="submit" className="button button--secondary" name="intent" value="freeze">
                {t('situation.freeze.button', { number: nextNumber })}
              </button>
            </Form>
          </section>
        </>
      ) : null}

      <section className="council-section" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t('situation.preview')}</h2>
        <SituationView snapshot={loaded.snapshot} />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.picture.title ?? t('situation.meta.fallback')),
]
