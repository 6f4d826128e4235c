CREATE TABLE "council_archived_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category_id" uuid NOT NULL,
	"area_id" uuid,
	"organisation_id" uuid,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"polygon" jsonb NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"min_lng" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"row_count" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_measure_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"followed_up_on" date NOT NULL,
	"assessment" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"measure_type" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"area_id" uuid,
	"place" text DEFAULT '' NOT NULL,
	"responsible_organisation_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"expected_effect" text DEFAULT '' NOT NULL,
	"follow_up_date" date NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"situation_picture_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_measures_follow_up_after_start" CHECK ("council_measures"."follow_up_date" >= "council_measures"."start_date")
);
--> statement-breakpoint
CREATE TABLE "council_report_reads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"user_id" uuid,
	"place" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"reporter_id" uuid,
	"organisation_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"location_kind" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"area_id" uuid,
	"observed_at" timestamp with time zone NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"rejection_reason" text DEFAULT '' NOT NULL,
	"merged_into_id" uuid,
	"feedback" text DEFAULT '' NOT NULL,
	"feedback_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"client_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_reports_position" CHECK (("council_reports"."lat" is null) = ("council_reports"."lng" is null)),
	CONSTRAINT "council_reports_located" CHECK ("council_reports"."location_kind" = 'area' or "council_reports"."lat" is not null)
);
--> statement-breakpoint
CREATE TABLE "council_statistics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"month" date NOT NULL,
	"category_id" uuid NOT NULL,
	"area_id" uuid,
	"count" integer NOT NULL,
	CONSTRAINT "council_statistics_count" CHECK ("council_statistics"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"network_id" uuid NOT NULL,
	"retention_months" integer DEFAULT 24 NOT NULL,
	"coarsen_metres" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "councils_retention_range" CHECK ("councils"."retention_months" between 1 and 120),
	CONSTRAINT "councils_coarsen_range" CHECK ("councils"."coarsen_metres" between 0 and 5000)
);
--> statement-breakpoint
CREATE TABLE "safety_survey_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"area_id" uuid,
	"question" text NOT NULL,
	"share" numeric(5, 1) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "safety_survey_share" CHECK ("safety_survey_results"."share" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "situation_picture_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"picture_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_by" uuid,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "situation_pictures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"other_information" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "situation_pictures_period" CHECK ("situation_pictures"."period_to" >= "situation_pictures"."period_from")
);
--> statement-breakpoint
ALTER TABLE "council_archived_counts" ADD CONSTRAINT "council_archived_counts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_archived_counts" ADD CONSTRAINT "council_archived_counts_category_id_council_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."council_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_archived_counts" ADD CONSTRAINT "council_archived_counts_area_id_council_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."council_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_archived_counts" ADD CONSTRAINT "council_archived_counts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_areas" ADD CONSTRAINT "council_areas_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_categories" ADD CONSTRAINT "council_categories_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_imports" ADD CONSTRAINT "council_imports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_imports" ADD CONSTRAINT "council_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_measure_follow_ups" ADD CONSTRAINT "council_measure_follow_ups_measure_id_council_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."council_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_measure_follow_ups" ADD CONSTRAINT "council_measure_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_measures" ADD CONSTRAINT "council_measures_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_measures" ADD CONSTRAINT "council_measures_area_id_council_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."council_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_measures" ADD CONSTRAINT "council_measures_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_measures" ADD CONSTRAINT "council_measures_situation_picture_id_situation_pictures_id_fk" FOREIGN KEY ("situation_picture_id") REFERENCES "public"."situation_pictures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_measures" ADD CONSTRAINT "council_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_report_reads" ADD CONSTRAINT "council_report_reads_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_report_reads" ADD CONSTRAINT "council_report_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_category_id_council_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."council_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_area_id_council_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."council_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_statistics" ADD CONSTRAINT "council_statistics_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_statistics" ADD CONSTRAINT "council_statistics_import_id_council_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."council_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_statistics" ADD CONSTRAINT "council_statistics_category_id_council_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."council_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_statistics" ADD CONSTRAINT "council_statistics_area_id_council_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."council_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_survey_results" ADD CONSTRAINT "safety_survey_results_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_survey_results" ADD CONSTRAINT "safety_survey_results_area_id_council_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."council_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "situation_picture_versions" ADD CONSTRAINT "situation_picture_versions_picture_id_situation_pictures_id_fk" FOREIGN KEY ("picture_id") REFERENCES "public"."situation_pictures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "situation_picture_versions" ADD CONSTRAINT "situation_picture_versions_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "situation_pictures" ADD CONSTRAINT "situation_pictures_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_archived_counts_month_idx" ON "council_archived_counts" USING btree ("council_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "council_areas_name_idx" ON "council_areas" USING btree ("council_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "council_categories_name_idx" ON "council_categories" USING btree ("council_id",lower("name"));--> statement-breakpoint
CREATE INDEX "council_measure_follow_ups_measure_idx" ON "council_measure_follow_ups" USING btree ("measure_id","followed_up_on");--> statement-breakpoint
CREATE INDEX "council_measures_council_idx" ON "council_measures" USING btree ("council_id","follow_up_date");--> statement-breakpoint
CREATE INDEX "council_report_reads_council_idx" ON "council_report_reads" USING btree ("council_id","at");--> statement-breakpoint
CREATE INDEX "council_report_reads_report_idx" ON "council_report_reads" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "council_reports_observed_idx" ON "council_reports" USING btree ("council_id","observed_at");--> statement-breakpoint
CREATE INDEX "council_reports_inbox_idx" ON "council_reports" USING btree ("council_id","state","created_at");--> statement-breakpoint
CREATE INDEX "council_reports_reporter_idx" ON "council_reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE INDEX "council_reports_area_idx" ON "council_reports" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_reports_client_key_idx" ON "council_reports" USING btree ("reporter_id","client_key");--> statement-breakpoint
CREATE INDEX "council_statistics_month_idx" ON "council_statistics" USING btree ("council_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "councils_network_idx" ON "councils" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_survey_results_idx" ON "safety_survey_results" USING btree ("council_id","year",coalesce("area_id", '00000000-0000-0000-0000-000000000000'::uuid),"question");--> statement-breakpoint
CREATE UNIQUE INDEX "situation_picture_versions_number_idx" ON "situation_picture_versions" USING btree ("picture_id","number");--> statement-breakpoint
CREATE INDEX "situation_pictures_council_idx" ON "situation_pictures" USING btree ("council_id","period_to");