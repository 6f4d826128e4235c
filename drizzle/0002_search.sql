-- Directory search: trigram similarity over names folded to lower case
-- without diacritics, so "vargarda bostader" finds "Vårgårda Bostäder AB".
-- Both extensions exist in PGlite and in a plain PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE; an index needs an IMMUTABLE wrapper with a fixed dictionary.
CREATE OR REPLACE FUNCTION portal_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower(value)) $$;
--> statement-breakpoint
CREATE INDEX organisations_name_trgm_idx ON organisations USING gin (portal_fold(name) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX critical_services_name_trgm_idx ON critical_services USING gin (portal_fold(name) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX sites_name_trgm_idx ON sites USING gin (portal_fold(name || ' ' || address) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX contact_routes_label_trgm_idx ON contact_routes USING gin (portal_fold(label || ' ' || value) gin_trgm_ops);
