import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ScenarioForm } from '~/components/scenarios/scenario-form-page'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { forbidden } from '~/modules/http/responses'
import { scenarioOwnerFor } from '~/modules/scenarios/scenario-access.server'
import { readScenarioPost } from '~/modules/scenarios/scenario-form-action.server'
import { newScenarioValues, scenarioPickers } from '~/modules/scenarios/scenario-form'
import { scenarioFormOptions } from '~/modules/scenarios/scenario-options.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import { createScenario } from '~/modules/scenarios/scenarios.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'scenario.create')
  const env = getEnv()
  const db = await getDb()
  const [options, { pickers }] = await Promise.all([
    scenarioFormOptions(db),
    pickerStates(db, request, scenarioPickers(newScenarioValues())),
  ])
  return {
    options,
    pickers,
    canShare: can(user, 'scenario.share'),
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'scenario.create')
  const organisationId = scenarioOwnerFor(user)
  if (!organisationId) throw forbidden()
  const formData = await readFormData(request)
  const db = await getDb()
  const step = await readScenarioPost(db, request, formData, user, { needsVersion: false })
  const { values, pickers } = step
  if (step.kind === 'rows') return data({ values, errors: {}, pickers })
  if (step.kind === 'invalid') return data({ values, errors: step.errors, pickers }, { status: 400 })
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const created = await createScenario(tx, { actorId: user.id, organisationId, ...step.parsed.data })
    return { location: `/scenarier/${created.id}`, notice: saved('scenario.saveFirst') }
  })
  throw redirectTo(submitted)
}

export default function NewScenarioPage() {
  const t = useT()
  const { options, pickers, canShare, tiles, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <h1>{t('scenario.create')}</h1>
      <ScenarioForm
        values={actionData?.values ?? newScenarioValues()}
        errors={actionData?.errors ?? {}}
        options={options}
        pickers={actionData?.pickers ?? pickers}
        canShare={canShare}
        tiles={tiles}
        cancelTo="/scenarier"
        conflict={false}
        submissionKey={submissionKey}
      />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'scenario.meta.new')]
