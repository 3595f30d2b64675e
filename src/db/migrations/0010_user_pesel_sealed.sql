ALTER TABLE "portal"."users" ADD COLUMN "pesel_masked" text;--> statement-breakpoint
ALTER TABLE "portal"."users" ADD COLUMN "pesel_enc" text;