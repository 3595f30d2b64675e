import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** UEOZ (identity provider) owns these tables; the portal never reads them, it speaks OIDC. */
export const identity = pgSchema('identity');

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A UEOZ account: one natural person, keyed by PESEL from Profil Zaufany. */
export const accounts = identity.table(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pesel: text('pesel').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    login: text('login'),
    email: text('email'),
    emailVerifiedAt: ts('email_verified_at'),
    termsAcceptedAt: ts('terms_accepted_at'),
    /** migration → update_required → activation_required → active */
    status: text('status').notNull().default('migration'),
    eplozAccountId: uuid('eploz_account_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_pesel_uq').on(t.pesel), uniqueIndex('accounts_login_uq').on(sql`lower(${t.login})`)],
);

/** Simulated Profil Zaufany credentials (demo mode only; production uses the real PZ). */
export const pzCredentials = identity.table(
  'pz_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    pesel: text('pesel').notNull(),
    phone: text('phone').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pz_credentials_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('pz_credentials_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('pz_credentials_pesel_uq').on(t.pesel),
  ],
);

/**
 * Wrong passwords counted per typed login (a digest, never the text itself), whether or not a
 * Profil Zaufany account has that name: an unknown login locks like a real one, so lockouts do not
 * tell which accounts exist.
 */
export const pzLoginThrottle = identity.table('pz_login_throttle', {
  loginKey: text('login_key').primaryKey(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: ts('locked_until'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One SMS authorization code per login attempt; only its hash is kept. */
export const pzAuthCodes = identity.table(
  'pz_auth_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => pzCredentials.id, { onDelete: 'cascade' }),
    attemptId: text('attempt_id').notNull(),
    codeHash: text('code_hash').notNull(),
    wrongAttempts: integer('wrong_attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('pz_auth_codes_attempt_idx').on(t.attemptId)],
);

/** The legacy ePŁOZ login platform, searched by PESEL at first login. */
export const eplozAccounts = identity.table(
  'eploz_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pesel: text('pesel').notNull(),
    login: text('login').notNull(),
    email: text('email').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eploz_accounts_pesel_uq').on(t.pesel)],
);

/** "Migracja danych do UEOZ": one row per search, its event number shown on the Z02 screen. */
export const migrationAttempts = identity.table(
  'migration_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    eventNumber: text('event_number').notNull(),
    /** searching | found | not_found | aborted | skipped */
    status: text('status').notNull().default('searching'),
    eplozAccountId: uuid('eploz_account_id').references(() => eplozAccounts.id),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [uniqueIndex('migration_attempts_event_uq').on(t.eventNumber)],
);

/** Single-use activation links ("Aktywuj konto"); only the token hash is stored. */
export const emailVerificationTokens = identity.table(
  'email_verification_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    /** a newer link was sent ("Chcę dostać nowy e-mail", a new address): this one no longer activates */
    replacedAt: ts('replaced_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_verification_tokens_hash_uq').on(t.tokenHash), index('evt_account_idx').on(t.accountId)],
);

/** oidc-provider models (sessions, grants, codes, interactions …) through a database adapter. */
export const oidcModels = identity.table(
  'oidc_models',
  {
    type: text('type').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: ts('expires_at'),
    consumedAt: ts('consumed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.type, t.id] }),
    index('oidc_models_grant_idx').on(t.grantId),
    index('oidc_models_uid_idx').on(t.uid),
    index('oidc_models_expires_idx').on(t.expiresAt),
  ],
);

/** Persistent JWKS so tokens survive restarts and several instances agree. */
export const signingKeys = identity.table('signing_keys', {
  kid: text('kid').primaryKey(),
  jwk: jsonb('jwk').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Identity-side audit trail (login, codes, lockouts, migration, activation). Append-only and hash-chained like portal.audit_log. */
export const identityAudit = identity.table(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** hash chain position and hash, as portal.audit_log (sealed at commit; chain 'identity.audit_events') */
    seq: bigint('seq', { mode: 'number' }),
    hash: text('hash'),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    accountId: uuid('account_id'),
    actor: text('actor'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('identity_audit_occurred_idx').on(t.occurredAt), uniqueIndex('identity_audit_seq_uq').on(t.seq)],
);

/**
 * One sign-in at UEOZ, from the Profil Zaufany page to the end of the interaction. The browser holds
 * only the random id (signed cookie); codes, lockouts and the first-login steps hang on this row.
 */
export const loginAttempts = identity.table(
  'login_attempts',
  {
    id: text('id').primaryKey(),
    interactionUid: text('interaction_uid').notNull(),
    credentialId: uuid('credential_id').references(() => pzCredentials.id, { onDelete: 'cascade' }),
    /** password | code | authenticated | done */
    stage: text('stage').notNull().default('password'),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('login_attempts_interaction_idx').on(t.interactionUid)],
);
