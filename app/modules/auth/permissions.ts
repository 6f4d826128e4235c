import type { CouncilRole, Role } from '~/db/enums'

/**
 * The one place that decides who may do what. Every loader and action asks
 * `can` (through the require… helpers in guards.server.ts). "Own" always
 * means the user's own organisation.
 */
export interface MembershipRef {
  organisationId: string
  role: Role
}

/** A grant of one council to the user (council_members). */
export interface CouncilGrantRef {
  councilId: string
  role: CouncilRole
}

export interface Actor {
  /** The signed-in user; needed only where a user's own records count (an informant's reports). */
  id?: string
  memberships: MembershipRef[]
  /** The councils granted to the user; loaded by the council pages only. Without it, no council but the coordinator's. */
  councils?: readonly CouncilGrantRef[]
}

export type Action =
  | 'network.read'
  | 'organisation.create'
  | 'organisation.update'
  | 'organisation.members.read'
  | 'user.invite'
  | 'user.manage'
  | 'audit.read'
  | 'outbox.read'
  /** Restricted contact routes (personal mobiles …) of an organisation: its own partner editors and viewers. */
  | 'contact.restricted.read'
  /** Networks, the staleness dashboard, reminders and imports. */
  | 'registry.oversee'
  /** Outage scenarios: shared ones are the network's; a draft is its organisation's until shared. */
  | 'scenario.read'
  | 'scenario.create'
  | 'scenario.update'
  /** Sharing a scenario with the network, or taking it back. */
  | 'scenario.share'
  /** Meetings: the coordinator convenes and records; an invited organisation's members read. */
  | 'meeting.read'
  | 'meeting.manage'
  /** Answering an invitation, and recording a theme day's findings, for one's own organisation. */
  | 'meeting.answer'
  /** Filling in the evaluation questionnaire of a meeting one's organisation was invited to. */
  | 'meeting.evaluate'
  /** Changing the state of an action item one's organisation owns. */
  | 'actionItem.update'
  /** The RSA: the coordinator sets it up and compiles it; a participating organisation answers for itself. */
  | 'rsa.manage'
  | 'rsa.read'
  | 'rsa.answer'
  /** The compiled results (matrix, report, action plan): the coordinator's until shared with the participants. */
  | 'rsa.results.read'
  /**
   * The crime-prevention council (a network): the council members it has
   * granted read and compile reports, areas, statistics, situation pictures
   * and measures, and manage who takes part.
   */
  | 'council.read'
  | 'council.manage'
  /** Filing a report to a council one is granted, for one's own organisation, which must be in its network. */
  | 'council.report'
  /** A report one filed oneself, and the council's feedback on it. */
  | 'council.report.readOwn'
  /** Who read which report: the coordinator's oversight. */
  | 'council.readLog'
  /** Setting up a council, its retention period and position coarsening. */
  | 'council.settings'
  /**
   * Events (the event room): the coordinator and duty officers declare and
   * lead them; the taking-part organisations' members read, their editors
   * report their own services' status and write in the log; the county
   * board's (Länsstyrelsen's) members read. Nobody else sees that one exists.
   */
  | 'event.create'
  | 'event.read'
  | 'event.manage'
  /** Reporting the status of one's own organisation's services: resource.organisationId, which must be taking part. */
  | 'event.report'
  /** Writing in the event log and publishing one's own organisation's key messages. */
  | 'event.write'
  /**
   * The mandate period (årshjul, training and exercise plan, grant report):
   * the coordinator manages it; duty officers read all of it; a deliverable's
   * owner updates that deliverable; once the coordinator shares the calendar,
   * the network's readers see what is due when (never documents or notes).
   */
  | 'mandate.read'
  | 'mandate.calendar.read'
  | 'mandate.manage'
  | 'mandate.deliverable.update'

export interface Resource {
  organisationId?: string
  /** For scenarios: whether it is still a draft. */
  draft?: boolean
  /** For meetings and analyses: the organisations invited or taking part. */
  organisationIds?: readonly string[]
  /** For an analysis: whether the coordinator has shared its compiled results. */
  shared?: boolean
  /** For an informant report: who filed it. */
  ownerUserId?: string | null
  /** For a council's pages: which council. */
  councilId?: string
  /** For an event: the county boards' organisations, which read every event. */
  observerOrganisationIds?: readonly string[]
}

const networkReaders: readonly Role[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
// Never through an informant or council-member membership: a council could
// otherwise invite its way into any organisation's personal numbers.
const restrictedRouteReaders: readonly Role[] = ['duty_officer', 'partner_editor', 'viewer']
/** Who leads events besides the coordinator: the duty officer (TiB). */
const eventLeaders: readonly Role[] = ['duty_officer']
/** Who reads the whole mandate period besides the coordinator: the duty officers, whose training it plans. */
const mandateReaders: readonly Role[] = ['duty_officer']

export function isCoordinator(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === 'coordinator')
}

