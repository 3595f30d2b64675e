CREATE TABLE "portal"."request_digests" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipients" integer NOT NULL,
	"waiting" integer NOT NULL,
	"overdue" integer NOT NULL,
	CONSTRAINT "request_digests_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
ALTER TABLE "portal"."request_digests" ADD CONSTRAINT "request_digests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;