DROP INDEX "portal"."units_active_sort_idx";--> statement-breakpoint
DROP INDEX "portal"."units_active_kind_sort_idx";--> statement-breakpoint
DROP INDEX "portal"."units_sort_idx";--> statement-breakpoint
DROP INDEX "portal"."units_inactive_sort_idx";--> statement-breakpoint
ALTER TABLE "portal"."units" ADD COLUMN "sort_key" text COLLATE "C" GENERATED ALWAYS AS (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower("name" collate "C"), 'ą', 'a~'), 'Ą', 'a~'), 'ć', 'c~'), 'Ć', 'c~'), 'ę', 'e~'), 'Ę', 'e~'), 'ł', 'l~'), 'Ł', 'l~'), 'ń', 'n~'), 'Ń', 'n~'), 'ó', 'o~'), 'Ó', 'o~'), 'ś', 's~'), 'Ś', 's~'), 'ź', 'z~'), 'Ź', 'z~'), 'ż', 'z~~'), 'Ż', 'z~~'), '„', '/'), '”', '/'), '“', '/') collate "C") STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "units_active_sort_idx" ON "portal"."units" USING btree ("sort_key","id") WHERE "portal"."units"."is_active";--> statement-breakpoint
CREATE INDEX "units_active_kind_sort_idx" ON "portal"."units" USING btree ("kind_code","sort_key","id") WHERE "portal"."units"."is_active";--> statement-breakpoint
CREATE INDEX "units_sort_idx" ON "portal"."units" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "units_inactive_sort_idx" ON "portal"."units" USING btree ("sort_key","id") WHERE not "portal"."units"."is_active";