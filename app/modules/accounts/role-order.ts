import { roles, type Role } from '~/db/enums'

/**
 * The higher of two roles in one organisation, by the order `roles` lists
 * them (coordinator first, viewer last): an invitation never moves a member down.
 */
export function higherRole(a: Role, b: Role): Role {
  return roles.indexOf(a) <= roles.indexOf(b) ? a : b
}
