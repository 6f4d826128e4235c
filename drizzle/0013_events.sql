CREATE TABLE "event_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contact_route_id" uuid,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"called_by" uuid,
	"called_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_key_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"message_version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"where_to_turn" text DEFAULT '' NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_log_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"seq" serial NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"decided_by" text DEFAULT '' NOT NULL,
	"mandate" text DEFAULT '' NOT NULL,
	"task_organisation_id" uuid,
	"task_due_at" timestamp with time zone,
	"task_state" text,
	"counterpart" text DEFAULT '' NOT NULL,
	"corrects_id" uuid,
	"refers_to_id" uuid,
	"organisation_id" uuid,
	"author_id" uuid,
	"author_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_organisations" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"called_out_at" timestamp with time zone,
	CONSTRAINT "event_organisations_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "event_status_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_status_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"status" text NOT NULL,
	"backup_hours_left" numeric(7, 2),
	"expected_restoration_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"needs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"needs_other" text DEFAULT '' NOT NULL,
	"reported_by" uuid,
	"via" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_status_reports_backup_hours" CHECK ("event_status_reports"."backup_hours_left" is null or "event_status_reports"."backup_hours_left" >= 0)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"lost_resources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"area" jsonb DEFAULT '{"kind":"everywhere"}'::jsonb NOT NULL,
	"network_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "events_ends_after_start" CHECK ("events"."ended_at" is null or "events"."ended_at" >= "events"."started_at")
);
--> statement-breakpoint
ALTER TABLE "event_calls" ADD CONSTRAINT "event_calls_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_calls" ADD CONSTRAINT "event_calls_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_calls" ADD CONSTRAINT "event_calls_contact_route_id_contact_routes_id_fk" FOREIGN KEY ("contact_route_id") REFERENCES "public"."contact_routes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_calls" ADD CONSTRAINT "event_calls_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_key_messages" ADD CONSTRAINT "event_key_messages_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_key_messages" ADD CONSTRAINT "event_key_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_key_messages" ADD CONSTRAINT "event_key_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_log_entries" ADD CONSTRAINT "event_log_entries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_log_entries" ADD CONSTRAINT "event_log_entries_task_organisation_id_organisations_id_fk" FOREIGN KEY ("task_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_log_entries" ADD CONSTRAINT "event_log_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_log_entries" ADD CONSTRAINT "event_log_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organisations" ADD CONSTRAINT "event_organisations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organisations" ADD CONSTRAINT "event_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_status_links" ADD CONSTRAINT "event_status_links_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_status_links" ADD CONSTRAINT "event_status_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_status_reports" ADD CONSTRAINT "event_status_reports_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_status_reports" ADD CONSTRAINT "event_status_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_status_reports" ADD CONSTRAINT "event_status_reports_service_id_critical_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."critical_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_status_reports" ADD CONSTRAINT "event_status_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_calls_event_idx" ON "event_calls" USING btree ("event_id","called_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_key_messages_version_idx" ON "event_key_messages" USING btree ("event_id","message_id","message_version");--> statement-breakpoint
CREATE INDEX "event_log_entries_event_idx" ON "event_log_entries" USING btree ("event_id","seq");--> statement-breakpoint
CREATE INDEX "event_log_entries_corrects_idx" ON "event_log_entries" USING btree ("corrects_id");--> statement-breakpoint
CREATE INDEX "event_organisations_organisation_idx" ON "event_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "event_status_links_event_idx" ON "event_status_links" USING btree ("event_id","organisation_id");--> statement-breakpoint
CREATE INDEX "event_status_reports_service_idx" ON "event_status_reports" USING btree ("event_id","service_id","reported_at");--> statement-breakpoint
CREATE INDEX "event_status_reports_organisation_idx" ON "event_status_reports" USING btree ("event_id","organisation_id","reported_at");--> statement-breakpoint
CREATE INDEX "events_started_idx" ON "events" USING btree ("started_at");--> statement-breakpoint
-- The event log and the status reports are history: a row once written is
-- never changed or removed, whatever path the write takes (the app, a
-- forged request, a hand-written query). A correction is a new entry.
-- Deleting the whole event (cascade) is the one way rows go, and events are
-- never deleted by the portal.
CREATE OR REPLACE FUNCTION portal_refuse_history_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'portal: % rows are never changed or removed', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END;
  $$;
--> statement-breakpoint
CREATE TRIGGER event_log_entries_append_only BEFORE UPDATE OR DELETE ON event_log_entries
  FOR EACH ROW EXECUTE FUNCTION portal_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER event_status_reports_append_only BEFORE UPDATE OR DELETE ON event_status_reports
  FOR EACH ROW EXECUTE FUNCTION portal_refuse_history_change();
