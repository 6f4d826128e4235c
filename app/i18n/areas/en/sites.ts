// English messages of the area; the Swedish ones, and the keys, are in ../sites.ts.
import type { Translation } from '../../plural'
import type { sv } from '../sites'

export const en: Translation<typeof sv> = {
  'sites.title': 'Sites',
  'sites.none': 'No sites are registered.',
  'sites.add': 'Add site',
  'sites.newTitle': 'New site for {organisation}',
  'sites.editTitle': 'Edit the site {name}',
  'sites.edit': 'Edit',
  'sites.editNamed': 'the site {name}',
  'sites.save': 'Save the site',
  'sites.delete': 'Remove the site',
  'sites.deleteHint': 'Services run at the site stay, but are no longer linked to it.',
  'sites.conflict':
    'Someone else changed the site while you were editing. Your changes are not saved but are still in the form. Compare them with the current values below and save again.',
  'sites.deleteConflict':
    'Someone else changed the site after you opened the page, so it was not removed. Check the details and try again.',
  'sites.field.kind': 'Kind of site',
  'sites.field.address': 'Address',
  'sites.field.backupPowerHours': 'Backup power, hours',
  'sites.field.backupPowerHint': 'How many hours the backup power lasts. Leave empty if the site has none.',
  'sites.field.backupFuel': 'Fuel for the backup power',
  'sites.field.styrelClass': 'Styrel class (1–8)',
  'sites.field.styrelHint':
    'Priority class for planned power disconnection; 1 is the highest. Leave empty if not decided.',
  'sites.field.safetyPoint': 'Safety point (trygghetspunkt)',
  'sites.field.emergencyWaterPoint': 'Emergency water point (nödvattenpunkt)',
  'sites.position.legend': 'Position',
  'sites.position.hint':
    'Optional. Give the position either in WGS84 (latitude and longitude in decimal degrees) or in SWEREF 99 TM (northing and easting in metres). Decimal comma and decimal point both work.',
  'sites.position.system': 'Coordinate system',
  'sites.position.wgs84': 'WGS84 – latitude and longitude',
  'sites.position.sweref': 'SWEREF 99 TM – northing and easting in metres',
  'sites.field.lat': 'Latitude (degrees north)',
  'sites.field.latHint': 'For example 58.0340',
  'sites.field.lng': 'Longitude (degrees east)',
  'sites.field.lngHint': 'For example 12.8080',
  'sites.field.northing': 'Northing N (metres)',
  'sites.field.northingHint': 'For example 6434596',
  'sites.field.easting': 'Easting E (metres)',
  'sites.field.eastingHint': 'For example 370569',
  'sites.position.number': 'Enter the coordinate as a number, for example 58.034.',
  'sites.position.latOutside':
    'The latitude must be between 55 and 69.1 for the point to be in Sweden. Are latitude and longitude swapped?',
  'sites.position.lngOutside': 'The longitude must be between 10.5 and 24.2 for the point to be in Sweden.',
  'sites.position.northingOutside':
    'The northing must be between 6,100,000 and 7,700,000 metres for the point to be in Sweden. Are N and E swapped?',
  'sites.position.eastingOutside':
    'The easting must be between 250,000 and 950,000 metres for the point to be in Sweden.',
  'sites.position.outside': 'The point is outside Sweden.',
  'sites.position.none': 'No position given',
  'sites.position.swerefValue': 'SWEREF 99 TM: N {northing}, E {easting}',
  'sites.kind': 'Kind',
  'sites.address': 'Address',
  'sites.position': 'Position',
  'sites.backupPower': 'Backup power',
  'sites.backupPowerValue': '{hours} hours',
  'sites.backupPowerFuel': '{hours} hours ({fuel})',
  'sites.noBackupPower': 'No backup power',
  'sites.styrel': 'Styrel class',
  'sites.notGiven': 'Not given',
  'sites.number.invalid': 'Enter a number, for example 12 or 1.5.',
  'sites.number.wholeInvalid': 'Enter a whole number.',
  'sites.number.hoursRange': 'The number of hours cannot be negative and is at most 100,000.',
  'sites.styrel.range': 'The Styrel class is a whole number from 1 to 8.',

  'sites.meta.fallback': 'Site',
  'sites.meta.new': 'New site – {organisation}',
}
