import type { Database } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { versionField } from '~/modules/forms/fields'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { dispatchIntent } from '~/modules/http/intents'
import { notFound, requireUuid } from '~/modules/http/responses'
import { createDependency, deleteDependency, updateDependency } from './dependencies.server'
import { DependencySchema, DependencyUpdateSchema } from './dependency-rules'
import { dependencyFormValues, serviceFormValues, type FormValues } from './form-values'
import { requireEditableDependency } from './record-access.server'
import { RegistryRuleError, ruleFieldErrors } from './rule-error'
import { parseServiceForm, ServiceUpdateSchema } from './service-form'
import { deleteService, updateService, type ServiceWithSites } from './services.server'
import { listSites } from './sites.server'
import { saved, type Notice } from '~/modules/http/flash.server'

// The writes of the page that edits a service and its dependencies, one
// function per intent. The route has already checked that the user may edit
// the service; each dependency is checked again by its own stored
// organisation before anything is written.

type Outcome<B> = { redirect: string; notice: Notice } | { status: 400 | 409; body: B }

export interface ServicePageContext {
  db: Database
  user: SessionUser
  service: ServiceWithSites
  formData: FormData
}

const pagePath = (service: ServiceWithSites) => `/organisationer/${service.organisationId}/verksamheter/${service.id}`

export type ServiceFormBody =
  | {
      form: 'service'
      errors: FieldErrors
      values: FormValues
      siteIds: string[]
      current: (FormValues & { siteNames: string }) | null
    }
  | { form: 'deleteService'; errors: { _form: string } }

async function saveService({ db, user, service, formData }: ServicePageContext): Promise<Outcome<ServiceFormBody>> {
  const parsed = parseServiceForm(ServiceUpdateSchema, formData)
  const invalid = (errors: FieldErrors): Outcome<ServiceFormBody> => ({
    status: 400,
    body: { form: 'service', errors, values: parsed.values, siteIds: parsed.siteIds, current: null },
  })
  if (!parsed.ok) return invalid(parsed.errors)
  let result
  try {
    result = await updateService(db, { actorId: user.id, id: service.id, ...parsed.data })
  } catch (error) {
    return invalid(ruleFieldErrors(error))
  }
  if (result.ok)
    return {
      redirect: `/organisationer/${service.organisationId}#verksamhet-${service.id}`,
      notice: saved('organisations.saved'),
    }
  if (result.error === 'notFound') throw notFound()
  const current = result.current
  const siteNames = new Map((await listSites(db, service.organisationId)).map((site) => [site.id, site.name]))
  return {
    status: 409,
    body: {
      form: 'service',
      errors: { _form: 'services.conflict' },
      values: { ...parsed.values, version: String(current.version) },
      siteIds: parsed.siteIds,
      current: {
        ...serviceFormValues(current),
        siteNames: current.siteIds.map((id) => siteNames.get(id) ?? '').join(', '),
      },
    },
  }
}

async function removeService({ db, user, service, formData }: ServicePageContext): Promise<Outcome<ServiceFormBody>> {
  const version = versionField.safeParse(formData.get('version'))
  if (!version.success)
    return { status: 400, body: { form: 'deleteService', errors: { _form: 'services.deleteConflict' } } }
  try {
    const result = await deleteService(db, { actorId: user.id, id: service.id, version: version.data })
    if (result.ok)
      return {
        redirect: `/organisationer/${service.organisationId}#verksamheter`,
        notice: saved('organisations.saved'),
      }
    if (result.error === 'notFound') throw notFound()
    return { status: 409, body: { form: 'deleteService', errors: { _form: 'services.deleteConflict' } } }
  } catch (error) {
    if (!(error instanceof RegistryRuleError)) throw error
    return { status: 409, body: { form: 'deleteService', errors: { _form: error.message } } }
  }
}

export type DependencyFormBody =
  | {
      form: 'dependency'
      dependencyId: string | null
      errors: FieldErrors
      values: FormValues
      current: FormValues | null
    }
  | { form: 'deleteDependency'; errors: { _form: string } }

const toDependencies = (service: ServiceWithSites, message: 'deps.saved' | 'deps.removed') => ({
  redirect: `${pagePath(service)}#beroenden`,
  notice: saved(message),
})

const invalidDependency = (
  dependencyId: string | null,
  errors: FieldErrors,
  values: FormValues,
): Outcome<DependencyFormBody> => ({
  status: 400,
  body: { form: 'dependency', dependencyId, errors, values, current: null },
})

/** The dependency the form names, once this user may edit it (404 or 403 otherwise). */
async function requirePostedDependency({ db, user, service, formData }: ServicePageContext) {
  const dependencyId = requireUuid(String(formData.get('dependencyId') ?? ''))
  await requireEditableDependency(db, user, service.id, dependencyId)
  return dependencyId
}

async function addDependency({
  db,
  user,
  service,
  formData,
}: ServicePageContext): Promise<Outcome<DependencyFormBody>> {
  const parsed = parseForm(DependencySchema, formData)
  if (!parsed.ok) return invalidDependency(null, parsed.errors, parsed.values)
  try {
    await createDependency(db, { actorId: user.id, serviceId: service.id, ...parsed.data })
  } catch (error) {
    return invalidDependency(null, ruleFieldErrors(error), parsed.values)
  }
  return toDependencies(service, 'deps.saved')
}

async function changeDependency(context: ServicePageContext): Promise<Outcome<DependencyFormBody>> {
  const dependencyId = await requirePostedDependency(context)
  const { db, user, service, formData } = context
  const parsed = parseForm(DependencyUpdateSchema, formData)
  if (!parsed.ok) return invalidDependency(dependencyId, parsed.errors, parsed.values)
  let result
  try {
    result = await updateDependency(db, { actorId: user.id, id: dependencyId, ...parsed.data })
  } catch (error) {
    return invalidDependency(dependencyId, ruleFieldErrors(error), parsed.values)
  }
  if (result.ok) return toDependencies(service, 'deps.saved')
  if (result.error === 'notFound') throw notFound()
  return {
    status: 409,
    body: {
      form: 'dependency',
      dependencyId,
      errors: { _form: 'deps.conflict' },
      values: { ...parsed.values, version: String(result.current.version) },
      current: dependencyFormValues(result.current),
    },
  }
}

async function removeDependency(context: ServicePageContext): Promise<Outcome<DependencyFormBody>> {
  const dependencyId = await requirePostedDependency(context)
  const { db, user, service, formData } = context
  const version = versionField.safeParse(formData.get('version'))
  if (!version.success)
    return { status: 400, body: { form: 'deleteDependency', errors: { _form: 'deps.deleteConflict' } } }
  const result = await deleteDependency(db, { actorId: user.id, id: dependencyId, version: version.data })
  if (result.ok) return toDependencies(service, 'deps.removed')
  if (result.error === 'notFound') throw notFound()
  return { status: 409, body: { form: 'deleteDependency', errors: { _form: 'deps.deleteConflict' } } }
}

/** The service page's action: the posted intent's function, or 400. */
export function runServicePageAction(context: ServicePageContext) {
  return dispatchIntent(
    context.formData,
    {
      save: saveService,
      delete: removeService,
      addDependency,
      updateDependency: changeDependency,
      deleteDependency: removeDependency,
    },
    context,
  )
}
