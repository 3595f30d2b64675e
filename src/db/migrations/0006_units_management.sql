CREATE TABLE "portal"."unit_supervisors" (
	"unit_id" uuid NOT NULL,
	"supervisor_unit_id" uuid NOT NULL,
	CONSTRAINT "unit_supervisors_unit_id_supervisor_unit_id_pk" PRIMARY KEY("unit_id","supervisor_unit_id"),
	CONSTRAINT "unit_supervisors_not_self_ck" CHECK ("portal"."unit_supervisors"."unit_id" <> "portal"."unit_supervisors"."supervisor_unit_id")
);
--> statement-breakpoint
ALTER TABLE "portal"."unit_supervisors" ADD CONSTRAINT "unit_supervisors_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "portal"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."unit_supervisors" ADD CONSTRAINT "unit_supervisors_supervisor_unit_id_units_id_fk" FOREIGN KEY ("supervisor_unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_supervisors_supervisor_idx" ON "portal"."unit_supervisors" USING btree ("supervisor_unit_id");--> statement-breakpoint
CREATE INDEX "units_sort_idx" ON "portal"."units" USING btree (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower("name" collate "C"), 'ą', 'a~'), 'Ą', 'a~'), 'ć', 'c~'), 'Ć', 'c~'), 'ę', 'e~'), 'Ę', 'e~'), 'ł', 'l~'), 'Ł', 'l~'), 'ń', 'n~'), 'Ń', 'n~'), 'ó', 'o~'), 'Ó', 'o~'), 'ś', 's~'), 'Ś', 's~'), 'ź', 'z~'), 'Ź', 'z~'), 'ż', 'z~~'), 'Ż', 'z~~'), '„', '/'), '”', '/'), '“', '/') collate "C","id");--> statement-breakpoint
CREATE INDEX "units_inactive_sort_idx" ON "portal"."units" USING btree (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower("name" collate "C"), 'ą', 'a~'), 'Ą', 'a~'), 'ć', 'c~'), 'Ć', 'c~'), 'ę', 'e~'), 'Ę', 'e~'), 'ł', 'l~'), 'Ł', 'l~'), 'ń', 'n~'), 'Ń', 'n~'), 'ó', 'o~'), 'Ó', 'o~'), 'ś', 's~'), 'Ś', 's~'), 'ź', 'z~'), 'Ź', 'z~'), 'ż', 'z~~'), 'Ż', 'z~~'), '„', '/'), '”', '/'), '“', '/') collate "C","id") WHERE not "portal"."units"."is_active";--> statement-breakpoint
CREATE INDEX "units_teryt_idx" ON "portal"."units" USING btree ("teryt");