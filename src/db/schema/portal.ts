import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PROFILE_STATUSES, REQUEST_STATUSES } from '../../domain/status.ts';
import { polishSortKey } from '../sort-key.ts';

/**
 * SSOZ II portal tables. Users arrive through OIDC; the portal never stores passwords, and a PESEL
 * only as a keyed hash (linking), a masked form and a ciphertext (see `users`).
 */
export const portal = pgSchema('portal');

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A status column holds only the codes the domain knows: `col in ('a', 'b', …)`. */
const oneOf = (column: Parameters<typeof sql>[1], values: readonly string[]) => sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
const SCAN_STATUSES = ['pending', 'clean', 'infected'] as const;

// ───────────────────────── reference data (Słowniki), loaded in every mode ─────────────────────────

/**
 * Set when an administrator edits the row in "Zarządzanie → Słowniki": the reference seed (run at
 * every start) then keeps the row's editable values instead of overwriting them with the shipped ones.
 * (No foreign key to users: the dictionaries are created before any user exists.)
 */
const editedColumns = () => ({ editedAt: ts('edited_at'), editedBy: uuid('edited_by') });

export const unitKinds = portal.table('unit_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  isCentral: boolean('is_central').notNull(),
  isSupervising: boolean('is_supervising').notNull(),
  isReporting: boolean('is_reporting').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  ...editedColumns(),
});

export const permissions = portal.table('permissions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  ...editedColumns(),
});

export const roles = portal.table('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  /** central | supervising | reporting */
  unitClass: text('unit_class').notNull(),
  onlyUnitKind: text('only_unit_kind').references(() => unitKinds.code),
  /** niefinansowe | finansowe | karty_psychiatryczne | null (administrative roles) */
  reportArea: text('report_area'),
  /** administrator roles manage users; verifiers are the active administrators of a unit */
  isAdmin: boolean('is_admin').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  /** name or description edited in "Słowniki" (the reference seed keeps them) */
  ...editedColumns(),
  /** its permissions edited in "Słowniki" (the reference seed leaves this role's mapping alone) */
  permissionsEditedAt: ts('permissions_edited_at'),
  permissionsEditedBy: uuid('permissions_edited_by'),
});

export const rolePermissions = portal.table(
  'role_permissions',
  {
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code, { onDelete: 'cascade' }),
    permissionCode: text('permission_code')
      .notNull()
      .references(() => permissions.code, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.permissionCode] })],
);

/** SSOZ I role names and what they become in SSOZ II (null: not carried over, with a note). */
export const legacyRoleMappings = portal.table('legacy_role_mappings', {
  legacyName: text('legacy_name').primaryKey(),
  roleCode: text('role_code').references(() => roles.code),
  note: text('note'),
  ...editedColumns(),
});

// ───────────────────────── registry ─────────────────────────

/** Text compared byte-wise (C collation), as the Polish sort key is meant to be compared. */
const textC = customType<{ data: string; driverData: string }>({ dataType: () => 'text COLLATE "C"' });

