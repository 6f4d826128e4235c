import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { councilCategories } from '~/db/schema/council'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil, type CouncilRequest } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { addCategory, updateCategory } from '~/modules/council/categories.server'
import { requiredText, uuidField, versionField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'
import { notFound } from '~/modules/http/responses'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

const AddSchema = z.object({ name: requiredText(80) })
const RenameSchema = z.object({ id: uuidField, version: versionField, name: requiredText(80) })
const ActiveSchema = z.object({ id: uuidField, version: versionField, active: z.enum(['true', 'false']) })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.read')
  const categories = await db
    .select({
      id: councilCategories.id,
      name: councilCategories.name,
      active: councilCategories.active,
      version: councilCategories.version,
    })
    .from(councilCategories)
    .where(eq(councilCategories.councilId, council.id))
    .orderBy(asc(councilCategories.position), asc(councilCategories.name))
  return { council: councilRef(council), categories, submissionKey: newSubmissionKey() }
}

type ActionResult = { form: string; errors: Record<string, string>; values: Record<string, string>; conflict?: boolean }

interface CategoriesAction extends CouncilRequest {
  request: Request
  formData: FormData
  back: string
}

async function add({ user, db, council, request, formData, back }: CategoriesAction) {
  const parsed = parseForm(AddSchema, formData)
  if (!parsed.ok)
    return data<ActionResult>({ form: 'add', errors: parsed.errors, values: parsed.values }, { status: 400 })
  const added = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const category = await addCategory(tx, { actorId: user.id, councilId: council.id, name: parsed.data.name })
    return category.ok ? { location: back, notice: saved('council.categories.added') } : refuse(category.error)
  })
  if ('refused' in added) {
    return data<ActionResult>(
      { form: 'add', errors: { name: 'council.categories.duplicate' }, values: parsed.values },
      { status: 400 },
    )
  }
  throw redirectTo(added)
}

async function change({ user, db, council, formData, back }: CategoriesAction, intent: 'rename' | 'active') {
  const parsed = intent === 'rename' ? parseForm(RenameSchema, formData) : parseForm(ActiveSchema, formData)
  const form = `${intent}:${parsed.values.id ?? ''}`
  if (!parsed.ok) return data<ActionResult>({ form, errors: parsed.errors, values: parsed.values }, { status: 400 })
  const updated = await updateCategory(db, {
    actorId: user.id,
    councilId: council.id,
    id: parsed.data.id,
    version: parsed.data.version,
    ...('name' in parsed.data ? { name: parsed.data.name } : { active: parsed.data.active === 'true' }),
  })
  if (updated.ok) throw redirectWithNotice(back, saved('council.categories.saved'))
  if (updated.error === 'notFound') throw notFound()
  if (updated.error === 'duplicate') {
    return data<ActionResult>(
      { form, errors: { name: 'council.categories.duplicate' }, values: parsed.values },
      { status: 400 },
    )
  }
  return data<ActionResult>({ form, errors: {}, values: parsed.values, conflict: true }, { status: 409 })
}

const rename = (context: CategoriesAction) => change(context, 'rename')
const active = (context: CategoriesAction) => change(context, 'active')

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCouncil(request, params, 'council.manage')
  const formData = await readFormData(request)
  const back = `/trygghet/${access.council.id}/kategorier`
  return dispatchIntent(formData, { add, rename, active }, { ...access, request, formData, back })
}

export const handle: SectionHandle<typeof loader> = { heading: 'council.categories.title' }

export default function CategoriesPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>{t('council.categories.intro')}</p>
      <ul className="report-list">
        {loaded.categories.map((category) => {
          const result = actionData?.form.endsWith(`:${category.id}`) ? actionData : undefined
          return (
            <li key={category.id}>
              {result?.conflict ? <FormMessage kind="error">{t('meetingFollowUp.conflict')}</FormMessage> : null}
              <Form method="post" noValidate className="category-row" key={`${category.version}-${result ? 'r' : ''}`}>
                <input type="hidden" name="id" value={category.id} />
                <input type="hidden" name="version" value={category.version} />
                <Field
                  label={t('council.categories.rename', { name: category.name })}
                  name="name"
                  error={result?.form.startsWith('rename') ? result.errors.name : undefined}
                >
                  {(props) => <input {...props} defaultValue={result?.values.name ?? category.name} />}
                </Field>
                <button type="submit" className="button button--secondary" name="intent" value="rename">
                  {t('council.categories.save')}
                </button>
              </Form>
              <Form method="post" className="actions">
                <input type="hidden" name="id" value={category.id} />
                <input type="hidden" name="version" value={category.version} />
                <input type="hidden" name="active" value={category.active ? 'false' : 'true'} />
                <span>{category.active ? t('council.categories.active') : t('council.categories.retired')}</span>
                <button type="submit" className="button button--quiet" name="intent" value="active">
                  {category.active
                    ? t('council.categories.retire', { name: category.name })
                    : t('council.categories.restore', { name: category.name })}
                </button>
              </Form>
            </li>
          )
        })}
      </ul>
      <section className="council-section" aria-labelledby="add-heading">
        <h2 id="add-heading">{t('council.categories.add')}</h2>
        <Form method="post" noValidate className="stack" key={loaded.categories.length}>
          <SubmissionKeyField value={loaded.submissionKey} />
          <Field
            label={t('council.categories.name')}
            name="name"
            error={actionData?.form === 'add' ? actionData.errors.name : undefined}
          >
            {(props) => (
              <input {...props} defaultValue={actionData?.form === 'add' ? (actionData.values.name ?? '') : ''} />
            )}
          </Field>
          <button type="submit" className="button" name="intent" value="add">
            {t('council.categories.add')}
          </button>
        </Form>
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('council.meta.categories', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
