import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, version } from '../columns'
import { availabilities, contactChannels, contactFunctions, resources, sectors, siteKinds, visibilities } from '../enums'
import { organisations } from './organisations'
import { users } from './users'

/** Networks (Krissamverkan Sjuhärad, lokalt BRÅ, Posom …) with member organisations. */
export const networks = pgTable('networks', {
  id: id(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  coordinatorOrganisationId: uuid('coordinator_organisation_id').references(() => organisations.id, {
    onDelete: 'set null',
  }),
  ...timestamps(),
  version: version(),
})

export const networkMembers = pgTable(
  'network_members',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.networkId, table.organisationId] }),
    index('network_members_organisation_idx').on(table.organisationId),
  ],
)

export const sites = pgTable(
  'sites',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: siteKinds }).notNull().default('other'),
    address: text('address').notNull().default(''),
    // WGS84; SWEREF 99 TM input is converted before it is stored.
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    backupPowerHours: real('backup_power_hours'),
    backupFuel: text('backup_fuel').notNull().default(''),
    styrelClass: integer('styrel_class'),
    safetyPoint: boolean('safety_point').notNull().default(false),
    emergencyWaterPoint: boolean('emergency_water_point').notNull().default(false),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('sites_organisation_idx').on(table.organisationId),
    index('sites_position_idx').on(table.lat, table.lng),
  ],
)

export const criticalServices = pgTable(
  'critical_services',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sector: text('sector', { enum: sectors }).notNull(),
    acceptableOutageHours: real('acceptable_outage_hours').notNull(),
    styrelClass: integer('styrel_class'),
    peopleServed: integer('people_served'),
    hasContinuityPlan: boolean('has_continuity_plan').notNull().default(false),
    continuityExercisedOn: date('continuity_exercised_on'),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('critical_services_organisation_idx').on(table.organisationId),
    index('critical_services_sector_idx').on(table.sector),
  ],
)

export const serviceSites = pgTable(
  'service_sites',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => criticalServices.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.serviceId, table.siteId] }), index('service_sites_site_idx').on(table.siteId)],
)

/** A critical service needs a resource, or another organisation's service. */
export const dependencies = pgTable(
  'dependencies',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => criticalServices.id, { onDelete: 'cascade' }),
    resource: text('resource', { enum: resources }),
    dependsOnServiceId: uuid('depends_on_service_id').references(() => criticalServices.id, { onDelete: 'cascade' }),
    copesHours: real('copes_hours').notNull().default(0),
    backupDescription: text('backup_description').notNull().default(''),
    backupHours: real('backup_hours'),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('dependencies_service_idx').on(table.serviceId),
    index('dependencies_depends_on_idx').on(table.dependsOnServiceId),
    // The forms enforce these too; the database keeps imports and scripts to them.
    check('dependencies_one_target', sql`(${table.resource} is null) <> (${table.dependsOnServiceId} is null)`),
    check('dependencies_not_on_itself', sql`${table.dependsOnServiceId} <> ${table.serviceId}`),
    check('dependencies_hours_not_negative', sql`${table.copesHours} >= 0 and coalesce(${table.backupHours}, 0) >= 0`),
  ],
)

export const contactRoutes = pgTable(
  'contact_routes',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    function: text('function', { enum: contactFunctions }).notNull(),
    channel: text('channel', { enum: contactChannels }).notNull(),
    value: text('value').notNull(),
    label: text('label').notNull().default(''),
    availability: text('availability', { enum: availabilities }).notNull(),
    callOrder: integer('call_order').notNull().default(1),
    visibility: text('visibility', { enum: visibilities }).notNull().default('network'),
    ...timestamps(),
    version: version(),
  },
  (table) => [index('contact_routes_organisation_idx').on(table.organisationId, table.callOrder)],
)

/** Test calls and other reachability checks of a contact route. */
export const contactChecks = pgTable(
  'contact_checks',
  {
    id: id(),
    routeId: uuid('route_id')
      .notNull()
      .references(() => contactRoutes.id, { onDelete: 'cascade' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
    checkedBy: uuid('checked_by').references(() => users.id, { onDelete: 'set null' }),
    reached: boolean('reached').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [index('contact_checks_route_idx').on(table.routeId, table.checkedAt)],
)

export type Network = typeof networks.$inferSelect
export type Site = typeof sites.$inferSelect
export type CriticalService = typeof criticalServices.$inferSelect
export type Dependency = typeof dependencies.$inferSelect
export type ContactRoute = typeof contactRoutes.$inferSelect
export type ContactCheck = typeof contactChecks.$inferSelect
