import type { Executor } from '~/db/client.server'
import type { ScenarioRecord } from '~/db/schema/scenarios'
import { assertPermission } from '~/modules/auth/guards.server'
import { can, editableOrganisationIds, isCoordinator } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { notFound } from '~/modules/http/responses'
import { getScenario } from './scenarios.server'

// Who may see or change a scenario is decided by the organisation and state
// stored on it, through `can`.

const resourceOf = (scenario: Pick<ScenarioRecord, 'organisationId' | 'state'>) => ({
  organisationId: scenario.organisationId,
  draft: scenario.state !== 'shared',
})

/** A scenario the user may read; a draft of another organisation is not found (404), like a missing one. */
export async function requireReadableScenario(db: Executor, user: SessionUser, id: string) {
  assertPermission(user, 'network.read')
  const scenario = await getScenario(db, id)
  if (!scenario || !can(user, 'scenario.read', resourceOf(scenario))) {
    throw notFound()
  }
  return scenario
}

export function canChangeScenario(user: SessionUser, scenario: Pick<ScenarioRecord, 'organisationId' | 'state'>) {
  return can(user, 'scenario.update', resourceOf(scenario))
}

export async function requireEditableScenario(db: Executor, user: SessionUser, id: string) {
  const scenario = await requireReadableScenario(db, user, id)
  assertPermission(user, 'scenario.update', resourceOf(scenario))
  return scenario
}

/** The organisation a new scenario belongs to: the user's first one they edit for, or any for the coordinator. */
export function scenarioOwnerFor(user: SessionUser): string | null {
  const editable = editableOrganisationIds(user)
  if (editable[0]) return editable[0]
  return isCoordinator(user) ? (user.memberships.find((m) => m.role === 'coordinator')?.organisationId ?? null) : null
}
