CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE SCHEMA "identity";
--> statement-breakpoint
CREATE SCHEMA "portal";
--> statement-breakpoint
CREATE SCHEMA "messaging";
--> statement-breakpoint
CREATE TABLE "identity"."accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pesel" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"login" text,
	"email" text,
	"email_verified_at" timestamp with time zone,
	"terms_accepted_at" timestamp with time zone,
	"status" text DEFAULT 'migration' NOT NULL,
	"eploz_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."email_verification_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."eploz_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pesel" text NOT NULL,
	"login" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid,
	"actor" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"ip" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."migration_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"event_number" text NOT NULL,
	"status" text DEFAULT 'searching' NOT NULL,
	"eploz_account_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity"."oidc_models" (
	"type" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"user_code" text,
	"uid" text,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "oidc_models_type_id_pk" PRIMARY KEY("type","id")
);
--> statement-breakpoint
CREATE TABLE "identity"."pz_auth_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credential_id" uuid NOT NULL,
	"attempt_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"wrong_attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."pz_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"pesel" text NOT NULL,
	"phone" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"jwk" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"original_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"scan_status" text DEFAULT 'pending' NOT NULL,
	"scan_detail" text,
	"scan_attempts" integer DEFAULT 0 NOT NULL,
	"scanned_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"outcome" text DEFAULT 'success' NOT NULL,
	"ip" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."contact_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference_no" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"topic" text NOT NULL,
	"message" text NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."legacy_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"login" text NOT NULL,
	"password_hash" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"legacy_roles" text[] NOT NULL,
	"created_on" date NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"transferred_at" timestamp with time zone,
	"transferred_to_profile_id" uuid,
	"transferred_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "portal"."legacy_role_mappings" (
	"legacy_name" text PRIMARY KEY NOT NULL,
	"role_code" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "portal"."permissions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_at" timestamp with time zone,
	"blocked_by" uuid,
	"blocked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."request_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."request_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."request_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."request_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"source" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"pdf_downloaded_at" timestamp with time zone,
	"delivery_choice" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."role_permissions" (
	"role_code" text NOT NULL,
	"permission_code" text NOT NULL,
	CONSTRAINT "role_permissions_role_code_permission_code_pk" PRIMARY KEY("role_code","permission_code")
);
--> statement-breakpoint
CREATE TABLE "portal"."role_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"submission_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"role_code" text NOT NULL,
	"status" text NOT NULL,
	"reject_reason" text,
	"verifying_unit_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"assigned_at" timestamp with time zone,
	"reminder_opt_out" boolean DEFAULT false NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."roles" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"unit_class" text NOT NULL,
	"only_unit_kind" text,
	"report_area" text,
	"is_admin" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idle_expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."unit_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_central" boolean NOT NULL,
	"is_supervising" boolean NOT NULL,
	"is_reporting" boolean NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_key" text NOT NULL,
	"kind_code" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"nip" text,
	"regon" text,
	"registry_book_no" text,
	"teryt" text,
	"voivodeship_code" text,
	"voivodeship" text,
	"powiat" text,
	"gmina" text,
	"locality" text,
	"postal_code" text,
	"street" text,
	"building_no" text,
	"phone" text,
	"email" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_addiction_care" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"login" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messaging"."messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"to" text NOT NULL,
	"subject" text,
	"text" text NOT NULL,
	"html" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"transport" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identity"."email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."migration_attempts" ADD CONSTRAINT "migration_attempts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."migration_attempts" ADD CONSTRAINT "migration_attempts_eploz_account_id_eploz_accounts_id_fk" FOREIGN KEY ("eploz_account_id") REFERENCES "identity"."eploz_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."pz_auth_codes" ADD CONSTRAINT "pz_auth_codes_credential_id_pz_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "identity"."pz_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."announcements" ADD CONSTRAINT "announcements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."attachments" ADD CONSTRAINT "attachments_submission_id_request_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "portal"."request_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."attachments" ADD CONSTRAINT "attachments_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."legacy_accounts" ADD CONSTRAINT "legacy_accounts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."legacy_accounts" ADD CONSTRAINT "legacy_accounts_transferred_to_profile_id_profiles_id_fk" FOREIGN KEY ("transferred_to_profile_id") REFERENCES "portal"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."legacy_accounts" ADD CONSTRAINT "legacy_accounts_transferred_by_user_id_users_id_fk" FOREIGN KEY ("transferred_by_user_id") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."legacy_role_mappings" ADD CONSTRAINT "legacy_role_mappings_role_code_roles_code_fk" FOREIGN KEY ("role_code") REFERENCES "portal"."roles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."profiles" ADD CONSTRAINT "profiles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."profiles" ADD CONSTRAINT "profiles_blocked_by_users_id_fk" FOREIGN KEY ("blocked_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."request_drafts" ADD CONSTRAINT "request_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "portal"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."request_status_history" ADD CONSTRAINT "request_status_history_request_id_role_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "portal"."role_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."request_status_history" ADD CONSTRAINT "request_status_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."request_submissions" ADD CONSTRAINT "request_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."request_submissions" ADD CONSTRAINT "request_submissions_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "portal"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."role_permissions" ADD CONSTRAINT "role_permissions_role_code_roles_code_fk" FOREIGN KEY ("role_code") REFERENCES "portal"."roles"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."role_permissions" ADD CONSTRAINT "role_permissions_permission_code_permissions_code_fk" FOREIGN KEY ("permission_code") REFERENCES "portal"."permissions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."role_requests" ADD CONSTRAINT "role_requests_submission_id_request_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "portal"."request_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."role_requests" ADD CONSTRAINT "role_requests_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "portal"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."role_requests" ADD CONSTRAINT "role_requests_role_code_roles_code_fk" FOREIGN KEY ("role_code") REFERENCES "portal"."roles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."role_requests" ADD CONSTRAINT "role_requests_verifying_unit_id_units_id_fk" FOREIGN KEY ("verifying_unit_id") REFERENCES "portal"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."role_requests" ADD CONSTRAINT "role_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "portal"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."roles" ADD CONSTRAINT "roles_only_unit_kind_unit_kinds_code_fk" FOREIGN KEY ("only_unit_kind") REFERENCES "portal"."unit_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "portal"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."units" ADD CONSTRAINT "units_kind_code_unit_kinds_code_fk" FOREIGN KEY ("kind_code") REFERENCES "portal"."unit_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_pesel_uq" ON "identity"."accounts" USING btree ("pesel");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_login_uq" ON "identity"."accounts" USING btree (lower("login"));--> statement-breakpoint
