import { describe, expect, it } from 'vitest'
import { roles, type Role } from '../../app/db/enums'
import {
  can,
  editableOrganisationIds,
  isCoordinator,
  restrictedRouteScope,
  seesPrecisePositions,
  type Action,
  type Actor,
} from '../../app/modules/auth/permissions'

const OWN = '11111111-1111-4111-8111-111111111111'
const OTHER = '22222222-2222-4222-8222-222222222222'

type Target = 'own' | 'other' | 'none'

/**
 * What each role other than coordinator may do on its own organisation,
 * another's, and with no organisation named. Typed as a full record, so a new
 * Action does not compile until it has a row here.
 */
const limited: Record<Exclude<Role, 'coordinator'>, Record<Action, Target[]>> = {
  partner_editor: {
    'network.read': ['own', 'other', 'none'],
    'organisation.create': [],
    'organisation.update': ['own'],
    'organisation.members.read': ['own'],
    'contact.restricted.read': ['own'],
    'registry.oversee': [],
    'user.invite': [],
    'user.manage': [],
    'audit.read': [],
    'outbox.read': [],
    'scenario.read': ['own'],
    'scenario.create': ['own', 'other', 'none'],
    'scenario.update': ['own'],
    'scenario.share': [],
    'meeting.read': [],
    'meeting.manage': [],
    'meeting.answer': [],
    'meeting.evaluate': [],
    'actionItem.update': ['own'],
    'rsa.manage': [],
    'rsa.read': [],
    'rsa.answer': [],
    'rsa.results.read': [],
    'council.read': [],
    'council.manage': [],
    'council.report': [],
    'council.report.readOwn': [],
    'council.readLog': [],
    'council.settings': [],
    'event.create': [],
    'event.read': [],
    'event.manage': [],
    'event.report': [],
    'event.write': [],
    'mandate.read': [],
    'mandate.calendar.read': [],
    'mandate.manage': [],
    'mandate.deliverable.update': [],
  },
  council_member: {
    'network.read': ['own', 'other', 'none'],
    'organisation.create': [],
    'organisation.update': [],
    'organisation.members.read': ['own'],
    'contact.restricted.read': [],
    'registry.oversee': [],
    'user.invite': [],
    'user.manage': [],
    'audit.read': [],
    'outbox.read': [],
    'scenario.read': ['own'],
    'scenario.create': [],
    'scenario.update': [],
    'scenario.share': [],
    'meeting.read': [],
    'meeting.manage': [],
    'meeting.answer': [],
    'meeting.evaluate': [],
    'actionItem.update': [],
    'rsa.manage': [],
    'rsa.read': [],
    'rsa.answer': [],
    'rsa.results.read': [],
    'council.read': [],
    'council.manage': [],
    'council.report': [],
    'council.report.readOwn': [],
    'council.readLog': [],
    'council.settings': [],
    'event.create': [],
    'event.read': [],
    'event.manage': [],
    'event.report': [],
    'event.write': [],
    'mandate.read': [],
    'mandate.calendar.read': [],
    'mandate.manage': [],
    'mandate.deliverable.update': [],
  },
  informant: {
    'network.read': [],
    'organisation.create': [],
    'organisation.update': [],
    'organisation.members.read': [],
    'contact.restricted.read': [],
    'registry.oversee': [],
    'user.invite': [],
    'user.manage': [],
    'audit.read': [],
    'outbox.read': [],
    'scenario.read': [],
    'scenario.create': [],
    'scenario.update': [],
    'scenario.share': [],
    'meeting.read': [],
    'meeting.manage': [],
    'meeting.answer': [],
    'meeting.evaluate': [],
    'actionItem.update': [],
    'rsa.manage': [],
    'rsa.read': [],
    'rsa.answer': [],
    'rsa.results.read': [],
    'council.read': [],
    'council.manage': [],
    'council.report': [],
    'council.report.readOwn': [],
    'council.readLog': [],
    'council.settings': [],
    'event.create': [],
    'event.read': [],
    'event.manage': [],
    'event.report': [],
    'event.write': [],
    'mandate.read': [],
    'mandate.calendar.read': [],
    'mandate.manage': [],
    'mandate.deliverable.update': [],
  },
  viewer: {
    'network.read': ['own', 'other', 'none'],
    'organisation.create': [],
    'organisation.update': [],
    'organisation.members.read': ['own'],
    'contact.restricted.read': ['own'],
    'registry.oversee': [],
    'user.invite': [],
    'user.manage': [],
    'audit.read': [],
    'outbox.read': [],
    'scenario.read': ['own'],
    'scenario.create': [],
    'scenario.update': [],
    'scenario.share': [],
    'meeting.read': [],
    'meeting.manage': [],
    'meeting.answer': [],
    'meeting.evaluate': [],
    'actionItem.update': [],
    'rsa.manage': [],
    'rsa.read': [],
    'rsa.answer': [],
    'rsa.results.read': [],
    'council.read': [],
    'council.manage': [],
    'council.report': [],
    'council.report.readOwn': [],
    'council.readLog': [],
    'council.settings': [],
    'event.create': [],
    'event.read': [],
    'event.manage': [],
    'event.report': [],
    'event.write': [],
    'mandate.read': [],
    'mandate.calendar.read': [],
    'mandate.manage': [],
    'mandate.deliverable.update': [],
  },
  duty_officer: {
    'network.read': ['own', 'other', 'none'],
    'organisation.create': [],
    'organisation.update': [],
    'organisation.members.read': ['own'],
    'contact.restricted.read': ['own'],
    'registry.oversee': [],
    'user.invite': [],
    'user.manage': [],
    'audit.read': [],
    'outbox.read': [],
    'scenario.read': ['own'],
    'scenario.create': [],
    'scenario.update': [],
    'scenario.share': [],
    'meeting.read': [],
    'meeting.manage': [],
    'meeting.answer': [],
    'meeting.evaluate': [],
    'actionItem.update': [],
    'rsa.manage': [],
    'rsa.read': [],
    'rsa.answer': [],
    'rsa.results.read': [],
    'council.read': [],
    'council.manage': [],
    'council.report': [],
    'council.report.readOwn': [],
    'council.readLog': [],
    'council.settings': [],
    'event.create': ['own', 'other', 'none'],
    'event.read': ['own', 'other', 'none'],
    'event.manage': ['own', 'other', 'none'],
    'event.report': ['own', 'other', 'none'],
    'event.write': ['own', 'other', 'none'],
    'mandate.read': ['own', 'other', 'none'],
    'mandate.calendar.read': ['own', 'other', 'none'],
    'mandate.manage': [],
    'mandate.deliverable.update': [],
  },
}

