// "Dziennik zdarzeń": the portal's audit log and the identity provider's (UEOZ) read together, newest
// first, filtered in SQL. Only read here: rows are written by recordAudit() / recordIdentityAudit().
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { rawRows } from './raw.ts';
import { foldForSearch } from '../../lib/text.ts';

export const AUDIT_SOURCES = ['portal', 'ueoz'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

export interface AuditFilters {
  /** name, surname or login of the person who acted (fragment, case and Polish letters ignored) */
  person: string;
  /** an action code, or a group of them: "request.*" */
  action: string;
  source: '' | AuditSource;
  outcome: '' | 'success' | 'failure';
  subjectType: string;
  /** the object's id, or a request number (U000593/2023) named in the entry */
  subjectId: string;
  /** a unit's id or a fragment of its name: entries of people with a profile in that unit */
  unit: string;
  /** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM', Polish time; '' = open */
  from: string;
  to: string;
}

/** Whose entries the viewer may see (policies: auditLogScope): all, or those of people with a profile in one unit. */
export type AuditScope = { kind: 'all' } | { kind: 'unit'; unitId: string };

export interface AuditRow {
  source: AuditSource;
  id: string;
  seq: number | null;
  occurredAt: Date;
  action: string;
  outcome: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  /** "Imię Nazwisko", when the person is known */
  personName: string | null;
  /** login, or the label written with the entry (e.g. a Profil Zaufany user name) */
  personLogin: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POLISH_UPPER = 'ĄĆĘŁŃÓŚŹŻąćęłńóśźż';
const POLISH_FOLDED = 'acelnoszzacelnoszz';
/** lower-case with Polish letters folded, as foldForSearch() does for the typed text (C collation lowers ASCII only) */
const fold = (e: SQL) => sql`translate(lower(${e}), ${POLISH_UPPER}, ${POLISH_FOLDED})`;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The moment a Polish-time 'YYYY-MM-DD[ HH:MM]' begins; `end` = the end of that day (or minute). */
function polishMoment(v: string, end: boolean): SQL {
  const [date, time] = v.split(' ');
  const local = time ? `${date} ${time}` : `${date} 00:00`;
  const step = time ? '1 minute' : '1 day';
  return end ? sql`((${local}::timestamp + ${step}::interval) at time zone 'Europe/Warsaw')` : sql`(${local}::timestamp at time zone 'Europe/Warsaw')`;
}

// both logs as one relation: the identity rows are linked to the portal user of the same account
// (the built-in UEOZ's subject is the account id)
const EVENTS = sql`(
  select 'portal'::text as source, a.id::text as id, a.seq, a.occurred_at, a.action, a.outcome, a.subject_type, a.subject_id,
         a.ip, a.request_id, a.details, a.actor_user_id as user_id, a.actor_label as label, null::uuid as account_id
    from portal.audit_log a
  union all
  select 'ueoz'::text, e.id::text, e.seq, e.occurred_at, e.action, e.outcome,
         case when e.account_id is null then null else 'account' end, e.account_id::text,
         e.ip, e.request_id, e.details, lu.id, e.actor, e.account_id
    from identity.audit_events e
    left join portal.users lu on lu.issuer = 'builtin' and lu.subject = e.account_id::text
) ev
left join portal.users pu on pu.id = ev.user_id
left join identity.accounts ac on ac.id = ev.account_id`;

function unitCondition(unit: string): SQL {
  const match = UUID.test(unit) ? sql`un.id = ${unit}::uuid` : sql`un.search_name like ${`%${likeEscape(foldForSearch(unit))}%`}`;
  return sql`exists (select 1 from portal.profiles p join portal.units un on un.id = p.unit_id where p.user_id = ev.user_id and ${match})`;
}

function whereOf(scope: AuditScope, f: AuditFilters): SQL {
  const conds: SQL[] = [];
  if (scope.kind === 'unit') conds.push(unitCondition(scope.unitId));
  if (f.person) {
    const term = `%${likeEscape(foldForSearch(f.person))}%`;
    conds.push(
      sql`(${fold(sql`coalesce(pu.first_name || ' ' || pu.last_name, '') || ' ' || coalesce(pu.login, '') || ' ' || coalesce(ev.label, '') || ' ' || coalesce(ac.first_name || ' ' || ac.last_name, '') || ' ' || coalesce(ac.login, '')`)} like ${term})`,
    );
  }
  if (f.action.endsWith('.*')) conds.push(sql`ev.action like ${`${likeEscape(f.action.slice(0, -1))}%`}`);
  else if (f.action) conds.push(sql`ev.action = ${f.action}`);
  if (f.source) conds.push(sql`ev.source = ${f.source}`);
  if (f.outcome) conds.push(sql`ev.outcome = ${f.outcome}`);
  if (f.subjectType) conds.push(sql`ev.subject_type = ${f.subjectType}`);
  if (f.subjectId) {
    conds.push(
      sql`(ev.subject_id = ${f.subjectId} or ev.details ->> 'number' = ${f.subjectId} or coalesce(ev.details -> 'numbers', '[]'::jsonb) ? ${f.subjectId})`,
    );
  }
  if (f.unit) conds.push(unitCondition(f.unit));
  if (f.from) conds.push(sql`ev.occurred_at >= ${polishMoment(f.from, false)}`);
  if (f.to) conds.push(sql`ev.occurred_at < ${polishMoment(f.to, true)}`);
  return conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
}

const COLUMNS = sql`ev.source, ev.id, ev.seq::text as seq, ev.occurred_at, ev.action, ev.outcome, ev.subject_type, ev.subject_id, ev.ip, ev.request_id, ev.details,
  coalesce(pu.first_name || ' ' || pu.last_name, ac.first_name || ' ' || ac.last_name) as person_name,
  coalesce(pu.login, ev.label, ac.login) as person_login`;

function toRow(r: Record<string, unknown>): AuditRow {
  const at = r.occurred_at;
  return {
    source: r.source as AuditSource,
    id: String(r.id),
    seq: r.seq === null || r.seq === undefined ? null : Number(r.seq),
    occurredAt: at instanceof Date ? at : new Date(String(at)),
    action: String(r.action),
    outcome: String(r.outcome),
    subjectType: (r.subject_type as string | null) ?? null,
    subjectId: (r.subject_id as string | null) ?? null,
    ip: (r.ip as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : (r.details ?? {})) as Record<string, unknown>,
    personName: (r.person_name as string | null) ?? null,
    personLogin: (r.person_login as string | null) ?? null,
  };
}

/** One page of entries, newest first, and how many match. */
export async function listAuditLog(
  db: DbOrTx,
  scope: AuditScope,
  f: AuditFilters,
  paging: { page: number; size: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = whereOf(scope, f);
  const [t] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from ${EVENTS} ${where}`);
  const total = Number(t?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / paging.size));
  const page = Math.min(Math.max(1, paging.page), pageCount);
  const res = await rawRows(
    db,
    sql`select ${COLUMNS} from ${EVENTS} ${where} order by ev.occurred_at desc, ev.source, ev.seq desc nulls first, ev.id desc limit ${paging.size} offset ${(page - 1) * paging.size}`,
  );
  return { rows: res.map(toRow), total };
}

/** The matching entries for the CSV export, newest first, at most `limit` (one more tells that there were more). */
export async function exportAuditLog(db: DbOrTx, scope: AuditScope, f: AuditFilters, limit: number): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  const res = await rawRows(
    db,
    sql`select ${COLUMNS} from ${EVENTS} ${whereOf(scope, f)} order by ev.occurred_at desc, ev.source, ev.seq desc nulls first, ev.id desc limit ${limit + 1}`,
  );
  const rows = res.map(toRow);
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}
