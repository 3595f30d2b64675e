import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DEADLINE_LEVELS, REPORT_ORIGINS, REPORT_STATUSES, type ReportStatus } from '../../domain/reporting/lifecycle.ts';
import { portal, unitKinds, units, users } from './portal.ts';

/**
 * Statistical reporting (DHIS2: data sets, data values, completeness and approval by levels).
 * Form definitions are files under `reference/forms/`, checked and loaded into `form_definitions` at
 * every start; obligations (which unit owes which form for which year) and deadlines are data, so a
 * new year or a changed deadline is an edit in "Zarządzanie", never a code change.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const oneOf = (column: Parameters<typeof sql>[1], values: readonly string[]) => sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

/** One version of a form's definition, as loaded from its file (the JSON is the whole definition). */
export const formDefinitions = portal.table(
  'form_definitions',
  {
    form: text('form').notNull(),
    version: integer('version').notNull(),
    years: integer('years').array().notNull(),
    title: text('title').notNull(),
    area: text('area').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    loadedAt: ts('loaded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.form, t.version] })],
);

/**
 * The catalogue of forms: which unit kinds owe a form, who verifies it (the kind of the supervising
 * unit), and whether the yearly ankieta decides it (a question) or the kind alone does.
 */
export const reportFormKinds = portal.table(
  'report_form_kinds',
  {
    form: text('form').notNull(),
    kindCode: text('kind_code')
      .notNull()
      .references(() => unitKinds.code),
    /** unit kind of the verifying level ("UW", "WSSE", "IPIN", "KCPU") */
    verifierKind: text('verifier_kind').notNull(),
    /** true: the unit owes the form only when its ankieta says so */
    bySurvey: boolean('by_survey').notNull(),
  },
  (t) => [primaryKey({ columns: [t.form, t.kindCode] })],
);

/** Deadlines per form × reporting year × level (jednostka: the unit sends; nadzor: the verifier approves; cez: CeZ approves). */
export const formDeadlines = portal.table(
  'form_deadlines',
  {
    form: text('form').notNull(),
    year: integer('year').notNull(),
    level: text('level').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** the public source of the date, shown in "Terminy sprawozdań" */
    source: text('source'),
    editedAt: ts('edited_at'),
    editedBy: uuid('edited_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.form, t.year, t.level] }), check('form_deadlines_level_ck', oneOf(t.level, DEADLINE_LEVELS))],
);

/** The ankieta of a unit for a reporting year: its answers, who gave them, and a supervisor's correction. */
export const unitSurveys = portal.table(
  'unit_surveys',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    /** question code → 'T' | 'N' */
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    correctedAt: ts('corrected_at'),
    /** the supervisor's reason for the last correction */
    correctionReason: text('correction_reason'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/**
 * One report: a unit's obligation for a form and year, and its current content. Values are the typed
 * strings keyed by cell code. `levelUnitIds` is the chain of verifying units (the supervisor, then
 * CeZ when the schedule has a CeZ level); while "Do weryfikacji" `pendingLevel` says which of them
 * acts now. `revision` grows with every change, so a form sent from a stale page is refused.
 */
export const reports = portal.table(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    form: text('form').notNull(),
    year: integer('year').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    area: text('area').notNull(),
    status: text('status').$type<ReportStatus>().notNull(),
    levelUnitIds: uuid('level_unit_ids').array().notNull(),
    pendingLevel: integer('pending_level'),
    /** 1 = the first submission; a correction of an approved report opens the next */
    version: integer('version').notNull().default(1),
    revision: integer('revision').notNull().default(0),
    values: jsonb('values').$type<Record<string, string>>().notNull().default({}),
    /** written explanations of warnings, by rule code */
    explanations: jsonb('explanations').$type<Record<string, string>>().notNull().default({}),
    /** the verifier's last general comment and comments on cells (shown while "Do korekty") */
    returnComment: text('return_comment'),
    cellComments: jsonb('cell_comments').$type<Record<string, string>>().notNull().default({}),
    /** why the obligation exists: the unit kind alone, the ankieta, or a supervisor's correction */
    origin: text('origin').notNull(),
    /** the last save or submission was made by a supervisor on behalf of the unit */
    filledOnBehalf: boolean('filled_on_behalf').notNull().default(false),
    submittedAt: ts('submitted_at'),
    /** who sent it last: nobody approves or returns a report they sent themselves (four eyes) */
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** the Warsaw calendar day of the first submission (timeliness compares calendar days) */
    firstSubmittedOn: date('first_submitted_on', { mode: 'string' }),
    approvedAt: ts('approved_at'),
    /** an obligation withdrawn by a supervisor's correction of the ankieta (never started) */
    cancelledAt: ts('cancelled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('reports_unit_form_year_uq').on(t.unitId, t.form, t.year),
    index('reports_status_idx').on(t.area, t.status),
    index('reports_year_idx').on(t.year, t.form),
    index('reports_level_units_idx').using('gin', t.levelUnitIds),
    check('reports_status_ck', oneOf(t.status, REPORT_STATUSES)),
    check('reports_origin_ck', oneOf(t.origin, REPORT_ORIGINS)),
  ],
);

/** Every approved version of a report, kept for the record and for "Różnice między wersjami". */
export const reportVersions = portal.table(
  'report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    explanations: jsonb('explanations').$type<Record<string, string>>().notNull(),
    approvedAt: ts('approved_at').notNull(),
    /** why the next version was opened (set when a correction is opened) */
    correctionReason: text('correction_reason'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

/** The report's history ("Historia sprawozdania"): every transition with who, when and the comment. */
export const reportEvents = portal.table(
  'report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** the unit the actor worked in */
    actorUnitId: uuid('actor_unit_id').references(() => units.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    version: integer('version').notNull(),
    comment: text('comment'),
    onBehalf: boolean('on_behalf').notNull().default(false),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.at)],
);
