import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ContactRouteFields } from '~/components/contacts/contact-route-fields'
import { FormMessage } from '~/components/forms/field'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import type { ContactRoute } from '~/db/schema/registry'
import { translator, useT } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { parseForm } from '~/modules/forms/parse-form'
import { badRequest, notFound } from '~/modules/http/responses'
import { requireEditableContactRoute } from '~/modules/contacts/contact-pages.server'
import {
  ContactRouteDeleteSchema,
  ContactRouteUpdateSchema,
  parseContactRouteForm,
} from '~/modules/contacts/contact-route-form'
import {
  contactRouteValues,
  submittedContactRouteValues,
  type ContactRouteValues,
} from '~/modules/contacts/contact-route-values'
import { deleteContactRoute, updateContactRoute } from '~/modules/contacts/contact-routes.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent, withDefaultIntent } from '~/modules/http/intents'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { route, organisation } = await requireEditableContactRoute(request, params)
  const t = translator(getLocale(request))
  return {
    organisation: { id: organisation.id, name: organisation.name },
    routeId: route.id,
    values: contactRouteValues(route),
    version: String(route.version),
    title: `${t('contacts.meta.edit', { name: organisation.name })} – ${t('app.name')}`,
  }
}

interface EditResult {
  errors: Record<string, string>
  values: ContactRouteValues
  /** After a conflict on save: what is stored now, shown beside the kept input. */
  current: ContactRouteValues | null
  version: string
  notice: MessageKey | null
}

interface EditAction {
  db: Database
  user: SessionUser
  route: ContactRoute
  formData: FormData
  back: string
}

async function save({ db, user, route, formData, back }: EditAction) {
  const parsed = parseContactRouteForm(ContactRouteUpdateSchema, formData)
  if (!parsed.ok) {
    return data<EditResult>(
      {
        errors: parsed.errors,
        values: submittedContactRouteValues(parsed.values, contactRouteValues(route)),
        current: null,
        version: parsed.values.version ?? '',
        notice: null,
      },
      { status: 400 },
    )
  }
  const { version, ...fields } = parsed.data
  const result = await updateContactRoute(db, { actorId: user.id, id: route.id, version, ...fields })
  if (result.ok) throw redirectWithNotice(back, saved('contacts.flash.sparad'))
  if (result.error === 'notFound') throw notFound()
  // The user's input stays; the new version lets them save over the current values knowingly.
  return data<EditResult>(
    {
      errors: {},
      values: contactRouteValues(fields),
      current: contactRouteValues(result.current),
      version: String(result.current.version),
      notice: 'contacts.conflict',
    },
    { status: 409 },
  )
}

async function remove({ db, user, route, formData, back }: EditAction) {
  const parsed = parseForm(ContactRouteDeleteSchema, formData)
  if (!parsed.ok) throw badRequest()
  const result = await deleteContactRoute(db, { actorId: user.id, id: route.id, version: parsed.data.version })
  if (result.ok) throw redirectWithNotice(back, saved('contacts.flash.borttagen'))
  if (result.error === 'notFound') throw notFound()
  return data<EditResult>(
    {
      errors: {},
      values: contactRouteValues(result.current),
      current: null,
      version: String(result.current.version),
      notice: 'contacts.deleteConflict',
    },
    { status: 409 },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, route, organisation } = await requireEditableContactRoute(request, params)
  const db = await getDb()
  const formData = await readFormData(request)
  const back = `/organisationer/${organisation.id}`
  // A post without an intent saves, as it did before the delete button got its own.
  return dispatchIntent(
    withDefaultIntent(formData, 'save'),
    { save, delete: remove },
    { db, user, route, formData, back },
  )
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('contacts.editTitle', { name: data.organisation.name }),
  narrow: true,
}

export default function EditContactRoutePage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? loaded.values
  const version = actionData?.version ?? loaded.version
  const back = `/organisationer/${loaded.organisation.id}`
  return (
    <>
      {actionData?.notice ? <FormMessage kind="error">{t(actionData.notice)}</FormMessage> : null}
      {Object.keys(errors).length > 0 ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      {/* The key remounts the fields when a conflict brings a new version, so they show the right values. */}
      <Form method="post" className="stack" noValidate key={`edit-${version}-${actionData?.notice ?? ''}`}>
        <input type="hidden" name="version" value={version} />
        <ContactRouteFields values={values} errors={errors} current={actionData?.current ?? undefined} />
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button">
            {t('contacts.save')}
          </button>
          <Link to={back}>{t('common.cancel')}</Link>
        </div>
      </Form>
      <section aria-labelledby="ta-bort" className="panel">
        <h2 id="ta-bort">{t('contacts.deleteHeading')}</h2>
        <p>{t('contacts.deleteHint')}</p>
        <Form method="post">
          <input type="hidden" name="version" value={version} />
          <button type="submit" name="intent" value="delete" className="button button--secondary">
            {t('contacts.delete')}
          </button>
        </Form>
      </section>
      <p>
        <Link to={`${back}/kontaktvagar/${loaded.routeId}/provsamtal`}>{t('contacts.check')}</Link>
      </p>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data ? { title: data.title } : pageTitle(matches),
]
