import { and, asc, count, eq, exists, inArray, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Executor } from '~/db/client.server'
import { meetingOrganisations, meetings } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { criticalServices, dependencies } from '~/db/schema/registry'
import { listAnswers } from './answers.server'
import { listEvents, listParticipants } from './analyses.server'
import { capabilityTable, findings, progress, riskMatrix, type CompileInput } from './compile'
import type { AnalysisWithScope } from './rsa-access.server'

/** What every compiled view starts from: events, participants and all their answers. */
export async function loadCompileInput(db: Executor, analysis: AnalysisWithScope) {
  const [events, participants, answers] = await Promise.all([
    listEvents(db, analysis.id),
    listParticipants(db, analysis.id),
    listAnswers(db, analysis.id),
  ])
  const input: CompileInput = {
    events,
    organisations: participants,
    answers,
    protectedValueKeys: analysis.protectedValues.map((value) => value.key),
  }
  return { events, participants, answers, input }
}

/** Risk matrix, capability per organisation and event, vulnerabilities and gaps, and who has answered. */
export async function compiledResults(db: Executor, analysis: AnalysisWithScope) {
  const { events, participants, input } = await loadCompileInput(db, analysis)
  return {
    events: events.map((event) => ({ id: event.id, title: event.title })),
    participants: participants.map((organisation) => ({ id: organisation.id, name: organisation.name })),
    risks: riskMatrix(input),
    capabilities: capabilityTable(input),
    findings: findings(input),
    progress: progress(input),
  }
}

/** A county-wide registry would fill hundreds of pages: the report lists this many and counts the rest. */
export const REPORT_LIST_MAX = 150

/**
 * Parts 3 and 4 of the report straight from the registry: the critical
 * services of the analysis's organisation and its participants, counted per
 * sector, and their dependencies, counted per resource.
 */
export async function registryForReport(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) {
    return {
      servicesBySector: [],
      services: [],
      serviceCount: 0,
      dependenciesByResource: [],
      dependencies: [],
      dependencyCount: 0,
    }
  }
  const ofOrganisations = inArray(criticalServices.organisationId, organisationIds)
  const other = alias(criticalServices, 'other_service')
  const otherOwner = alias(organisations, 'other_owner')
  const [servicesBySector, services, [serviceTotal], dependenciesByResource, dependencyRows, [dependencyTotal]] =
    await Promise.all([
      db
        .select({ sector: criticalServices.sector, count: count() })
        .from(criticalServices)
        .where(ofOrganisations)
        .groupBy(criticalServices.sector)
        .orderBy(asc(criticalServices.sector)),
      db
        .select({
          id: criticalServices.id,
          name: criticalServices.name,
          sector: criticalServices.sector,
          organisationName: organisations.name,
          acceptableOutageHours: criticalServices.acceptableOutageHours,
        })
        .from(criticalServices)
        .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
        .where(ofOrganisations)
        .orderBy(asc(criticalServices.sector), asc(organisations.name), asc(criticalServices.name))
        .limit(REPORT_LIST_MAX),
      db.select({ count: count() }).from(criticalServices).where(ofOrganisations),
      db
        .select({ resource: sql<string>`coalesce(${dependencies.resource}, 'service')`, count: count() })
        .from(dependencies)
        .innerJoin(criticalServices, eq(criticalServices.id, dependencies.serviceId))
        .where(ofOrganisations)
        .groupBy(sql`coalesce(${dependencies.resource}, 'service')`)
        .orderBy(sql`coalesce(${dependencies.resource}, 'service')`),
      db
        .select({
          id: dependencies.id,
          serviceName: criticalServices.name,
          organisationName: organisations.name,
          resource: dependencies.resource,
          otherServiceName: other.name,
          otherOrganisationName: otherOwner.name,
          copesHours: dependencies.copesHours,
          backupHours: dependencies.backupHours,
        })
        .from(dependencies)
        .innerJoin(criticalServices, eq(criticalServices.id, dependencies.serviceId))
        .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
        .leftJoin(other, eq(other.id, dependencies.dependsOnServiceId))
        .leftJoin(otherOwner, eq(otherOwner.id, other.organisationId))
        .where(ofOrganisations)
        .orderBy(asc(organisations.name), asc(criticalServices.name), asc(dependencies.copesHours))
        .limit(REPORT_LIST_MAX),
      db
        .select({ count: count() })
        .from(dependencies)
        .innerJoin(criticalServices, eq(criticalServices.id, dependencies.serviceId))
        .where(ofOrganisations),
    ])
  return {
    servicesBySector,
    services,
    serviceCount: serviceTotal?.count ?? 0,
    dependenciesByResource,
    dependencies: dependencyRows,
    dependencyCount: dependencyTotal?.count ?? 0,
  }
}

/** The RSA workshops of the process: held by one of the analysis's organisations or with any of them invited. */
export function workshopsFor(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([])
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, place: meetings.place })
    .from(meetings)
    .where(
      and(
        eq(meetings.kind, 'rsa_workshop'),
        eq(meetings.state, 'planned'),
        or(
          inArray(meetings.organiserOrganisationId, organisationIds),
          exists(
            db
              .select({ one: sql`1` })
              .from(meetingOrganisations)
              .where(
                and(
                  eq(meetingOrganisations.meetingId, meetings.id),
                  inArray(meetingOrganisations.organisationId, organisationIds),
                ),
              ),
          ),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
}
