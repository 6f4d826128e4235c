CREATE TABLE "grant_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"occurred_on" date,
	"meeting_id" uuid,
	"hours" numeric(8, 1),
	"cost" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "grant_entries_hours" CHECK ("grant_entries"."hours" is null or "grant_entries"."hours" >= 0),
	CONSTRAINT "grant_entries_cost" CHECK ("grant_entries"."cost" is null or "grant_entries"."cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mandate_deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"year" integer,
	"due_date" date,
	"owner_user_id" uuid,
	"owner_organisation_id" uuid,
	"state" text DEFAULT 'not_started' NOT NULL,
	"adopted_by" text DEFAULT '' NOT NULL,
	"adopted_on" date,
	"decision_reference" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandate_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandate_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"calendar_shared_at" timestamp with time zone,
	"training_valid_months" integer DEFAULT 24 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mandate_periods_years" CHECK ("mandate_periods"."end_year" >= "mandate_periods"."start_year"),
	CONSTRAINT "mandate_periods_training_months" CHECK ("mandate_periods"."training_valid_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "mandate_reminders" (
	"deliverable_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandate_reminders_deliverable_id_due_date_days_before_pk" PRIMARY KEY("deliverable_id","due_date","days_before")
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "training_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"title" text NOT NULL,
	"measure" text NOT NULL,
	"target_count" integer,
	"target_group_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_goals_count" CHECK ("training_goals"."target_count" is null or "training_goals"."target_count" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "training_meeting_goals" (
	"meeting_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "training_meeting_goals_meeting_id_goal_id_pk" PRIMARY KEY("meeting_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "training_meeting_groups" (
	"meeting_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	CONSTRAINT "training_meeting_groups_meeting_id_target_group_id_pk" PRIMARY KEY("meeting_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "training_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"name" text NOT NULL,
	"function" text DEFAULT '' NOT NULL,
	"organisation_id" uuid,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_person_groups" (
	"person_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	CONSTRAINT "training_person_groups_person_id_target_group_id_pk" PRIMARY KEY("person_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "training_target_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_entries" ADD CONSTRAINT "grant_entries_period_id_mandate_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mandate_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_entries" ADD CONSTRAINT "grant_entries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_entries" ADD CONSTRAINT "grant_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_deliverables" ADD CONSTRAINT "mandate_deliverables_period_id_mandate_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mandate_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_deliverables" ADD CONSTRAINT "mandate_deliverables_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_deliverables" ADD CONSTRAINT "mandate_deliverables_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_documents" ADD CONSTRAINT "mandate_documents_deliverable_id_mandate_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."mandate_deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_documents" ADD CONSTRAINT "mandate_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_periods" ADD CONSTRAINT "mandate_periods_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_periods" ADD CONSTRAINT "mandate_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_reminders" ADD CONSTRAINT "mandate_reminders_deliverable_id_mandate_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."mandate_deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_person_id_training_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."training_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_goals" ADD CONSTRAINT "training_goals_period_id_mandate_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mandate_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_goals" ADD CONSTRAINT "training_goals_target_group_id_training_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."training_target_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_meeting_goals" ADD CONSTRAINT "training_meeting_goals_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_meeting_goals" ADD CONSTRAINT "training_meeting_goals_goal_id_training_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."training_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_meeting_groups" ADD CONSTRAINT "training_meeting_groups_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_meeting_groups" ADD CONSTRAINT "training_meeting_groups_target_group_id_training_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."training_target_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_people" ADD CONSTRAINT "training_people_period_id_mandate_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mandate_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_people" ADD CONSTRAINT "training_people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_people" ADD CONSTRAINT "training_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_person_groups" ADD CONSTRAINT "training_person_groups_person_id_training_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."training_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_person_groups" ADD CONSTRAINT "training_person_groups_target_group_id_training_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."training_target_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_target_groups" ADD CONSTRAINT "training_target_groups_period_id_mandate_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mandate_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_entries_year_idx" ON "grant_entries" USING btree ("period_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_entries_meeting_idx" ON "grant_entries" USING btree ("period_id","meeting_id");--> statement-breakpoint
CREATE INDEX "mandate_deliverables_period_idx" ON "mandate_deliverables" USING btree ("period_id","due_date");--> statement-breakpoint
CREATE INDEX "mandate_deliverables_owner_idx" ON "mandate_deliverables" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "mandate_deliverables_due_idx" ON "mandate_deliverables" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "mandate_documents_deliverable_idx" ON "mandate_documents" USING btree ("deliverable_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mandate_periods_start_idx" ON "mandate_periods" USING btree ("organisation_id","start_year");--> statement-breakpoint
CREATE INDEX "training_attendance_person_idx" ON "training_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_goals_period_idx" ON "training_goals" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "training_meeting_goals_goal_idx" ON "training_meeting_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "training_meeting_groups_group_idx" ON "training_meeting_groups" USING btree ("target_group_id");--> statement-breakpoint
CREATE INDEX "training_people_period_idx" ON "training_people" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "training_person_groups_group_idx" ON "training_person_groups" USING btree ("target_group_id");--> statement-breakpoint
CREATE INDEX "training_target_groups_period_idx" ON "training_target_groups" USING btree ("period_id");