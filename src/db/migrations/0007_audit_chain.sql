CREATE TABLE "portal"."audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"columns" text[] NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"last_hash" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."audit_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "identity"."audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "portal"."audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "portal"."audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "identity_audit_seq_uq" ON "identity"."audit_events" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_uq" ON "portal"."audit_log" USING btree ("seq");--> statement-breakpoint
-- custom SQL (hand-written, keep when regenerating)
-- The audit logs (portal.audit_log, identity.audit_events) are append-only and hash-chained.
-- Canonical content of a row: the JSON array of its values in the head's column order, timestamps in UTC.
CREATE FUNCTION portal.audit_canonical(j jsonb, cols text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_agg(j -> c ORDER BY n), '[]'::jsonb)::text FROM unnest(cols) WITH ORDINALITY AS u(c, n)
$$;--> statement-breakpoint
CREATE FUNCTION portal.audit_link(prev_hash text, canonical text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || canonical, 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- the canonical content of a stored row (used by `npm run audit:check`)
CREATE FUNCTION portal.audit_row_canonical(r anyelement, cols text[]) RETURNS text LANGUAGE sql STABLE SET TimeZone TO 'UTC' AS $$
  SELECT portal.audit_canonical(to_jsonb(r), cols)
$$;--> statement-breakpoint
-- UPDATE, DELETE and TRUNCATE are refused, for every role, the owner included. The one UPDATE let
-- through is the seal below: it fills seq and hash of a row that has none yet and changes nothing else.
CREATE FUNCTION portal.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(OLD) ->> 'hash' IS NULL AND to_jsonb(OLD) ->> 'seq' IS NULL
     AND (to_jsonb(NEW) - 'seq' - 'hash') = (to_jsonb(OLD) - 'seq' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Dziennik zdarzeń %.% przyjmuje tylko nowe wpisy: % jest niedozwolone', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
-- Runs at commit (deferred), one row after another in insertion order: locks the chain's head, so
-- concurrent transactions chain in commit order without holding a lock while they work.
CREATE FUNCTION portal.audit_seal() RETURNS trigger LANGUAGE plpgsql SET TimeZone TO 'UTC' AS $$
DECLARE
  chain_name text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
  head record;
  next_seq bigint;
  next_hash text;
BEGIN
  SELECT columns, last_seq, last_hash INTO head FROM portal.audit_chain_heads WHERE chain = chain_name FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Brak początku łańcucha dziennika %', chain_name;
  END IF;
  next_seq := head.last_seq + 1;
  next_hash := portal.audit_link(head.last_hash, portal.audit_canonical(to_jsonb(NEW) || jsonb_build_object('seq', next_seq), head.columns));
  EXECUTE format('UPDATE %I.%I SET seq = $1, hash = $2 WHERE id = $3', TG_TABLE_SCHEMA, TG_TABLE_NAME) USING next_seq, next_hash, NEW.id;
  UPDATE portal.audit_chain_heads SET last_seq = next_seq, last_hash = next_hash WHERE chain = chain_name;
  RETURN NULL;
END
$$;--> statement-breakpoint
INSERT INTO portal.audit_chain_heads (chain, columns) VALUES
  ('portal.audit_log', ARRAY['seq', 'id', 'occurred_at', 'actor_user_id', 'actor_label', 'action', 'subject_type', 'subject_id', 'outcome', 'ip', 'request_id', 'details']),
  ('identity.audit_events', ARRAY['seq', 'id', 'occurred_at', 'account_id', 'actor', 'action', 'outcome', 'ip', 'request_id', 'details']);--> statement-breakpoint
-- rows written before this migration: chained once here, oldest first
DO $$
DECLARE
  t text;
  r record;
  s bigint;
  h text;
  cols text[];
BEGIN
  PERFORM set_config('TimeZone', 'UTC', true);
  FOREACH t IN ARRAY ARRAY['portal.audit_log', 'identity.audit_events'] LOOP
    s := 0;
    h := '';
    SELECT columns INTO cols FROM portal.audit_chain_heads WHERE chain = t;
    FOR r IN EXECUTE format('SELECT * FROM %s ORDER BY occurred_at, id', t) LOOP
      s := s + 1;
      h := portal.audit_link(h, portal.audit_canonical(to_jsonb(r) || jsonb_build_object('seq', s), cols));
      EXECUTE format('UPDATE %s SET seq = $1, hash = $2 WHERE id = $3', t) USING s, h, r.id;
    END LOOP;
    UPDATE portal.audit_chain_heads SET last_seq = s, last_hash = h WHERE chain = t;
  END LOOP;
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON portal.audit_log FOR EACH ROW EXECUTE FUNCTION portal.audit_append_only();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON portal.audit_log FOR EACH STATEMENT EXECUTE FUNCTION portal.audit_append_only();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_seal AFTER INSERT ON portal.audit_log DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal.audit_seal();--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON identity.audit_events FOR EACH ROW EXECUTE FUNCTION portal.audit_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON identity.audit_events FOR EACH STATEMENT EXECUTE FUNCTION portal.audit_append_only();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_events_seal AFTER INSERT ON identity.audit_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal.audit_seal();--> statement-breakpoint
-- the heads move only forward (by the seal); removing one would break every later insert
CREATE TRIGGER audit_chain_heads_keep BEFORE DELETE ON portal.audit_chain_heads FOR EACH ROW EXECUTE FUNCTION portal.audit_append_only();--> statement-breakpoint
CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON portal.audit_chain_heads FOR EACH STATEMENT EXECUTE FUNCTION portal.audit_append_only();
