import type { Probe, Who } from '../../integration/route-access.test'
import { createMeasure } from '../../../app/modules/council/measures.server'
import { makeCouncil } from '../factories'
import type { AreaProbes } from './areas'
import { probingMembers } from './council'

/**
 * The council's measures: read and changed by the council members it has
 * granted and the coordinator. The other council, of the other
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

export const area: AreaProbes = {
  probes() {
    return councils.flatMap(({ key, allowed }): Probe[] => {
      const id = `:councilMeasures${key}Council`
      const measureId = `:councilMeasures${key}Measure`
      const probe = (
        route: string,
        method: 'GET' | 'POST',
        url: string,
        body?: Record<string, string>,
        params: Record<string, string> = {},
      ): Probe => ({
        route,
        method,
        url,
        params: { id, ...params },
        ...(method === 'POST' ? { body: body ?? {} } : {}),
        allowed: [...allowed],
        notFoundDenies: true,
      })
      const list = `/trygghet/${id}/insatser`
      const one = `${list}/${measureId}`
      return [
        probe('trygghet.$id.insatser', 'GET', list),
        probe('trygghet.$id.insatser', 'GET', `${list}?visa=alla`),
        probe('trygghet.$id.insatser', 'POST', list, { title: '' }),
        probe('trygghet.$id.insatser_.$measureId', 'GET', one, undefined, { measureId }),
        probe(
          'trygghet.$id.insatser_.$measureId',
          'POST',
          one,
          { intent: 'save', title: '', version: '1' },
          { measureId },
        ),
        probe(
          'trygghet.$id.insatser_.$measureId',
          'POST',
          one,
          { intent: 'state', state: 'done', version: '999' },
          { measureId },
        ),
        probe('trygghet.$id.insatser_.$measureId', 'POST', one, { intent: 'followUp', assessment: '' }, { measureId }),
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
      const organisationId = organisationIds[0]
      const council = await makeCouncil(db, {
        organisationIds: [...organisationIds],
        members: key === 'Own' ? probingMembers(userIds) : [],
      })
      const created = await createMeasure(db, {
        actorId: userIds.get('coordinator')!,
        council: { id: council.id, organisationIds: [organisationId] },
        fields: {
          title: 'Belysning vid stationen',
          kind: 'situational',
          measureType: 'lighting',
          description: '',
          areaId: null,
          place: 'Stationen',
          responsibleOrganisationId: organisationId,
          startDate: '2026-01-01',
          expectedEffect: '',
          followUpDate: '2026-06-01',
          situationPictureId: null,
        },
      })
      if (!created.ok) throw new Error('The probe measure could not be made')
      ids[`:councilMeasures${key}Council`] = council.id
      ids[`:councilMeasures${key}Measure`] = created.record.id
    }
    return ids
  },
}
