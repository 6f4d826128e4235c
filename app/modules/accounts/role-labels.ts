import type { Role } from '~/db/enums'

// Used in e-mails, which are always Swedish; pages use the i18n messages.
export const roleLabelSv: Record<Role, string> = {
  coordinator: 'samordnare',
  duty_officer: 'tjänsteperson i beredskap (TiB)',
  partner_editor: 'redaktör för organisationen',
  council_member: 'ledamot i lokalt BRÅ',
  informant: 'inrapportör',
  viewer: 'läsare',
}
