import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { DependencyManager } from '~/components/registry/dependency-manager'
import { ServiceFields } from '~/components/registry/service-fields'
import { DependentList } from '~/components/registry/service-list'
import { getDb } from '~/db/app-db.server'
import { translateMessage, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireEditableDependency, requireEditableService } from '~/modules/registry/record-access.server'
import { getServicePage } from '~/modules/registry/service-page.server'
import { runServicePageAction } from '~/modules/registry/service-page-actions.server'
import { readFormData } from '~/modules/http/form-data.server'
import { redirectWithNotice } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const serviceId = requireUuid(params.serviceId)
  const user = await requireUser(request)
  const db = await getDb()
  const service = await requireEditableService(db, user, id, serviceId)
  const url = new URL(request.url)
  const editingId = url.searchParams.get('beroende')
  const editing = editingId ? await requireEditableDependency(db, user, serviceId, requireUuid(editingId)) : null
  return getServicePage(db, { service, editing, query: (url.searchParams.get('sok') ?? '').slice(0, 200) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const serviceId = requireUuid(params.serviceId)
  const user = await requireUser(request)
  const db = await getDb()
  const service = await requireEditableService(db, user, id, serviceId)
  const formData = await readFormData(request)
  const result = await runServicePageAction({ db, user, service, formData })
  if ('redirect' in result) throw redirectWithNotice(result.redirect, result.notice)
  return data(result.body, { status: result.status })
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('services.editTitle', { name: data.service.name }),
  backTo: (data) => `verksamhet-${data.service.id}`,
}

export default function ServicePage() {
  const t = useT()
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const serviceForm = actionData?.form === 'service' ? actionData : null
  const errors: Record<string, string> = serviceForm?.errors ?? {}
  const version = serviceForm?.values.version ?? String(page.service.version)
  const deleteError = actionData?.form === 'deleteService' ? actionData.errors._form : null
  return (
    <>
      <section aria-labelledby="uppgifter" className="registry-section">
        <h2 id="uppgifter">{t('services.details')}</h2>
        {errors._form === 'services.conflict' ? <FormMessage kind="error">{t('services.conflict')}</FormMessage> : null}
        {Object.keys(errors).some((key) => key !== '_form') ? (
          <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
        ) : null}
        {/* The key remounts the fields when a conflict brings a new version, so they show the kept input. */}
        <Form method="post" action="?" className="stack" noValidate key={version}>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <ServiceFields
            values={serviceForm?.values ?? page.service.values}
            siteIds={serviceForm?.siteIds ?? page.service.siteIds}
            sites={page.sites}
            errors={errors}
            current={serviceForm?.current ?? undefined}
          />
          <button type="submit" className="button">
            {t('services.save')}
          </button>
        </Form>
      </section>

      <DependencyManager
        dependencies={page.dependencies}
        acceptableOutageHours={page.service.acceptableOutageHours}
        dependable={page.dependable}
        query={page.query}
        editing={page.editing}
        formState={actionData?.form === 'dependency' ? actionData : null}
        deleteError={actionData?.form === 'deleteDependency' ? (actionData.errors._form ?? null) : null}
      />

      {page.dependents.length > 0 ? (
        <section aria-labelledby="beroende-av-denna" className="registry-section">
          <h2 id="beroende-av-denna">{t('services.dependents')}</h2>
          <DependentList dependents={page.dependents} />
        </section>
      ) : null}

      <Form method="post" action="?" className="danger-zone">
        {deleteError ? <FormMessage kind="error">{translateMessage(t, deleteError)}</FormMessage> : null}
        <input type="hidden" name="version" value={String(page.service.version)} />
        <p className="field__hint">{t('services.deleteHint')}</p>
        <button type="submit" className="button button--danger" name="intent" value="delete">
          {t('services.delete')}
        </button>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.service.name ?? t('services.meta.fallback')),
]
