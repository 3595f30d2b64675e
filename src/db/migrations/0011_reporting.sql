CREATE TABLE "portal"."form_deadlines" (
	"form" text NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"due_on" date NOT NULL,
	"source" text,
	"edited_at" timestamp with time zone,
	"edited_by" uuid,
	CONSTRAINT "form_deadlines_form_year_level_pk" PRIMARY KEY("form","year","level"),
	CONSTRAINT "form_deadlines_level_ck" CHECK ("portal"."form_deadlines"."level" in ('jednostka', 'nadzor', 'cez'))
);
--> statement-breakpoint
CREATE TABLE "portal"."form_definitions" (
	"form" text NOT NULL,
	"version" integer NOT NULL,
	"years" integer[] NOT NULL,
	"title" text NOT NULL,
	"area" text NOT NULL,
	"definition" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_definitions_form_version_pk" PRIMARY KEY("form","version")
);
--> statement-breakpoint
CREATE TABLE "portal"."report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_unit_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"version" integer NOT NULL,
	"comment" text,
	"on_behalf" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."report_form_kinds" (
	"form" text NOT NULL,
	"kind_code" text NOT NULL,
	"verifier_kind" text NOT NULL,
	"by_survey" boolean NOT NULL,
	CONSTRAINT "report_form_kinds_form_kind_code_pk" PRIMARY KEY("form","kind_code")
);
--> statement-breakpoint
CREATE TABLE "portal"."report_versions" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"values" jsonb NOT NULL,
	"explanations" jsonb NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"correction_reason" text,
	CONSTRAINT "report_versions_report_id_version_pk" PRIMARY KEY("report_id","version")
);
--> statement-breakpoint
CREATE TABLE "portal"."reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"form" text NOT NULL,
	"year" integer NOT NULL,
	"definition_version" integer NOT NULL,
	"area" text NOT NULL,
	"status" text NOT NULL,
	"level_unit_ids" uuid[] NOT NULL,
	"pending_level" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_comment" text,
	"cell_comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"origin" text NOT NULL,
	"filled_on_behalf" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"first_submitted_on" date,
	"approved_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "reports_status_ck" CHECK ("portal"."reports"."status" in ('do_wypelnienia', 'w_trakcie', 'do_weryfikacji', 'do_korekty', 'zatwierdzone')),
	CONSTRAINT "reports_origin_ck" CHECK ("portal"."reports"."origin" in ('katalog', 'ankieta', 'korekta'))
);
--> statement-breakpoint
CREATE TABLE "portal"."unit_surveys" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone NOT NULL,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone,
	"correction_reason" text,
	CONSTRAINT "unit_surveys_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "portal"."form_deadlines" ADD CONSTRAINT "form_deadlines_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "portal"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."report_events" ADD CONSTRAINT "report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."report_events" ADD CONSTRAINT "report_events_actor_unit_id_units_id_fk" FOREIGN KEY ("actor_unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."report_form_kinds" ADD CONSTRAINT "report_form_kinds_kind_code_unit_kinds_code_fk" FOREIGN KEY ("kind_code") REFERENCES "portal"."unit_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."report_versions" ADD CONSTRAINT "report_versions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "portal"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."reports" ADD CONSTRAINT "reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."reports" ADD CONSTRAINT "reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."unit_surveys" ADD CONSTRAINT "unit_surveys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."unit_surveys" ADD CONSTRAINT "unit_surveys_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."unit_surveys" ADD CONSTRAINT "unit_surveys_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "portal"."report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_unit_form_year_uq" ON "portal"."reports" USING btree ("unit_id","form","year");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "portal"."reports" USING btree ("area","status");--> statement-breakpoint
CREATE INDEX "reports_year_idx" ON "portal"."reports" USING btree ("year","form");--> statement-breakpoint
CREATE INDEX "reports_level_units_idx" ON "portal"."reports" USING gin ("level_unit_ids");