function hasRole(actor: Actor, roles: readonly Role[], organisationId?: string): boolean {
  return actor.memberships.some(
    (m) => roles.includes(m.role) && (organisationId === undefined || m.organisationId === organisationId),
  )
}

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (isCoordinator(actor)) return true
  switch (action) {
    case 'network.read':
      return hasRole(actor, networkReaders)
    case 'organisation.update':
      return resource.organisationId !== undefined && hasRole(actor, ['partner_editor'], resource.organisationId)
    case 'organisation.members.read':
      return resource.organisationId !== undefined && hasRole(actor, networkReaders, resource.organisationId)
    case 'contact.restricted.read': {
      const scope = restrictedRouteScope(actor)
      return resource.organisationId !== undefined && (scope === null || scope.includes(resource.organisationId))
    }
    // A scenario not said to be shared counts as a draft.
    case 'scenario.read':
      return resource.draft === false ? hasRole(actor, networkReaders) : ownsDraft(actor, resource, networkReaders)
    case 'scenario.create':
      return hasRole(actor, ['partner_editor'])
    case 'scenario.update':
      return resource.draft !== false && ownsDraft(actor, resource, ['partner_editor'])
    case 'meeting.read':
    case 'rsa.read':
      return memberOfAny(actor, resource.organisationIds, networkReaders)
    case 'meeting.evaluate':
      return memberOfAny(actor, resource.organisationIds, ['duty_officer', 'partner_editor', 'council_member', 'viewer'])
    // One's own organisation, and only if it is among those invited or taking part.
    case 'meeting.answer':
    case 'rsa.answer':
      return (
        resource.organisationId !== undefined &&
        (resource.organisationIds?.includes(resource.organisationId) ?? false) &&
        hasRole(actor, ['partner_editor'], resource.organisationId)
      )
    case 'actionItem.update':
      return resource.organisationId !== undefined && hasRole(actor, ['partner_editor'], resource.organisationId)
    case 'rsa.results.read':
      return resource.shared === true && memberOfAny(actor, resource.organisationIds, networkReaders)
    case 'council.read':
    case 'council.manage':
      return isCouncilMember(actor, resource.councilId)
    case 'council.report':
      return (
        grantOf(actor, resource.councilId) !== undefined &&
        resource.organisationId !== undefined &&
        (resource.organisationIds?.includes(resource.organisationId) ?? false) &&
        hasRole(actor, ['informant', 'council_member'], resource.organisationId)
      )
    case 'council.report.readOwn':
      return actor.id !== undefined && resource.ownerUserId === actor.id
    case 'event.create':
      return hasRole(actor, eventLeaders)
    case 'event.read':
      return (
        hasRole(actor, eventLeaders) ||
        memberOfAny(actor, resource.organisationIds, networkReaders) ||
        memberOfAny(actor, resource.observerOrganisationIds, networkReaders)
      )
    case 'event.manage':
      return hasRole(actor, eventLeaders)
    // One's own organisation, and only while it takes part.
    case 'event.report':
    case 'event.write':
      return (
        hasRole(actor, eventLeaders) ||
        (resource.organisationId !== undefined &&
          (resource.organisationIds?.includes(resource.organisationId) ?? false) &&
          hasRole(actor, ['partner_editor'], resource.organisationId))
      )
    case 'mandate.read':
      return hasRole(actor, mandateReaders)
    case 'mandate.calendar.read':
      return hasRole(actor, mandateReaders) || (resource.shared === true && hasRole(actor, networkReaders))
    case 'mandate.deliverable.update':
      return actor.id !== undefined && resource.ownerUserId === actor.id
    case 'mandate.manage':
    case 'meeting.manage':
    case 'rsa.manage':
    case 'council.readLog':
    case 'council.settings':
    case 'organisation.create':
    case 'scenario.share':
    case 'registry.oversee':
    case 'user.invite':
    case 'user.manage':
    case 'audit.read':
    case 'outbox.read':
      return false
  }
}

/** Whether the council pages are anything for this user: the coordinator, council members and informants. */
export function takesPartInCouncils(actor: Actor): boolean {
  return isCoordinator(actor) || hasRole(actor, ['council_member', 'informant'])
}

/**
 * Whether report positions are shown as reported: only to the council's own
 * members. Everyone else, the coordinator too, sees them coarsened.
 */
export function seesPrecisePositions(actor: Actor, councilId: string): boolean {
  return isCouncilMember(actor, councilId)
}

function grantOf(actor: Actor, councilId: string | undefined): CouncilRole | undefined {
  if (councilId === undefined) return undefined
  return actor.councils?.find((grant) => grant.councilId === councilId)?.role
}

/**
 * A member of this council: granted as member, and a council member by role
 * (the role that asks for a second factor). A grant outlives neither a
 * change of role nor a revocation.
 */
function isCouncilMember(actor: Actor, councilId: string | undefined): boolean {
  return grantOf(actor, councilId) === 'member' && hasRole(actor, ['council_member'])
}

function memberOfAny(actor: Actor, organisationIds: readonly string[] | undefined, roles: readonly Role[]): boolean {
  return (organisationIds ?? []).some((organisationId) => hasRole(actor, roles, organisationId))
}

function ownsDraft(actor: Actor, resource: Resource, roles: readonly Role[]): boolean {
  return resource.organisationId !== undefined && hasRole(actor, roles, resource.organisationId)
}

/**
 * Organisations whose restricted contact routes the actor may read; null
 * means all of them (the coordinator). The one rule for every reader of
 * contact routes: the organisation page, its history, the directory, its
 * exports, the map and `can('contact.restricted.read')`.
 */
export function restrictedRouteScope(actor: Actor): string[] | null {
  if (isCoordinator(actor)) return null
  const readable = actor.memberships.filter((m) => restrictedRouteReaders.includes(m.role))
  return [...new Set(readable.map((m) => m.organisationId))]
}

/** The organisations whose data this actor may edit. */
export function editableOrganisationIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'partner_editor').map((m) => m.organisationId)
}