export const units = portal.table(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key of the source record (registry import or demo generator), for idempotent loads. */
    sourceKey: text('source_key').notNull(),
    kindCode: text('kind_code')
      .notNull()
      .references(() => unitKinds.code),
    name: text('name').notNull(),
    /** lower-case name with Polish diacritics folded, searched through a trigram index */
    searchName: text('search_name').notNull(),
    /**
     * The name's Polish sort key (polishSortKey), kept by the database: a search sorts its matches by
     * this column instead of computing the 21-step expression for every match (issue #11).
     */
    sortKey: textC('sort_key')
      .notNull()
      .generatedAlwaysAs(polishSortKey(sql`"name"`)),
    nip: text('nip'),
    regon: text('regon'),
    registryBookNo: text('registry_book_no'),
    teryt: text('teryt'),
    voivodeshipCode: text('voivodeship_code'),
    voivodeship: text('voivodeship'),
    powiat: text('powiat'),
    gmina: text('gmina'),
    locality: text('locality'),
    postalCode: text('postal_code'),
    street: text('street'),
    buildingNo: text('building_no'),
    phone: text('phone'),
    email: text('email'),
    isActive: boolean('is_active').notNull().default(true),
    isAddictionCare: boolean('is_addiction_care').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_source_key_uq').on(t.sourceKey),
    index('units_kind_idx').on(t.kindCode),
    index('units_nip_idx').on(t.nip),
    index('units_regon_idx').on(t.regon),
    index('units_registry_book_idx').on(t.registryBookNo),
    index('units_voivodeship_idx').on(t.voivodeshipCode),
    index('units_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    // the wizard lists the whole registry at once, in Polish name order: page by page from this index
    index('units_active_sort_idx')
      .on(t.sortKey, t.id)
      .where(sql`${t.isActive}`),
    index('units_active_kind_sort_idx')
      .on(t.kindCode, t.sortKey, t.id)
      .where(sql`${t.isActive}`),
    // "Zarządzanie → Jednostki" also lists every unit and the inactive ones (few) in name order, and filters by a
    // TERYT prefix (C collation: a btree serves LIKE 'x%')
    index('units_sort_idx').on(t.sortKey, t.id),
    index('units_inactive_sort_idx')
      .on(t.sortKey, t.id)
      .where(sql`not ${t.isActive}`),
    index('units_teryt_idx').on(t.teryt),
  ],
);

/** Which units supervise a unit ("Jednostki nadzorujące"): edited in "Zarządzanie → Jednostki". */
export const unitSupervisors = portal.table(
  'unit_supervisors',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    supervisorUnitId: uuid('supervisor_unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.supervisorUnitId] }),
    index('unit_supervisors_supervisor_idx').on(t.supervisorUnitId),
    check('unit_supervisors_not_self_ck', sql`${t.unitId} <> ${t.supervisorUnitId}`),
  ],
);

// ───────────────────────── users, profiles, role requests ─────────────────────────

/** A portal user as known from the identity provider's claims (subject = stable OIDC `sub`). */
/** `users.issuer` of the built-in UEOZ provider: a fixed key, so a new PUBLIC_URL keeps every user. */
export const BUILTIN_ISSUER = 'builtin';

/**
 * A person. Known by the identity provider's issuer + subject; `peselHash` (a keyed HMAC of the
 * verified PESEL claim) links the first sign-in from a new issuer to the same person. For the
 * verifiers: `peselMasked` ("85*********", what every verifier sees) and `peselEnc` (AES-256-GCM under
 * PESEL_KEY, kept outside the database; decrypted only for Administrator CeZ, audited), both written
 * at each sign-in from the verified claim (portal/auth/pesel-vault.ts).
 */
export const users = portal.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull().default(BUILTIN_ISSUER),
    subject: text('subject').notNull(),
    peselHash: text('pesel_hash'),
    peselMasked: text('pesel_masked'),
    peselEnc: text('pesel_enc'),
    login: text('login'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [
    uniqueIndex('users_issuer_subject_uq').on(t.issuer, t.subject),
    uniqueIndex('users_pesel_hash_uq')
      .on(t.peselHash)
      .where(sql`${t.peselHash} is not null`),
  ],
);

/** One user in one unit. `status` is a cache of deriveProfileStatus(), recomputed in the same transaction. */
export const profiles = portal.table(
  'profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    status: text('status').notNull(),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    blockedAt: ts('blocked_at'),
    blockedBy: uuid('blocked_by').references(() => users.id),
    blockedReason: text('blocked_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('profiles_user_unit_uq').on(t.userId, t.unitId),
    index('profiles_unit_idx').on(t.unitId),
    check('profiles_status_ck', oneOf(t.status, PROFILE_STATUSES)),
  ],
);