const actions = Object.keys(limited.viewer) as Action[]

const expected: Record<Role, Record<Action, Target[]>> = {
  coordinator: Object.fromEntries(actions.map((action) => [action, ['own', 'other', 'none']])) as Record<
    Action,
    Target[]
  >,
  ...limited,
}

const targets: { target: Target; resource: { organisationId?: string } | undefined }[] = [
  { target: 'own', resource: { organisationId: OWN } },
  { target: 'other', resource: { organisationId: OTHER } },
  { target: 'none', resource: undefined },
]

const cases = roles.flatMap((role) =>
  actions.flatMap((action) =>
    targets.map(({ target, resource }) => ({
      role,
      action,
      target,
      resource,
      allowed: expected[role][action].includes(target),
    })),
  ),
)

describe('can', () => {
  it('covers every role and every action', () => {
    expect(cases).toHaveLength(roles.length * actions.length * targets.length)
    expect(Object.keys(expected).sort()).toEqual([...roles].sort())
  })

  it.each(cases)('$role: $action on $target organisation → $allowed', ({ role, action, resource, allowed }) => {
    const actor: Actor = { memberships: [{ organisationId: OWN, role }] }
    expect(can(actor, action, resource)).toBe(allowed)
  })

  it('lets the members of an invited or participating organisation read, and its editors answer only for it', () => {
    const invited = { organisationIds: [OWN] }
    for (const role of ['partner_editor', 'council_member', 'viewer'] as const) {
      const member: Actor = { memberships: [{ organisationId: OWN, role }] }
      const outsider: Actor = { memberships: [{ organisationId: OTHER, role }] }
      expect([can(member, 'meeting.read', invited), can(member, 'rsa.read', invited)]).toEqual([true, true])
      expect([can(outsider, 'meeting.read', invited), can(outsider, 'rsa.read', invited)]).toEqual([false, false])
      expect(can(member, 'meeting.evaluate', invited)).toBe(true)
      expect(can(member, 'meeting.manage', invited)).toBe(false)
      expect(can(member, 'rsa.manage', invited)).toBe(false)
    }
    const editor: Actor = { memberships: [{ organisationId: OWN, role: 'partner_editor' }] }
    const viewer: Actor = { memberships: [{ organisationId: OWN, role: 'viewer' }] }
    expect(can(editor, 'meeting.answer', { organisationId: OWN, organisationIds: [OWN] })).toBe(true)
    expect(can(editor, 'rsa.answer', { organisationId: OWN, organisationIds: [OWN, OTHER] })).toBe(true)
    // Not for another organisation, nor for its own if that was not invited; a viewer never answers.
    expect(can(editor, 'meeting.answer', { organisationId: OTHER, organisationIds: [OWN, OTHER] })).toBe(false)
    expect(can(editor, 'rsa.answer', { organisationId: OWN, organisationIds: [OTHER] })).toBe(false)
    expect(can(viewer, 'meeting.answer', { organisationId: OWN, organisationIds: [OWN] })).toBe(false)
    // Compiled RSA results only once shared, and only to participants.
    expect(can(viewer, 'rsa.results.read', { organisationIds: [OWN], shared: false })).toBe(false)
    expect(can(viewer, 'rsa.results.read', { organisationIds: [OWN], shared: true })).toBe(true)
    expect(can(viewer, 'rsa.results.read', { organisationIds: [OTHER], shared: true })).toBe(false)
    const informant: Actor = { memberships: [{ organisationId: OWN, role: 'informant' }] }
    expect(can(informant, 'meeting.read', invited)).toBe(false)
    const coordinator: Actor = { memberships: [{ organisationId: OTHER, role: 'coordinator' }] }
    expect(can(coordinator, 'rsa.results.read', { organisationIds: [OWN], shared: false })).toBe(true)
  })

  it('shows an event to its taking-part organisations and the county board, and lets editors report only for their own', () => {
    const COUNTY = '44444444-4444-4444-8444-444444444444'
    const event = { organisationIds: [OWN], observerOrganisationIds: [COUNTY] }
    for (const role of ['partner_editor', 'council_member', 'viewer'] as const) {
      expect(can({ memberships: [{ organisationId: OWN, role }] }, 'event.read', event)).toBe(true)
      expect(can({ memberships: [{ organisationId: COUNTY, role }] }, 'event.read', event)).toBe(true)
      expect(can({ memberships: [{ organisationId: OTHER, role }] }, 'event.read', event)).toBe(false)
      expect(can({ memberships: [{ organisationId: OWN, role }] }, 'event.manage', event)).toBe(false)
    }
    expect(can({ memberships: [{ organisationId: OWN, role: 'informant' }] }, 'event.read', event)).toBe(false)
    const editor: Actor = { memberships: [{ organisationId: OWN, role: 'partner_editor' }] }
    expect(can(editor, 'event.report', { ...event, organisationId: OWN })).toBe(true)
    expect(can(editor, 'event.write', { ...event, organisationId: OWN })).toBe(true)
    // Not for another organisation, nor for its own once it no longer takes part; the county board only reads.
    expect(can(editor, 'event.report', { ...event, organisationId: OTHER })).toBe(false)
    expect(can(editor, 'event.report', { organisationId: OWN, organisationIds: [OTHER] })).toBe(false)
    const countyViewer: Actor = { memberships: [{ organisationId: COUNTY, role: 'viewer' }] }
    expect(can(countyViewer, 'event.write', { ...event, organisationId: COUNTY })).toBe(false)
    // The duty officer leads every event, like the coordinator.
    const tib: Actor = { memberships: [{ organisationId: OTHER, role: 'duty_officer' }] }
    expect([can(tib, 'event.create'), can(tib, 'event.read', event), can(tib, 'event.manage', event)]).toEqual([
      true,
      true,
      true,
    ])
  })

  it('lets every network reader see a shared scenario, and only the coordinator change it', () => {
    const shared = { organisationId: OWN, draft: false }
    for (const role of ['partner_editor', 'council_member', 'viewer'] as const) {
      const actor: Actor = { memberships: [{ organisationId: OTHER, role }] }
      expect(can(actor, 'scenario.read', shared)).toBe(true)
      expect(can({ memberships: [{ organisationId: OWN, role }] }, 'scenario.update', shared)).toBe(false)
    }
    expect(can({ memberships: [{ organisationId: OWN, role: 'informant' }] }, 'scenario.read', shared)).toBe(false)
    expect(can({ memberships: [{ organisationId: OTHER, role: 'coordinator' }] }, 'scenario.update', shared)).toBe(true)
    // A draft stays with its organisation.
    const draft = { organisationId: OWN, draft: true }
    expect(can({ memberships: [{ organisationId: OTHER, role: 'partner_editor' }] }, 'scenario.read', draft)).toBe(
      false,
    )
    expect(can({ memberships: [{ organisationId: OWN, role: 'partner_editor' }] }, 'scenario.update', draft)).toBe(true)
  })

  it('denies everything to a user without memberships', () => {
    const actor: Actor = { memberships: [] }
    for (const action of actions) {
      expect(can(actor, action)).toBe(false)
      expect(can(actor, action, { organisationId: OWN })).toBe(false)
    }
    expect(isCoordinator(actor)).toBe(false)
    expect(restrictedRouteScope(actor)).toEqual([])
  })

  describe('a user with several memberships', () => {
    const A = OWN
    const B = OTHER
    const C = '33333333-3333-4333-8333-333333333333'

    it('edits only the organisation where the role is partner_editor', () => {
      const actor: Actor = {
        memberships: [
          { organisationId: A, role: 'partner_editor' },
          { organisationId: B, role: 'viewer' },
        ],
      }
      expect(can(actor, 'organisation.update', { organisationId: A })).toBe(true)
      expect(can(actor, 'organisation.update', { organisationId: B })).toBe(false)
      expect(can(actor, 'organisation.update', { organisationId: C })).toBe(false)
      expect(can(actor, 'organisation.members.read', { organisationId: A })).toBe(true)
      expect(can(actor, 'organisation.members.read', { organisationId: B })).toBe(true)
      expect(can(actor, 'organisation.members.read', { organisationId: C })).toBe(false)
      expect(can(actor, 'user.manage')).toBe(false)
      expect(can(actor, 'contact.restricted.read', { organisationId: B })).toBe(true)
      expect(can(actor, 'contact.restricted.read', { organisationId: C })).toBe(false)
      expect(editableOrganisationIds(actor)).toEqual([A])
      expect(restrictedRouteScope(actor)?.sort()).toEqual([A, B].sort())
    })

    it('reads restricted contact routes only as partner editor or viewer, never as informant or council member', () => {
      const actor: Actor = {
        memberships: [
          { organisationId: A, role: 'council_member' },
          { organisationId: B, role: 'informant' },
          { organisationId: C, role: 'viewer' },
        ],
      }
      expect(can(actor, 'contact.restricted.read', { organisationId: A })).toBe(false)
      expect(can(actor, 'contact.restricted.read', { organisationId: B })).toBe(false)
      expect(can(actor, 'contact.restricted.read', { organisationId: C })).toBe(true)
      expect(restrictedRouteScope(actor)).toEqual([C])
    })

    it('reads the network through any reading role, even alongside informant', () => {
      const actor: Actor = {
        memberships: [
          { organisationId: A, role: 'informant' },
          { organisationId: B, role: 'council_member' },
        ],
      }
      expect(can(actor, 'network.read')).toBe(true)
      expect(can(actor, 'organisation.members.read', { organisationId: A })).toBe(false)
      expect(can(actor, 'organisation.members.read', { organisationId: B })).toBe(true)
      expect(can(actor, 'organisation.update', { organisationId: A })).toBe(false)
      expect(editableOrganisationIds(actor)).toEqual([])
    })

    it('is a coordinator everywhere when coordinator in one organisation', () => {
      const actor: Actor = {
        memberships: [
          { organisationId: A, role: 'informant' },
          { organisationId: B, role: 'coordinator' },
        ],
      }
      expect(isCoordinator(actor)).toBe(true)
      expect(restrictedRouteScope(actor)).toBeNull()
      for (const action of actions) {
        expect(can(actor, action, { organisationId: A })).toBe(true)
        expect(can(actor, action, { organisationId: C })).toBe(true)
      }
    })

    it('lists every organisation the user edits', () => {
      const actor: Actor = {
        memberships: [
          { organisationId: A, role: 'partner_editor' },
          { organisationId: B, role: 'partner_editor' },
          { organisationId: C, role: 'viewer' },
        ],
      }
      expect(editableOrganisationIds(actor).sort()).toEqual([A, B].sort())
      expect(can(actor, 'organisation.update', { organisationId: B })).toBe(true)
      expect(can(actor, 'organisation.update', { organisationId: C })).toBe(false)
    })
  })

  describe('the crime-prevention council', () => {
    const COUNCIL = 'c0c0c0c0-0000-4000-8000-000000000001'
    const OTHER_COUNCIL = 'c0c0c0c0-0000-4000-8000-000000000002'
    const NETWORK = [OWN]
    const grants = (role: 'member' | 'informant', councilId = COUNCIL) => [{ councilId, role }]
    const actor = (r: Role, councils: Actor['councils'] = [], organisationId = OWN): Actor => ({
      id: 'u1',
      memberships: [{ organisationId, role: r }],
      councils,
    })
    const council = { councilId: COUNCIL, organisationIds: NETWORK }

    it('lets only the council members it granted read and compile, and the coordinator', () => {
      for (const r of roles) {
        const allowed = r === 'council_member' || r === 'coordinator'
        expect(can(actor(r, grants('member')), 'council.read', council), r).toBe(allowed)
        expect(can(actor(r, grants('member')), 'council.manage', council), r).toBe(allowed)
      }
      // Without a grant of this council, a council member of an organisation of its network reads nothing of it.
      expect(can(actor('council_member'), 'council.read', council)).toBe(false)
      expect(can(actor('council_member', grants('member', OTHER_COUNCIL)), 'council.read', council)).toBe(false)
      expect(can(actor('council_member', grants('informant')), 'council.read', council)).toBe(false)
      // Nor without the loaded grants at all, whatever the network holds.
      expect(can({ memberships: [{ organisationId: OWN, role: 'council_member' }] }, 'council.read', council)).toBe(
        false,
      )
      // The coordinator needs no grant.
      expect(can(actor('coordinator'), 'council.manage', council)).toBe(true)
    })

    it('lets a granted informant report for their own organisation when it is in the network', () => {
      const report = { ...council, organisationId: OWN }
      expect(can(actor('informant', grants('informant')), 'council.report', report)).toBe(true)
      expect(can(actor('council_member', grants('member')), 'council.report', report)).toBe(true)
      expect(can(actor('informant'), 'council.report', report)).toBe(false)
      expect(can(actor('informant', grants('informant', OTHER_COUNCIL)), 'council.report', report)).toBe(false)
      expect(
        can(actor('informant', grants('informant')), 'council.report', {
          ...council,
          organisationIds: [OWN, OTHER],
          organisationId: OTHER,
        }),
      ).toBe(false)
      expect(
        can(actor('informant', grants('informant'), OTHER), 'council.report', { ...council, organisationId: OTHER }),
      ).toBe(false)
      for (const r of ['partner_editor', 'viewer'] as const) {
        expect(can(actor(r, grants('informant')), 'council.report', report), r).toBe(false)
      }
    })

    it('shows an informant their own reports only', () => {
      const informant = actor('informant', grants('informant'))
      expect(can(informant, 'council.report.readOwn', { ownerUserId: 'u1' })).toBe(true)
      expect(can(informant, 'council.report.readOwn', { ownerUserId: 'u2' })).toBe(false)
      expect(can(informant, 'council.report.readOwn', { ownerUserId: null })).toBe(false)
      expect(
        can({ memberships: [{ organisationId: OWN, role: 'informant' }] }, 'council.report.readOwn', {
          ownerUserId: undefined,
        }),
      ).toBe(false)
      expect(can(informant, 'council.read', council)).toBe(false)
    })

    it('shows precise positions to the council’s own members only, not even to the coordinator', () => {
      expect(seesPrecisePositions(actor('council_member', grants('member')), COUNCIL)).toBe(true)
      expect(seesPrecisePositions(actor('coordinator'), COUNCIL)).toBe(false)
      expect(seesPrecisePositions(actor('council_member'), COUNCIL)).toBe(false)
      expect(seesPrecisePositions(actor('council_member', grants('member', OTHER_COUNCIL)), COUNCIL)).toBe(false)
      // A grant outlives no change of role: a former council member, now a viewer, sees nothing.
      expect(seesPrecisePositions(actor('viewer', grants('member')), COUNCIL)).toBe(false)
    })
  })
})

