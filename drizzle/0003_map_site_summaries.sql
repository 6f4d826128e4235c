CREATE TABLE "site_service_summaries" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"sector_mask" integer NOT NULL,
	"styrel_class" integer
);
--> statement-breakpoint
ALTER TABLE "site_service_summaries" ADD CONSTRAINT "site_service_summaries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Bit i is sectors[i] in app/db/enums.ts; a test checks that the two lists agree.
CREATE OR REPLACE FUNCTION portal_sector_bit(sector text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT 1 << (array_position(ARRAY['energy','financial','trade_industry','health_care','information_communication','municipal_technical','food','public_administration','protection_safety','social_insurance','transport']::text[], sector) - 1) $$;
--> statement-breakpoint
-- Recomputes the summaries of the given sites from their services; a site left without services loses its row.
CREATE OR REPLACE FUNCTION portal_refresh_site_summaries(site_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM site_service_summaries s
    WHERE s.site_id IN (SELECT unnest(site_ids))
      AND NOT EXISTS (SELECT 1 FROM service_sites ss WHERE ss.site_id = s.site_id);
  INSERT INTO site_service_summaries (site_id, sector_mask, styrel_class)
    SELECT ss.site_id, bit_or(portal_sector_bit(cs.sector)), min(cs.styrel_class)
    FROM service_sites ss
    JOIN critical_services cs ON cs.id = ss.service_id
    JOIN sites si ON si.id = ss.site_id
    WHERE ss.site_id IN (SELECT unnest(site_ids))
    GROUP BY ss.site_id
  ON CONFLICT (site_id) DO UPDATE
    SET sector_mask = excluded.sector_mask, styrel_class = excluded.styrel_class;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_service_sites_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM portal_refresh_site_summaries(ARRAY(SELECT DISTINCT site_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM portal_refresh_site_summaries(ARRAY(SELECT DISTINCT site_id FROM old_rows));
  ELSE
    PERFORM portal_refresh_site_summaries(ARRAY(SELECT site_id FROM new_rows UNION SELECT site_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER service_sites_summary_insert AFTER INSERT ON service_sites
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_service_sites_changed();
--> statement-breakpoint
CREATE TRIGGER service_sites_summary_delete AFTER DELETE ON service_sites
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_service_sites_changed();
--> statement-breakpoint
CREATE TRIGGER service_sites_summary_update AFTER UPDATE ON service_sites
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_service_sites_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_critical_services_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM portal_refresh_site_summaries(ARRAY(
    SELECT DISTINCT ss.site_id
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    JOIN service_sites ss ON ss.service_id = n.id
    WHERE n.sector IS DISTINCT FROM o.sector OR n.styrel_class IS DISTINCT FROM o.styrel_class
  ));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER critical_services_summary_update AFTER UPDATE ON critical_services
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_critical_services_changed();
--> statement-breakpoint
INSERT INTO site_service_summaries (site_id, sector_mask, styrel_class)
  SELECT ss.site_id, bit_or(portal_sector_bit(cs.sector)), min(cs.styrel_class)
  FROM service_sites ss
  JOIN critical_services cs ON cs.id = ss.service_id
  GROUP BY ss.site_id;