/** One run of a wizard ("Zapisz wniosek"): its requests share one PDF. The key makes a resubmit a no-op. */
export const requestSubmissions = portal.table(
  'request_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => profiles.id),
    /** wizard | ssoz1_transfer */
    source: text('source').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    pdfDownloadedAt: ts('pdf_downloaded_at'),
    /** now | later — "Kiedy chcesz przekazać podpisany wniosek" */
    deliveryChoice: text('delivery_choice'),
    finishedAt: ts('finished_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('request_submissions_idem_uq').on(t.idempotencyKey),
    check('request_submissions_source_ck', oneOf(t.source, ['wizard', 'ssoz1_transfer'])),
    check('request_submissions_delivery_ck', sql`${t.deliveryChoice} is null or ${oneOf(t.deliveryChoice, ['now', 'later'])}`),
  ],
);

/** Per-year counter behind U######/YYYY; incremented with an atomic upsert. */
export const requestNumberCounters = portal.table('request_number_counters', {
  year: integer('year').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});

export const roleRequests = portal.table(
  'role_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => requestSubmissions.id),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => profiles.id),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    /** zapisany | oczekujacy | zatwierdzony | odrzucony | zarchiwizowany (domain/status.ts; moves in domain/request-lifecycle.ts) */
    status: text('status').notNull(),
    rejectReason: text('reject_reason'),
    verifyingUnitId: uuid('verifying_unit_id')
      .notNull()
      .references(() => units.id),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** "Przypisana od": when the role became effective */
    assignedAt: ts('assigned_at'),
    /** "Plik został wysłany mailem lub wydruk pocztą — nie przypominaj mi …" */
    reminderOptOut: boolean('reminder_opt_out').notNull().default(false),
    /** a verifier confirmed that the signed application arrived on paper or by e-mail (needed to approve without a safe file) */
    signedCopyConfirmedAt: ts('signed_copy_confirmed_at'),
    signedCopyConfirmedBy: uuid('signed_copy_confirmed_by').references(() => users.id),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_requests_number_uq').on(t.number),
    uniqueIndex('role_requests_year_seq_uq').on(t.year, t.seq),
    index('role_requests_profile_idx').on(t.profileId),
    index('role_requests_verifier_status_idx').on(t.verifyingUnitId, t.status),
    index('role_requests_submission_idx').on(t.submissionId),
    check('role_requests_status_ck', oneOf(t.status, REQUEST_STATUSES)),
  ],
);

export const requestStatusHistory = portal.table(
  'request_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => roleRequests.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [
    index('request_status_history_request_idx').on(t.requestId),
    check('request_status_history_to_ck', oneOf(t.toStatus, REQUEST_STATUSES)),
    check('request_status_history_from_ck', sql`${t.fromStatus} is null or ${oneOf(t.fromStatus, REQUEST_STATUSES)}`),
  ],
);

/** Server-side wizard drafts, so steps survive reloads and can be refused out of order. */
export const requestDrafts = portal.table(
  'request_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** new_profile | new_roles | ssoz1_transfer */
    kind: text('kind').notNull(),
    step: text('step').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('request_drafts_user_idx').on(t.userId)],
);

/** Signed application files. Bytes live in the storage backend under `storageKey`, never in the web root. */
export const attachments = portal.table(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => requestSubmissions.id),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    originalName: text('original_name').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** pending | clean | infected */
    scanStatus: text('scan_status').notNull().default('pending'),
    scanDetail: text('scan_detail'),
    scanAttempts: integer('scan_attempts').notNull().default(0),
    scannedAt: ts('scanned_at'),
    deletedAt: ts('deleted_at'),
    /** owner | malware */
    deletedReason: text('deleted_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attachments_storage_key_uq').on(t.storageKey),
    index('attachments_submission_idx').on(t.submissionId),
    check('attachments_scan_status_ck', oneOf(t.scanStatus, SCAN_STATUSES)),
    check('attachments_deleted_reason_ck', sql`${t.deletedReason} is null or ${oneOf(t.deletedReason, ['owner', 'malware'])}`),
  ],
);

