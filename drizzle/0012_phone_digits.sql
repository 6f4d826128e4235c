-- Directory search by phone number: a number is found by its digits in
-- whatever grouping it was typed or is searched ("070-174 06 55",
-- "0701740655", "+46 70 174 06 55"). The digits are read as
-- app/modules/text/phone.ts reads them: a leading + kept, "(0)" after the
-- country code dropped, 00 as +; a Swedish number is indexed in both its
-- national and its +46 form ("0701740655 +46701740655"). Numbers are stored
-- as typed, so this is an expression index: it fills itself for the rows
-- there are now and stays right for every later write, whichever way it
-- comes in (form, import, backup, seed). Both functions exist in PGlite and
-- in a plain PostgreSQL.
CREATE OR REPLACE FUNCTION portal_phone_digits(channel text, value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT CASE
      WHEN channel NOT IN ('phone', 'mobile', 'satellite_phone') THEN NULL
      WHEN digits LIKE '+46%' THEN '0' || substr(digits, 4) || ' ' || digits
      WHEN digits ~ '^0[1-9]' THEN digits || ' +46' || substr(digits, 2)
      ELSE digits
    END
    FROM (
      SELECT regexp_replace(
        CASE WHEN value ~ '^\s*\+' THEN '+' ELSE '' END || regexp_replace(replace(value, '(0)', ''), '\D', '', 'g'),
        '^00', '+'
      ) AS digits
    ) AS typed
  $$;
--> statement-breakpoint
CREATE INDEX contact_routes_phone_digits_trgm_idx ON contact_routes USING gin (portal_phone_digits(channel, value) gin_trgm_ops);
