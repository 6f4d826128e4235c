import { sql } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { contactFunctions, organisationKinds, sectors, siteKinds } from '../app/db/enums'

/**
 * A deterministic county-scale data set, generated inside the database with
 * generate_series so that 500,000 rows take seconds, not minutes. Ids are
 * md5-derived uuids and every "random" value is a hash of the row number:
 * the same scale gives the same rows on PGlite and PostgreSQL.
 */
export interface CountyScale {
  organisations: number
  sites: number
  services: number
  dependencies: number
  contactRoutes: number
}

export const countyScale: CountyScale = {
  organisations: 10_000,
  sites: 30_000,
  services: 100_000,
  dependencies: 300_000,
  contactRoutes: 50_000,
}

export function scaled(factor: number): CountyScale {
  const entries = Object.entries(countyScale).map(([key, value]) => [key, Math.max(1, Math.round(value * factor))])
  return Object.fromEntries(entries) as unknown as CountyScale
}

const textArray = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`)

// A number in [0, 1) from a label and a row number.
const fraction = (label: string, column: string) =>
  sql.raw(`(('x' || substr(md5('${label}' || ${column}), 1, 8))::bit(32)::bigint / 4294967296.0)`)
const uuidOf = (label: string, expression: string) => sql.raw(`md5('${label}' || (${expression}))::uuid`)

const places = [
  'Vårgårda', 'Borås', 'Alingsås', 'Herrljunga', 'Ulricehamn', 'Tranemo', 'Mark', 'Svenljunga', 'Bollebygd',
  'Trollhättan', 'Vänersborg', 'Lidköping', 'Skövde', 'Mariestad', 'Falköping', 'Kungälv', 'Stenungsund', 'Uddevalla',
]
const trades = [
  'Energi', 'Bostäder', 'Vatten', 'Vårdcentral', 'Skola', 'Räddningstjänst', 'Logistik', 'Livs', 'Transport',
  'Fastigheter', 'Fjärrvärme', 'Omsorg', 'Åkeri', 'Elnät', 'Tele', 'Bygg',
]

export async function generateCounty(db: Database, scale: CountyScale = countyScale): Promise<void> {
  const { organisations: orgs, sites, services, dependencies, contactRoutes } = scale
  await db.execute(sql`
    insert into organisations (id, name, kind, description, confirmed_at)
    select ${uuidOf('org', 'i')},
           (${textArray(places)})[1 + i % ${places.length}] || ' ' || (${textArray(trades)})[1 + (i / ${places.length}) % ${trades.length}] || ' ' || i,
           (${textArray(organisationKinds)})[1 + i % ${organisationKinds.length}],
           '',
           case when i % 4 = 0 then null else timestamp '2026-06-01' - (i % 400) * interval '1 day' end
    from generate_series(0, ${orgs - 1}) as i`)
  await db.execute(sql`
    insert into sites (id, organisation_id, name, kind, address, lat, lng, backup_power_hours, styrel_class)
    select ${uuidOf('site', 'k')}, ${uuidOf('org', `k % ${orgs}`)},
           'Plats ' || k, (${textArray(siteKinds)})[1 + k % ${siteKinds.length}], 'Gata ' || (k % 97) || ', ' || (${textArray(places)})[1 + k % ${places.length}],
           57.3 + ${fraction('lat', 'k')} * 1.6, 11.5 + ${fraction('lng', 'k')} * 2.6,
           case when k % 3 = 0 then (k % 72) else null end,
           case when k % 5 = 0 then null else 1 + k % 8 end
    from generate_series(0, ${sites - 1}) as k`)
  await db.execute(sql`
    insert into critical_services (id, organisation_id, name, sector, acceptable_outage_hours, styrel_class, people_served, has_continuity_plan)
    select ${uuidOf('svc', 'i')}, ${uuidOf('org', `i % ${orgs}`)},
           'Verksamhet ' || i, (${textArray(sectors)})[1 + (i * 7) % ${sectors.length}],
           (array[2, 4, 8, 12, 24, 48, 72])[1 + i % 7],
           case when i % 4 = 0 then null else 1 + i % 8 end,
           (i * 37) % 20000, i % 3 <> 0
    from generate_series(0, ${services - 1}) as i`)
  await db.execute(sql`
    insert into service_sites (service_id, site_id)
    select ${uuidOf('svc', 'i')}, ${uuidOf('site', `i % ${sites}`)}
    from generate_series(0, ${services - 1}) as i
    where (i % ${sites}) % ${orgs} = i % ${orgs}`)
  await db.execute(sql`
    insert into dependencies (id, service_id, resource, depends_on_service_id, copes_hours, backup_description, backup_hours)
    select ${uuidOf('dep', 'd')}, ${uuidOf('svc', `d % ${services}`)},
           case when d % 3 = 2 then null
                else (array['electricity','drinking_water','district_heating','fuel','telecom_it','transport','special_staff','food'])[1 + d % 8] end,
           case when d % 3 = 2 then ${uuidOf('svc', `(d::bigint * 7919 + 1) % ${services}`)} else null end,
           (d % 24), case when d % 4 = 0 then 'Reservkraft' else '' end,
           case when d % 4 = 0 then (d % 96) else null end
    from generate_series(0, ${dependencies - 1}) as d`)
  await db.execute(sql`
    insert into contact_routes (id, organisation_id, function, channel, value, label, availability, call_order, visibility)
    select ${uuidOf('route', 'r')}, ${uuidOf('org', `r % ${orgs}`)},
           case when r < ${orgs} then 'isk'
                when r < ${2 * orgs} then 'duty_officer'
                else (${textArray(contactFunctions)})[1 + r % ${contactFunctions.length}] end,
           case when r % 5 = 4 then 'email' when r % 5 = 3 then 'rakel' else 'phone' end,
           case when r % 5 = 4 then 'funktion' || r || '@example.org'
                when r % 5 = 3 then 'VGR Kris ' || (r % 50)
                else '031-390 06 ' || lpad((r % 100)::text, 2, '0') end,
           '', case when r < ${2 * orgs} and r % 7 <> 0 then 'always' when r % 2 = 0 then 'office_hours' else 'on_activation' end,
           1 + r / ${orgs}, case when r % 17 = 0 then 'restricted' else 'network' end
    from generate_series(0, ${contactRoutes - 1}) as r`)
  await db.execute(sql`analyze`)
}