// ───────────────────────── SSOZ I legacy accounts ─────────────────────────

export const legacyAccounts = portal.table(
  'legacy_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    login: text('login').notNull(),
    passwordHash: text('password_hash').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    legacyRoles: text('legacy_roles').array().notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    transferredAt: ts('transferred_at'),
    transferredToProfileId: uuid('transferred_to_profile_id').references(() => profiles.id),
    transferredByUserId: uuid('transferred_by_user_id').references(() => users.id),
  },
  (t) => [uniqueIndex('legacy_accounts_login_uq').on(sql`lower(${t.login})`)],
);

// ───────────────────────── sessions, announcements, audit ─────────────────────────

/** Server-side portal sessions; the cookie holds only the random id, the table only its hash. */
export const sessions = portal.table(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    idleExpiresAt: ts('idle_expires_at').notNull(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_idle_idx').on(t.idleExpiresAt)],
);

/** "Komunikaty": the home page shows the newest published one ("Najnowszy komunikat"). */
export const announcements = portal.table(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** the publication window: from (null: a draft, never shown) … */
    publishedAt: ts('published_at'),
    /** … until (exclusive); null: without an end */
    publishedUntil: ts('published_until'),
    /** role codes of the audience; empty: every user */
    audienceRoles: text('audience_roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [
    index('announcements_published_idx').on(t.publishedAt),
    check('announcements_window_ck', sql`${t.publishedUntil} is null or ${t.publishedAt} is null or ${t.publishedUntil} > ${t.publishedAt}`),
  ],
);

/**
 * Who did what and when (rozliczalność). Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE;
 * at commit a deferred trigger seals each new row into a hash chain (`seq`, `hash`; see
 * `audit_chain_heads` and the custom SQL of migration 0005). Never written to directly: recordAudit().
 */
export const auditLog = portal.table(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** position in the hash chain, 1, 2, 3 … without gaps; set when the inserting transaction commits */
    seq: bigint('seq', { mode: 'number' }),
    /** sha256 hex of (previous row's hash + this row's canonical content); set with `seq` */
    hash: text('hash'),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** success | failure */
    outcome: text('outcome').notNull().default('success'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_occurred_idx').on(t.occurredAt),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_actor_idx').on(t.actorUserId),
    uniqueIndex('audit_log_seq_uq').on(t.seq),
  ],
);

/**
 * The head of each audit hash chain ('portal.audit_log', 'identity.audit_events'): the last sealed
 * row's position and hash, and the columns whose values make a row's canonical content. Sealing
 * locks this row, so concurrent transactions chain one after another; the check compares the head
 * with the last row, so even the deletion of the newest rows is found.
 */
export const auditChainHeads = portal.table('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  columns: text('columns').array().notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  lastHash: text('last_hash').notNull().default(''),
});

/** "Skontaktuj się z nami": messages to the helpdesk. The id comes from the form, so a resubmit is a no-op. */
export const contactRequests = portal.table(
  'contact_requests',
  {
    id: uuid('id').primaryKey(),
    referenceNo: text('reference_no').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    topic: text('topic').notNull(),
    message: text('message').notNull(),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_requests_reference_uq').on(t.referenceNo)],
);

/**
 * The daily digest e-mail of pending role requests, one row per verifying unit and Polish calendar
 * day: the primary key makes the job idempotent (a second run the same day inserts nothing and sends
 * nothing), also with several instances running it at once.
 */
export const requestDigests = portal.table(
  'request_digests',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
    recipients: integer('recipients').notNull(),
    waiting: integer('waiting').notNull(),
    overdue: integer('overdue').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);

/**
 * What the demo's reference and demo data were last brought up to date from (the code and data that shape
 * them, and the installation's PESEL keys): a demo start on an existing data directory skips the seeds
 * when this is unchanged (bootstrap, issue #11). Production syncs the reference data at every start.
 */
export const seedState = portal.table('seed_state', {
  name: text('name').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  seededAt: ts('seeded_at').notNull(),
});
