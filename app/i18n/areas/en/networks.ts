// English messages of the area; the Swedish ones, and the keys, are in ../networks.ts.
import type { Translation } from '../../plural'
import type { sv } from '../networks'

export const en: Translation<typeof sv> = {
  'networks.title': 'Networks',
  'networks.intro':
    'The networks the municipality takes part in: sub-regional crisis cooperation, the local crime-prevention council, Posom and others.',
  'networks.members': 'Members',
  'networks.memberCount': '{count} members',
  'networks.noMembers': 'The network has no members yet.',
  'networks.coordinator': 'Coordinating organisation',
  'networks.noCoordinator': 'None chosen',
  'networks.create': 'New network',
  'networks.created': 'The network has been created.',
  'networks.edit': "Edit the network's details",
  'networks.saved': "The network's details have been saved.",
  'networks.conflict':
    'Someone else changed the network while you were editing. Your changes were not saved but are kept in the form; the current values are shown by the fields. Save again to overwrite them.',
  'networks.addMember': 'Add member',
  'networks.add': 'Add',
  'networks.remove': 'Remove {name} from the network',
  'networks.memberAdded': '{name} has been added to the network.',
  'networks.memberRemoved': '{name} has been removed from the network.',
  'networks.partOf': 'Member of networks',
  'networks.none': 'No networks yet.',
  'networks.meta.fallback': 'Network',
}