CREATE UNIQUE INDEX "email_verification_tokens_hash_uq" ON "identity"."email_verification_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "evt_account_idx" ON "identity"."email_verification_tokens" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eploz_accounts_pesel_uq" ON "identity"."eploz_accounts" USING btree ("pesel");--> statement-breakpoint
CREATE INDEX "identity_audit_occurred_idx" ON "identity"."audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "migration_attempts_event_uq" ON "identity"."migration_attempts" USING btree ("event_number");--> statement-breakpoint
CREATE INDEX "oidc_models_grant_idx" ON "identity"."oidc_models" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "oidc_models_uid_idx" ON "identity"."oidc_models" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "oidc_models_expires_idx" ON "identity"."oidc_models" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "pz_auth_codes_attempt_idx" ON "identity"."pz_auth_codes" USING btree ("attempt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pz_credentials_username_uq" ON "identity"."pz_credentials" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "pz_credentials_email_uq" ON "identity"."pz_credentials" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "pz_credentials_pesel_uq" ON "identity"."pz_credentials" USING btree ("pesel");--> statement-breakpoint
CREATE INDEX "announcements_published_idx" ON "portal"."announcements" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_storage_key_uq" ON "portal"."attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "attachments_submission_idx" ON "portal"."attachments" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_idx" ON "portal"."audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "portal"."audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "portal"."audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_requests_reference_uq" ON "portal"."contact_requests" USING btree ("reference_no");--> statement-breakpoint
CREATE UNIQUE INDEX "legacy_accounts_login_uq" ON "portal"."legacy_accounts" USING btree (lower("login"));--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_user_unit_uq" ON "portal"."profiles" USING btree ("user_id","unit_id");--> statement-breakpoint
CREATE INDEX "profiles_unit_idx" ON "portal"."profiles" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "request_drafts_user_idx" ON "portal"."request_drafts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "request_status_history_request_idx" ON "portal"."request_status_history" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_submissions_idem_uq" ON "portal"."request_submissions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "role_requests_number_uq" ON "portal"."role_requests" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "role_requests_year_seq_uq" ON "portal"."role_requests" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "role_requests_profile_idx" ON "portal"."role_requests" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "role_requests_verifier_status_idx" ON "portal"."role_requests" USING btree ("verifying_unit_id","status");--> statement-breakpoint
CREATE INDEX "role_requests_submission_idx" ON "portal"."role_requests" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "portal"."sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_idle_idx" ON "portal"."sessions" USING btree ("idle_expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "units_source_key_uq" ON "portal"."units" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "units_kind_idx" ON "portal"."units" USING btree ("kind_code");--> statement-breakpoint
CREATE INDEX "units_nip_idx" ON "portal"."units" USING btree ("nip");--> statement-breakpoint
CREATE INDEX "units_regon_idx" ON "portal"."units" USING btree ("regon");--> statement-breakpoint
CREATE INDEX "units_registry_book_idx" ON "portal"."units" USING btree ("registry_book_no");--> statement-breakpoint
CREATE INDEX "units_voivodeship_idx" ON "portal"."units" USING btree ("voivodeship_code");--> statement-breakpoint
CREATE INDEX "units_search_name_trgm_idx" ON "portal"."units" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "users_subject_uq" ON "portal"."users" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "messages_created_idx" ON "messaging"."messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_to_idx" ON "messaging"."messages" USING btree ("to");