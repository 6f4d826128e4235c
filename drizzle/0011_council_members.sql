CREATE TABLE "council_members" (
	"council_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_members_council_id_user_id_pk" PRIMARY KEY("council_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "council_id" uuid;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_members_user_idx" ON "council_members" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: until now a council was open to every council member and informant of an organisation of its network. Each of them, if active, gets the grant that access amounted to: member if a council member in any of those organisations, else informant. Nobody else gets one.
INSERT INTO "council_members" ("council_id", "user_id", "role")
SELECT "councils"."id", "memberships"."user_id",
  CASE WHEN bool_or("memberships"."role" = 'council_member') THEN 'member' ELSE 'informant' END
FROM "councils"
  INNER JOIN "network_members" ON "network_members"."network_id" = "councils"."network_id"
  INNER JOIN "memberships" ON "memberships"."organisation_id" = "network_members"."organisation_id"
  INNER JOIN "users" ON "users"."id" = "memberships"."user_id"
WHERE "users"."active" AND "memberships"."role" IN ('council_member', 'informant')
GROUP BY "councils"."id", "memberships"."user_id";--> statement-breakpoint
INSERT INTO "audit_log" ("user_id", "organisation_id", "entity", "entity_id", "action", "changes")
SELECT NULL, NULL, 'council_member', "council_id"::text || ':' || "user_id"::text, 'create',
  jsonb_build_object('role', jsonb_build_object('before', NULL, 'after', "role"))
FROM "council_members";
