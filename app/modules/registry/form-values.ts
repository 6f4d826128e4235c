import type { CriticalService, Dependency, Site } from '~/db/schema/registry'
import { formatDegrees } from '~/i18n/format'
import { formatMetres, wgs84ToSweref } from './coordinates'

// A stored record as the text its form shows. The same shape comes back from
// a rejected submission, so the form renders either one.

export type FormValues = Record<string, string>

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value))
const tick = (value: boolean) => (value ? 'on' : '')

export function siteFormValues(site: Site): FormValues {
  const positioned = site.lat !== null && site.lng !== null
  const grid = positioned ? wgs84ToSweref({ lat: site.lat!, lng: site.lng! }) : null
  return {
    name: site.name,
    kind: site.kind,
    address: site.address,
    coordinateSystem: 'wgs84',
    lat: positioned ? formatDegrees(site.lat!) : '',
    lng: positioned ? formatDegrees(site.lng!) : '',
    northing: grid ? formatMetres(grid.northing) : '',
    easting: grid ? formatMetres(grid.easting) : '',
    backupPowerHours: text(site.backupPowerHours),
    backupFuel: site.backupFuel,
    styrelClass: text(site.styrelClass),
    safetyPoint: tick(site.safetyPoint),
    emergencyWaterPoint: tick(site.emergencyWaterPoint),
  }
}

export function serviceFormValues(service: CriticalService): FormValues {
  return {
    name: service.name,
    description: service.description,
    sector: service.sector,
    acceptableOutageHours: text(service.acceptableOutageHours),
    styrelClass: text(service.styrelClass),
    peopleServed: text(service.peopleServed),
    hasContinuityPlan: tick(service.hasContinuityPlan),
    continuityExercisedOn: service.continuityExercisedOn ?? '',
  }
}

export function dependencyFormValues(dependency: Dependency): FormValues {
  return {
    resource: dependency.resource ?? '',
    dependsOnServiceId: dependency.dependsOnServiceId ?? '',
    copesHours: text(dependency.copesHours),
    backupDescription: dependency.backupDescription,
    backupHours: text(dependency.backupHours),
  }
}
