CREATE TABLE "identity"."pz_login_throttle" (
	"login_key" text PRIMARY KEY NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "portal"."users_subject_uq";--> statement-breakpoint
ALTER TABLE "identity"."email_verification_tokens" ADD COLUMN "replaced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."users" ADD COLUMN "issuer" text DEFAULT 'builtin' NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."users" ADD COLUMN "pesel_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_issuer_subject_uq" ON "portal"."users" USING btree ("issuer","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "users_pesel_hash_uq" ON "portal"."users" USING btree ("pesel_hash") WHERE "portal"."users"."pesel_hash" is not null;