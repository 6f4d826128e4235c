import type { Probe, Who } from '../../integration/route-access.test'
import { createArea } from '../../../app/modules/council/areas.server'
import { makeCouncil } from '../factories'
import type { AreaProbes } from './areas'
import { probingMembers } from './council'

/**
 * The council's areas and weekly picture: read and changed by the council
 * members it has granted and the coordinator. The probing users'
 * organisation takes part in one council; the other council, of the other
 * organisation alone, answers 404 to all but the coordinator. Every allowed
 * post is invalid (400) or stale (409) and writes nothing.
 * A third council, whose network holds both organisations but which has
 * not granted the probing users, answers 404 to all but the coordinator too.
 */
const councils = [
  { key: 'Own', allowed: ['coordinator', 'council_member'] },
  { key: 'Foreign', allowed: ['coordinator'] },
  { key: 'Overlap', allowed: ['coordinator'] },
] as const satisfies readonly { key: string; allowed: readonly Who[] }[]

const corners = '58.03 12.79\n58.04 12.79\n58.04 12.82'

export const area: AreaProbes = {
  probes() {
    return councils.flatMap(({ key, allowed }): Probe[] => {
      const id = `:councilAreas${key}Council`
      const areaId = `:councilAreas${key}Area`
      const probe = (route: string, method: 'GET' | 'POST', url: string, body?: Record<string, string>): Probe => ({
        route,
        method,
        url,
        params: { id },
        ...(method === 'POST' ? { body: body ?? {} } : {}),
        allowed: [...allowed],
        notFoundDenies: true,
      })
      const areas = `/trygghet/${id}/omraden`
      const weekly = `/trygghet/${id}/veckobild`
      return [
        probe('trygghet.$id.omraden', 'GET', areas),
        probe('trygghet.$id.omraden', 'GET', `${areas}?andra=${areaId}`),
        probe('trygghet.$id.omraden', 'POST', areas, { intent: 'create', name: '' }),
        probe('trygghet.$id.omraden', 'POST', areas, {
          intent: 'save',
          areaId,
          version: '999',
          name: 'Ändrat',
          corners,
        }),
        probe('trygghet.$id.omraden', 'POST', areas, { intent: 'delete', areaId, version: '999' }),
        probe('trygghet.$id.veckobild', 'GET', weekly),
        probe('trygghet.$id.veckobild', 'GET', `${weekly}?fran=2026-01-01&till=2026-01-31&kategori=${areaId}`),
        probe('trygghet.$id.veckobild_.punkter', 'GET', `${weekly}/punkter?vecka=2026-W48`),
      ]
    })
  },
  async setup(db, { own, other, userIds }) {
    const ids: Record<string, string> = {}
    for (const [key, organisationIds] of [
      ['Own', [own]],
      ['Foreign', [other]],
      ['Overlap', [own, other]],
    ] as const) {
      const council = await makeCouncil(db, {
        organisationIds: [...organisationIds],
        members: key === 'Own' ? probingMembers(userIds) : [],
      })
      const created = await createArea(db, {
        councilId: council.id,
        actorId: userIds.get('coordinator')!,
        name: 'Centrum',
        polygon: [
          [58.03, 12.79],
          [58.04, 12.79],
          [58.04, 12.82],
        ],
      })
      if (!created.ok) throw new Error('The probe area could not be made')
      ids[`:councilAreas${key}Council`] = council.id
      ids[`:councilAreas${key}Area`] = created.area.id
    }
    return ids
  },
}
