import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { Field, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { getDb } from '~/db/app-db.server'
import { councils } from '~/db/schema/council'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission, requireUser } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { councilsOf, getCouncilWithScope, withCouncilGrants } from '~/modules/council/council-access.server'
import { councilLinks } from '~/modules/council/council-sections'
import { createCouncil } from '~/modules/council/councils.server'
import { requiredText, uuidField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { saved } from '~/modules/http/flash.server'
import { listNetworks } from '~/modules/registry/networks.server'
import councilStyles from '~/styles/council.css?url'
import { readFormData } from '~/modules/http/form-data.server'

export const links = () => [{ rel: 'stylesheet', href: councilStyles }]

const CreateSchema = z.object({ name: requiredText(200), networkId: uuidField })

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb()
  const user = await withCouncilGrants(db, await requireUser(request))
  const mine = []
  for (const row of await councilsOf(db, user)) {
    const council = await getCouncilWithScope(db, row.id)
    if (!council) continue
    const links = councilLinks(user, council)
    if (links.work || links.report) mine.push({ id: council.id, name: council.name, links })
  }
  const mayCreate = can(user, 'council.settings')
  // Someone with one council and nothing to set up goes straight to it.
  if (!mayCreate && mine.length === 1) {
    const only = mine[0]!
    throw redirect(only.links.work ? `/trygghet/${only.id}` : `/trygghet/${only.id}/rapportera`)
  }
  const taken = new Set((await db.select({ networkId: councils.networkId }).from(councils)).map((row) => row.networkId))
  const networks = mayCreate ? (await listNetworks(db)).filter((network) => !taken.has(network.id)) : []
  return {
    councils: mine,
    mayCreate,
    networks: networks.map((network) => ({ id: network.id, name: network.name })),
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'council.settings')
  const db = await getDb()
  const formData = await readFormData(request)
  const parsed = parseForm(CreateSchema, formData)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  try {
    const outcome = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
      const [taken] = await tx
        .select({ id: councils.id })
        .from(councils)
        .where(eq(councils.networkId, parsed.data.networkId))
      if (taken) return refuse(taken.id)
      const council = await createCouncil(tx, { actorId: user.id, ...parsed.data })
      return { location: `/trygghet/${council.id}`, notice: saved('council.create.created') }
    })
    if ('refused' in outcome) {
      return data({ errors: { networkId: 'council.create.taken' }, values: parsed.values }, { status: 400 })
    }
    throw redirectTo(outcome)
  } catch (error) {
    if (error instanceof Response) throw error
    // A network that does not exist, or one that got a council a moment ago.
    return data({ errors: { networkId: 'council.create.taken' }, values: parsed.values }, { status: 400 })
  }
}

export default function CouncilsPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  return (
    <div className="page">
      <h1>{t('council.title')}</h1>
      <p>{t('council.intro')}</p>
      {loaded.councils.length === 0 ? (
        <p>{t('council.none')}</p>
      ) : (
        <ul className="report-list">
          {loaded.councils.map((council) => (
            <li key={council.id}>
              <h2>
                <Link to={council.links.work ? `/trygghet/${council.id}` : `/trygghet/${council.id}/rapportera`}>
                  {council.name}
                </Link>
              </h2>
              {council.links.report ? (
                <p>
                  <Link to={`/trygghet/${council.id}/rapportera`}>{t('council.nav.report')}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {loaded.mayCreate ? (
        <section className="council-section" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('council.create.heading')}</h2>
          {Object.keys(errors).length > 0 ? (
            <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
          ) : null}
          <Form method="post" noValidate className="stack">
            <SubmissionKeyField value={loaded.submissionKey} />
            <Field label={t('council.create.name')} name="name" error={errors.name}>
              {(props) => <input {...props} defaultValue={values.name ?? ''} />}
            </Field>
            <Field
              label={t('council.create.network')}
              name="networkId"
              hint={t('council.create.networkHint')}
              error={errors.networkId}
            >
              {(props) => (
                <select {...props} defaultValue={values.networkId ?? ''}>
                  <option value="">{t('council.chooseNetwork')}</option>
                  {loaded.networks.map((network) => (
                    <option key={network.id} value={network.id}>
                      {network.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className="button">
              {t('council.create.submit')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'council.title')]
