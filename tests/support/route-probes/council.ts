import { eq } from 'drizzle-orm'
import type { Probe, Who } from '../../integration/route-access.test'
import { councilCategories, councilReports } from '../../../app/db/schema/council'
import { freezePicture, createPicture } from '../../../app/modules/council/situation.server'
import { makeCouncil } from '../factories'
import type { AreaProbes, AreaContext } from './areas'

/** The probing council member and informant, as member and informant of the council that is theirs. */
export function probingMembers(userIds: AreaContext['userIds']) {
  return [
    { userId: userIds.get('council_member')!, role: 'member' as const },
    { userId: userIds.get('informant')!, role: 'informant' as const },
  ]
}

// Three councils: one whose network holds the probing users' organisation and
// whose members they are; one of the other organisation alone; and one whose
// network holds both organisations but which has not made them members. Only
// the coordinator works with the last two; the coordinator reports to the
// overlapping one for their own organisation, which is in its network.
// Members and informants are granted per council, so sharing organisations
// opens nothing (docs/decisions/018-council-membership.md).
const signedIn: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'informant', 'viewer']
const workers: Who[] = ['coordinator', 'council_member']
const reporters: Who[] = ['coordinator', 'council_member', 'informant']
const coordinator: Who[] = ['coordinator']

function probes(): Probe[] {
  const list: Probe[] = [
    { route: 'trygghet._index', method: 'GET', url: '/trygghet', allowed: signedIn },
    { route: 'trygghet._index', method: 'POST', url: '/trygghet', body: {}, allowed: coordinator },
  ]
  // `section`: who may open any page of the council, and so its layout (header and links).
  for (const [key, work, report, settings, section] of [
    ['Own', workers, reporters, coordinator, reporters],
    ['Foreign', coordinator, [], coordinator, coordinator],
    ['Overlap', coordinator, coordinator, coordinator, coordinator],
  ] as const) {
    const id = `:council${key}`
    const reportId = `:council${key}Report`
    const picture = `:council${key}Picture`
    const base = `/trygghet/${id}`
    const probe = (
      route: string,
      method: 'GET' | 'POST',
      path: string,
      allowed: readonly Who[],
      body?: Record<string, string>,
      params: Record<string, string> = {},
    ): Probe => ({
      route,
      method,
      url: `${base}${path}`,
      params: { id, ...params },
      ...(method === 'POST' ? { body: body ?? {} } : {}),
      allowed: [...allowed],
      notFoundDenies: true,
    })
    list.push(
      probe('trygghet.$id', 'GET', '', section),
      probe('trygghet.$id._index', 'GET', '', work),
      probe('trygghet.$id.inkorg', 'GET', '/inkorg', work),
      probe('trygghet.$id.rapporter.$reportId', 'GET', `/rapporter/${reportId}`, work, undefined, { reportId }),
      // An invalid decision: an allowed post gets 400 and nothing is written.
      probe(
        'trygghet.$id.rapporter.$reportId',
        'POST',
        `/rapporter/${reportId}`,
        work,
        { decision: 'x', version: '1' },
        { reportId },
      ),
      probe('trygghet.$id.kategorier', 'GET', '/kategorier', work),
      probe('trygghet.$id.kategorier', 'POST', '/kategorier', work, { intent: 'add', name: '' }),
      probe('trygghet.$id.inrapportorer', 'GET', '/inrapportorer', work),
      probe('trygghet.$id.inrapportorer', 'POST', '/inrapportorer', work, { email: 'inte-en-adress' }),
      probe('trygghet.$id.inrapportorer', 'POST', '/inrapportorer', work, { intent: 'grant', userId: 'x' }),
      probe('trygghet.$id.inrapportorer', 'POST', '/inrapportorer', work, { intent: 'revoke', userId: 'x' }),
      probe('trygghet.$id.installningar', 'GET', '/installningar', settings),
      probe('trygghet.$id.installningar', 'POST', '/installningar', settings, { version: '1', name: '' }),
      probe('trygghet.$id.lasloggen', 'GET', '/lasloggen', coordinator),
      probe('trygghet.$id.rapportera', 'GET', '/rapportera', report),
      probe('trygghet.$id.rapportera', 'POST', '/rapportera', report, { description: '' }),
      probe('trygghet.$id.mina-rapporter', 'GET', '/mina-rapporter', report),
      probe('trygghet.$id.lagesbilder', 'GET', '/lagesbilder', work),
      probe('trygghet.$id.lagesbilder', 'POST', '/lagesbilder', work, { title: '' }),
      probe('trygghet.$id.lagesbilder_.$pictureId', 'GET', `/lagesbilder/${picture}`, work, undefined, {
        pictureId: picture,
      }),
      // A stale version: an allowed post gets 409 and nothing is frozen.
      probe(
        'trygghet.$id.lagesbilder_.$pictureId',
        'POST',
        `/lagesbilder/${picture}`,
        work,
        { intent: 'freeze', version: '99' },
        { pictureId: picture },
      ),
      probe(
        'trygghet.$id.lagesbilder_.$pictureId_.version.$number',
        'GET',
        `/lagesbilder/${picture}/version/1`,
        work,
        undefined,
        { pictureId: picture, number: '1' },
      ),
      probe(
        'trygghet.$id.lagesbilder_.$pictureId_.version.$number[.pdf]',
        'GET',
        `/lagesbilder/${picture}/version/1.pdf`,
        work,
        undefined,
        { pictureId: picture, number: '1' },
      ),
    )
  }
  return list
}

export const area: AreaProbes = {
  probes,
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
        name: `Lokalt BRÅ ${key}`,
        members: key === 'Own' ? probingMembers(userIds) : [],
      })
      const [category] = await db.select().from(councilCategories).where(eq(councilCategories.councilId, council.id))
      const [report] = await db
        .insert(councilReports)
        .values({
          councilId: council.id,
          reporterId: userIds.get('informant') ?? null,
          organisationId,
          categoryId: category!.id,
          locationKind: 'pin',
          lat: 58.0345,
          lng: 12.807,
          observedAt: new Date(),
          description: 'Klotter vid stationen.',
        })
        .returning()
      const picture = await createPicture(db, {
        actorId: userIds.get('coordinator')!,
        councilId: council.id,
        title: 'Lägesbild',
        periodFrom: '2026-01-01',
        periodTo: '2026-03-31',
        analysis: '',
        otherInformation: '',
      })
      await freezePicture(db, {
        actorId: userIds.get('coordinator')!,
        council,
        id: picture.id,
        version: picture.version,
      })
      ids[`:council${key}Picture`] = picture.id
      ids[`:council${key}`] = council.id
      ids[`:council${key}Report`] = report!.id
    }
    return ids
  },
}
