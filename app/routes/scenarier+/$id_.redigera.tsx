import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { ScenarioForm } from '~/components/scenarios/scenario-form-page'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import type { ScenarioRecord } from '~/db/schema/scenarios'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { versionField } from '~/modules/forms/fields'
import { notFound, requireUuid } from '~/modules/http/responses'
import { canChangeScenario, requireEditableScenario } from '~/modules/scenarios/scenario-access.server'
import { readScenarioPost } from '~/modules/scenarios/scenario-form-action.server'
import { scenarioPickers, scenarioValues } from '~/modules/scenarios/scenario-form'
import { pickerStates } from '~/modules/organisations/picker.server'
import { scenarioFormOptions } from '~/modules/scenarios/scenario-options.server'
import { deleteScenario, updateScenario } from '~/modules/scenarios/scenarios.server'
import { readFormData } from '~/modules/http/form-data.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const scenario = await requireEditableScenario(db, user, id)
  const env = getEnv()
  const values = scenarioValues(scenario)
  const [options, { pickers }] = await Promise.all([
    scenarioFormOptions(db),
    pickerStates(db, request, scenarioPickers(values)),
  ])
  return {
    id,
    name: scenario.name,
    version: scenario.version,
    values,
    options,
    pickers,
    canShare: can(user, 'scenario.share'),
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
  }
}

interface EditAction {
  db: Database
  request: Request
  user: SessionUser
  scenario: ScenarioRecord
  formData: FormData
}

// Checked again on the locked row: a scenario shared meanwhile is no longer its drafter's to change.
const changeableBy = (user: SessionUser) => (row: Parameters<typeof canChangeScenario>[1]) =>
  canChangeScenario(user, row)

/** The builder's posts, whose intents `readScenarioPost` dispatches: a picker's search, a row more or less, a save. */
async function edit({ db, request, user, scenario, formData }: EditAction) {
  const { id } = scenario
  const step = await readScenarioPost(db, request, formData, user, { needsVersion: true, stateBefore: scenario.state })
  const { pickers } = step
  if (step.kind === 'rows') return data({ values: step.values, errors: {}, pickers })
  if (step.kind === 'invalid') return data({ values: step.values, errors: step.errors, pickers }, { status: 400 })
  const result = await updateScenario(
    db,
    { actorId: user.id, id, version: step.parsed.version!, ...step.parsed.data },
    changeableBy(user),
  )
  if (result.ok) throw redirectWithNotice(`/scenarier/${id}`, saved('scenario.saveFirst'))
  if (result.error === 'notFound') throw notFound()
  // The user's input stays; the new version lets them save over it knowingly.
  return data(
    {
      values: { ...step.values, version: String(result.current.version) },
      errors: { _form: 'scenario.conflict' },
      pickers,
    },
    { status: 409 },
  )
}

async function remove({ db, user, scenario, formData }: EditAction) {
  const version = versionField.safeParse(formData.get('version'))
  const result = version.success
    ? await deleteScenario(db, { actorId: user.id, id: scenario.id, version: version.data }, changeableBy(user))
    : null
  if (result?.ok) throw redirectWithNotice('/scenarier', saved('scenario.deleted'))
  if (result?.error === 'notFound') throw notFound()
  return data({ values: null, errors: { _form: 'scenario.conflict' } }, { status: 409 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const scenario = await requireEditableScenario(db, user, id)
  const formData = await readFormData(request)
  const context = { db, request, user, scenario, formData }
  // Only the delete form is the page's own; every other post is the builder's (a picker's search names no intent).
  return formData.get('intent') === 'delete' ? remove(context) : edit(context)
}

export default function EditScenarioPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('scenario.edit')}</h1>
      <ScenarioForm
        values={actionData?.values ?? loaded.values}
        errors={errors}
        options={loaded.options}
        pickers={(actionData?.values ? actionData.pickers : undefined) ?? loaded.pickers}
        canShare={loaded.canShare}
        tiles={loaded.tiles}
        cancelTo={`/scenarier/${loaded.id}`}
        conflict={errors._form === 'scenario.conflict'}
      />
      <Form method="post" className="danger-zone">
        <input type="hidden" name="version" value={String(loaded.version)} />
        {errors._form === 'scenario.conflict' && !actionData?.values ? (
          <FormMessage kind="error">{t('scenario.conflict')}</FormMessage>
        ) : null}
        <button type="submit" className="button button--danger" name="intent" value="delete">
          {t('scenario.delete')}
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.name ?? t('scenario.meta.fallback')),
]
