ALTER TABLE "portal"."announcements" ADD COLUMN "published_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD COLUMN "audience_roles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."legacy_role_mappings" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."legacy_role_mappings" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "portal"."permissions" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."permissions" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "portal"."roles" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."roles" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "portal"."roles" ADD COLUMN "permissions_edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."roles" ADD COLUMN "permissions_edited_by" uuid;--> statement-breakpoint
ALTER TABLE "portal"."unit_kinds" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."unit_kinds" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD CONSTRAINT "announcements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD CONSTRAINT "announcements_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD CONSTRAINT "announcements_window_ck" CHECK ("portal"."announcements"."published_until" is null or "portal"."announcements"."published_at" is null or "portal"."announcements"."published_until" > "portal"."announcements"."published_at");