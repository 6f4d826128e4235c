import type { Probe, Who } from '../../integration/route-access.test'
import { createAnalysis, listEvents, setResultsShared } from '../../../app/modules/rsa/analyses.server'
import { createMeasure, recordFollowUp } from '../../../app/modules/rsa/measures.server'
import type { AreaProbes } from './areas'

// Three analyses owned by the other organisation: one the probing users'
// organisation takes part in (results not shared), one it takes part in with
// the results shared, and one it has no part in.
const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const coordinator: Who[] = ['coordinator']

const analyses = [
  { key: 'Own', readers: networkReaders, answerers: ['coordinator', 'partner_editor'], resultReaders: coordinator },
  {
    key: 'Shared',
    readers: networkReaders,
    answerers: ['coordinator', 'partner_editor'],
    resultReaders: networkReaders,
  },
  { key: 'Foreign', readers: coordinator, answerers: coordinator, resultReaders: coordinator },
] as const satisfies readonly {
  key: string
  readers: readonly Who[]
  answerers: readonly Who[]
  resultReaders: readonly Who[]
}[]

function probes(): Probe[] {
  const list: Probe[] = [
    { route: 'rsa._index', method: 'GET', url: '/rsa', allowed: networkReaders },
    { route: 'rsa.ny', method: 'GET', url: '/rsa/ny', allowed: coordinator },
    { route: 'rsa.ny', method: 'POST', url: '/rsa/ny', body: {}, allowed: coordinator },
  ]
  for (const { key, readers, answerers, resultReaders } of analyses) {
    const id = `:rsa${key}Analysis`
    const event = `:rsa${key}Event`
    const measure = `:rsa${key}Measure`
    const base = `/rsa/${id}`
    const probe = (
      route: string,
      method: 'GET' | 'POST',
      url: string,
      allowed: readonly Who[],
      params: Record<string, string> = {},
      body?: Record<string, string>,
    ): Probe => ({
      route,
      method,
      url,
      params: { id, ...params },
      ...(method === 'POST' ? { body: body ?? {} } : {}),
      allowed: [...allowed],
      notFoundDenies: true,
    })
    // An invalid step: an allowed post gets 400 and nothing is written.
    const answer = (organisationId: string) => ({ organisationId, version: '0', intent: 'draft', likelihood: '9' })
    list.push(
      // The layout reads the analysis for the header; every page of it checks its own access again.
      probe('rsa.$id', 'GET', base, readers),
      probe('rsa.$id._index', 'GET', base, readers),
      probe('rsa.$id._index', 'POST', base, coordinator, {}, { intent: 'share', version: '999' }),
      probe('rsa.$id.installningar', 'GET', `${base}/installningar`, coordinator),
      probe('rsa.$id.installningar', 'POST', `${base}/installningar`, coordinator, {}, { intent: 'addEvent' }),
      probe(
        'rsa.$id.installningar',
        'POST',
        `${base}/installningar`,
        coordinator,
        {},
        { intent: 'removeEvent', eventId: event, version: '999' },
      ),
      probe('rsa.$id.svar', 'GET', `${base}/svar`, coordinator),
      probe('rsa.$id.svar_.$eventId', 'GET', `${base}/svar/${event}`, answerers, { eventId: event }),
      probe('rsa.$id.svar_.$eventId', 'GET', `${base}/svar/${event}?organisation=:other`, coordinator, {
        eventId: event,
      }),
      probe(
        'rsa.$id.svar_.$eventId',
        'POST',
        `${base}/svar/${event}`,
        key === 'Foreign' ? coordinator : answerers,
        { eventId: event },
        answer(key === 'Foreign' ? ':other' : ':own'),
      ),
      probe(
        'rsa.$id.svar_.$eventId',
        'POST',
        `${base}/svar/${event}`,
        coordinator,
        { eventId: event },
        answer(':other'),
      ),
      probe('rsa.$id.resultat', 'GET', `${base}/resultat`, resultReaders),
      probe('rsa.$id_.rapport', 'GET', `${base}/rapport`, resultReaders),
      probe('rsa.$id_.rapport[.pdf]', 'GET', `${base}/rapport.pdf`, resultReaders),
      probe('rsa.$id.berattelse', 'GET', `${base}/berattelse`, coordinator),
      probe('rsa.$id.berattelse', 'POST', `${base}/berattelse`, coordinator, {}, {}),
      probe('rsa.$id.atgarder', 'GET', `${base}/atgarder`, resultReaders),
      probe('rsa.$id.atgarder', 'POST', `${base}/atgarder`, coordinator, {}, { intent: 'measure' }),
      probe('rsa.$id.atgarder', 'POST', `${base}/atgarder`, coordinator, {}, { intent: 'followUp', year: 'x' }),
      probe('rsa.$id.atgarder_.$measureId', 'GET', `${base}/atgarder/${measure}`, coordinator, { measureId: measure }),
      probe(
        'rsa.$id.atgarder_.$measureId',
        'POST',
        `${base}/atgarder/${measure}`,
        coordinator,
        { measureId: measure },
        { intent: 'save' },
      ),
      probe('rsa.$id_.uppfoljning.$year', 'GET', `${base}/uppfoljning/2027`, resultReaders, { year: '2027' }),
    )
  }
  return list
}

export const area: AreaProbes = {
  probes,
  async setup(db, { own, other, userIds }) {
    const actorId = userIds.get('coordinator')!
    const ids: Record<string, string> = {}
    for (const { key } of analyses) {
      const analysis = await createAnalysis(db, {
        actorId,
        organisationId: other,
        title: `RSA ${key}`,
        periodStart: 2027,
        periodEnd: 2030,
        organisationIds: key === 'Foreign' ? [other] : [own, other],
        networkId: null,
      })
      if (key === 'Shared')
        await setResultsShared(db, { actorId, id: analysis.id, version: analysis.version, shared: true })
      const [event] = await listEvents(db, analysis.id)
      const scope = { actorId, analysis }
      const measure = await createMeasure(db, {
        ...scope,
        title: 'Reservkraft till vattenverket',
        description: '',
        ownerOrganisationId: other,
        dueDate: '2028-06-30',
        costEstimate: null,
        state: 'planned',
        eventId: event!.id,
      })
      await recordFollowUp(db, { ...scope, year: 2027, note: '' })
      ids[`:rsa${key}Analysis`] = analysis.id
      ids[`:rsa${key}Event`] = event!.id
      ids[`:rsa${key}Measure`] = measure.id
    }
    return ids
  },
}
