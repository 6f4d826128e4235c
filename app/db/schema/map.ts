import { integer, pgTable, uuid } from 'drizzle-orm/pg-core'
import { sites } from './registry'

/**
 * Per site, what its critical services add up to on the map: the sectors as a
 * bit mask over the fixed sector list (bit i is `sectors[i]` in enums.ts) and
 * the most critical Styrel class. Derived data, kept current by triggers on
 * service_sites and critical_services (migration 0003), so that the county-scale
 * map does not aggregate 100,000 services on every request.
 */
export const siteServiceSummaries = pgTable('site_service_summaries', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  sectorMask: integer('sector_mask').notNull(),
  styrelClass: integer('styrel_class'),
})
