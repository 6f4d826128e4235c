import { formatPhoneNumber } from '~/i18n/format'
import type { Translate } from '~/i18n/i18n'
import { CRLF, escapeText, foldLine } from '~/modules/text/content-line'
import { dialNumber } from '~/modules/text/phone'
import { confirmedText, type ExportOrganisation, type ExportRoute } from './export-csv'

/**
 * vCard 3.0 (RFC 2426), the version every phone and mail program imports;
 * escaping, line ends and folding follow RFC 6350, which is stricter and
 * agrees with 3.0 on all of them. One card per organisation.
 */
interface Property {
  name: string
  params?: string
  value: string
}

function contentLines(properties: Property[]): string {
  return properties
    .map(({ name, params, value }) => foldLine(`${name}${params ? `;${params}` : ''}:${value}`) + CRLF)
    .join('')
}

const telephoneTypes: Partial<Record<string, string>> = {
  phone: 'WORK,VOICE',
  mobile: 'CELL,VOICE',
  satellite_phone: 'WORK,VOICE',
}

/** Channels a phone cannot dial or mail; they go in the note. */
const noteChannels = new Set(['rakel', 'radio', 'meeting_point'])

/** "TiB – tjänsteperson i beredskap, dygnet runt (24/7)", and the channel when a number is a satellite phone. */
function routeTitle(t: Translate, route: ExportRoute): string {
  const fn = t(`contactFunction.${route.function}`)
  const title = route.availability === 'always' ? `${fn}, ${t('availability.always').toLowerCase()}` : fn
  return route.channel === 'satellite_phone' ? `${title} – ${t('contactChannel.satellite_phone')}` : title
}

/** One organisation's card: name, phone numbers and e-mail in crisis order, the rest in the note. */
export function organisationCard(t: Translate, organisation: ExportOrganisation): string {
  const name = escapeText(organisation.name)
  const properties: Property[] = [
    { name: 'BEGIN', value: 'VCARD' },
    { name: 'VERSION', value: '3.0' },
    { name: 'PRODID', value: '-//Omradesansvarsportalen//Kontaktlista//SV' },
    { name: 'UID', value: `urn:uuid:${organisation.id}` },
    { name: 'N', value: `${name};;;;` },
    { name: 'FN', value: name },
    { name: 'ORG', value: name },
    // Apple's contacts show the card as a company rather than a person.
    { name: 'X-ABSHOWAS', value: 'COMPANY' },
  ]
  let item = 0
  let preferred = false
  const notes: string[] = []
  for (const route of organisation.routes) {
    const telephone = telephoneTypes[route.channel]
    if (telephone || route.channel === 'email') {
      // A group ties a label ("ISK", "TiB (24/7)") to the number in Apple's and Google's contacts.
      // The number is dialled as +46 so that it works abroad and behind a switchboard; the
      // label keeps the national form people read out and write down.
      const group = `item${++item}`
      const pref = preferred ? '' : ',PREF'
      preferred = true
      properties.push(
        telephone
          ? { name: `${group}.TEL`, params: `TYPE=${telephone}${pref}`, value: escapeText(dialNumber(route.value)) }
          : { name: `${group}.EMAIL`, params: `TYPE=INTERNET,WORK${pref}`, value: escapeText(route.value) },
        {
          name: `${group}.X-ABLABEL`,
          value: escapeText(
            telephone ? `${routeTitle(t, route)}: ${formatPhoneNumber(route.value)}` : routeTitle(t, route),
          ),
        },
      )
    }
    if (noteChannels.has(route.channel)) {
      const label = route.label ? ` – ${route.label}` : ''
      notes.push(
        `${routeTitle(t, route)}: ${t(`contactChannel.${route.channel}`)} ${route.value}${label}`,
      )
    }
  }
  if (organisation.visitingAddress) {
    properties.push({ name: 'ADR', params: 'TYPE=WORK', value: `;;${escapeText(organisation.visitingAddress)};;;;` })
  }
  // A URL is not text: its commas and semicolons stay as they are.
  if (organisation.website) properties.push({ name: 'URL', value: organisation.website.replace(/[\r\n]/g, '') })
  notes.push(t('export.lastConfirmed', { date: confirmedText(t, organisation.confirmedAt) }))
  properties.push({ name: 'NOTE', value: escapeText(notes.join('\n')) }, { name: 'END', value: 'VCARD' })
  return contentLines(properties)
}

export function contactDirectoryVcards(t: Translate, organisations: ExportOrganisation[]): string {
  return organisations.map((organisation) => organisationCard(t, organisation)).join('')
}