describe('the mandate period', () => {
  it('shows a shared calendar to the network, the whole period only to the coordinator and duty officers', () => {
    for (const role of ['partner_editor', 'council_member', 'viewer'] as const) {
      const partner: Actor = { memberships: [{ organisationId: OWN, role }] }
      expect(can(partner, 'mandate.calendar.read', { shared: true })).toBe(true)
      expect(can(partner, 'mandate.calendar.read', { shared: false })).toBe(false)
      expect(can(partner, 'mandate.read', { shared: true })).toBe(false)
      expect(can(partner, 'mandate.manage', { shared: true })).toBe(false)
    }
    const informant: Actor = { memberships: [{ organisationId: OWN, role: 'informant' }] }
    expect(can(informant, 'mandate.calendar.read', { shared: true })).toBe(false)
    const tib: Actor = { memberships: [{ organisationId: OWN, role: 'duty_officer' }] }
    expect([can(tib, 'mandate.read'), can(tib, 'mandate.calendar.read'), can(tib, 'mandate.manage')]).toEqual([
      true,
      true,
      false,
    ])
  })

  it("lets a deliverable's owner, and only its owner, update it", () => {
    const owner: Actor = { id: 'u-1', memberships: [{ organisationId: OWN, role: 'viewer' }] }
    const other: Actor = { id: 'u-2', memberships: [{ organisationId: OWN, role: 'partner_editor' }] }
    expect(can(owner, 'mandate.deliverable.update', { ownerUserId: 'u-1' })).toBe(true)
    expect(can(other, 'mandate.deliverable.update', { ownerUserId: 'u-1' })).toBe(false)
    expect(can(other, 'mandate.deliverable.update', { ownerUserId: null })).toBe(false)
    expect(can({ memberships: owner.memberships }, 'mandate.deliverable.update', { ownerUserId: 'u-1' })).toBe(false)
  })
})
