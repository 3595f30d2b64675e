CREATE TABLE "identity"."login_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"interaction_uid" text NOT NULL,
	"credential_id" uuid,
	"stage" text DEFAULT 'password' NOT NULL,
	"account_id" uuid,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."login_attempts" ADD CONSTRAINT "login_attempts_credential_id_pz_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "identity"."pz_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."login_attempts" ADD CONSTRAINT "login_attempts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_interaction_idx" ON "identity"."login_attempts" USING btree ("interaction_uid");