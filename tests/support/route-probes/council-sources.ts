import type { Probe, Who } from '../../integration/route-access.test'
import { makeCouncil } from '../factories'
import type { AreaProbes } from './areas'
import { probingMembers } from './council'

/**
 * The council's other sources and safety survey: read and changed by the
 * council members it has granted and the coordinator. The probing
 * users' organisation takes part in one council; the other council, of the
 * other organisation alone, answers 404 to all but the coordinator.
 * Every allowed post is invalid (400) and writes nothing.
 * A third council, whose network holds both organisations but which has
 * not granted the probing users, answers 404 to all but the coordinator too.
 */
const councils = [
  { key: 'Own', allowed: ['coordinator', 'council_member'] },
  { key: 'Foreign', allowed: ['coordinator'] },
  { key: 'Overlap', allowed: ['coordinator'] },
] as const satisfies readonly { key: string; allowed: readonly Who[] }[]

export const area: AreaProbes = {
  probes() {
    return councils.flatMap(({ key, allowed }): Probe[] => {
      const id = `:councilSources${key}Council`
      const probe = (route: string, method: 'GET' | 'POST', url: string, body?: Record<string, string>): Probe => ({
        route,
        method,
        url,
        params: { id },
        ...(method === 'POST' ? { body: body ?? {} } : {}),
        allowed: [...allowed],
        notFoundDenies: true,
      })
      const sources = `/trygghet/${id}/kallor`
      const survey = `/trygghet/${id}/trygghetsmatning`
      return [
        probe('trygghet.$id.kallor', 'GET', sources),
        probe('trygghet.$id.kallor', 'POST', sources, {
          intent: 'preview',
          kind: 'crime_statistics',
          source: 'Polisen',
        }),
        probe('trygghet.$id.kallor', 'POST', sources, { intent: 'delete', importId: 'x' }),
        probe('trygghet.$id.kallor_.mall', 'GET', `${sources}/mall`),
        probe('trygghet.$id.kallor_.mall', 'GET', `${sources}/mall?fil=trygghetsmatning`),
        probe('trygghet.$id.trygghetsmatning', 'GET', `${survey}?ar=2025`),
        probe('trygghet.$id.trygghetsmatning', 'POST', survey, { intent: 'save', year: 'x' }),
        probe('trygghet.$id.trygghetsmatning', 'POST', survey, { intent: 'confirm' }),
      ]
    })
  },
  async setup(db, { own, other, userIds }) {
    const ownCouncil = await makeCouncil(db, { organisationIds: [own], members: probingMembers(userIds) })
    const foreignCouncil = await makeCouncil(db, { organisationIds: [other] })
    const overlapCouncil = await makeCouncil(db, { organisationIds: [own, other] })
    return {
      ':councilSourcesOwnCouncil': ownCouncil.id,
      ':councilSourcesForeignCouncil': foreignCouncil.id,
      ':councilSourcesOverlapCouncil': overlapCouncil.id,
    }
  },
}
