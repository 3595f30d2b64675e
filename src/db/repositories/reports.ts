// "Raporty": aggregate counts over role requests and profiles, computed in SQL within a scope that
// the policy layer gives (policies/index.ts reportScope): everything, or what one verifying unit verifies.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { rawRows } from './raw.ts';

export type ReportScope = { kind: 'all' } | { kind: 'unit'; unitId: string };

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface DecisionTimeRow {
  unitId: string;
  unitName: string;
  decided: number;
  /** days, null when nothing was decided */
  medianDays: number | null;
  p90Days: number | null;
}

/** Requests that count: submitted ("Zakończ" made them pending at least once), in scope. */
function requestScope(scope: ReportScope): SQL {
  const inScope = scope.kind === 'unit' ? sql` and r.verifying_unit_id = ${scope.unitId}::uuid` : sql``;
  return sql`r.status <> 'zapisany'${inScope}`;
}

const num = (v: unknown) => Number(v ?? 0);

export async function requestsByStatus(db: DbOrTx, scope: ReportScope): Promise<{ key: string; count: number }[]> {
  const rows = await rawRows(db, sql`select r.status as key, count(*)::int as n from portal.role_requests r where ${requestScope(scope)} group by r.status`);
  return rows.map((r) => ({ key: String(r.key), count: num(r.n) }));
}

export async function requestsByRole(db: DbOrTx, scope: ReportScope): Promise<CountRow[]> {
  const rows = await rawRows(
    db,
    sql`select ro.code as key, ro.name as label, count(r.id)::int as n
        from portal.role_requests r join portal.roles ro on ro.code = r.role_code
        where ${requestScope(scope)}
        group by ro.code, ro.name, ro.sort_order order by ro.sort_order, ro.code`,
  );
  return rows.map((r) => ({ key: String(r.key), label: String(r.label), count: num(r.n) }));
}

/** By the voivodeship of the applicant's unit (a unit without one, e.g. a central unit: key ''). */
export async function requestsByVoivodeship(db: DbOrTx, scope: ReportScope): Promise<CountRow[]> {
  const rows = await rawRows(
    db,
    sql`select coalesce(u.voivodeship_code, '') as key, coalesce(min(u.voivodeship), '') as label, count(r.id)::int as n
        from portal.role_requests r
        join portal.profiles p on p.id = r.profile_id
        join portal.units u on u.id = p.unit_id
        where ${requestScope(scope)}
        group by coalesce(u.voivodeship_code, '') order by 1`,
  );
  return rows.map((r) => ({ key: String(r.key), label: String(r.label), count: num(r.n) }));
}

/** By the month of submission (Polish time): every month in which requests were submitted, oldest first (no empty months). */
export async function requestsByMonth(db: DbOrTx, scope: ReportScope): Promise<CountRow[]> {
  const rows = await rawRows(
    db,
    sql`select to_char(date_trunc('month', r.submitted_at at time zone 'Europe/Warsaw'), 'YYYY-MM') as key, count(*)::int as n
        from portal.role_requests r where ${requestScope(scope)} and r.submitted_at is not null
        group by 1 order by 1`,
  );
  return rows.map((r) => ({ key: String(r.key), label: String(r.key), count: num(r.n) }));
}

/**
 * Time from submission to the verifier's decision (approval or rejection), per verifying unit:
 * median and 90th percentile (percentile_cont), in days. Requests withdrawn by their applicant and
 * roles carried over from SSOZ I were never decided by a verifier and do not count.
 */
export async function decisionTimes(db: DbOrTx, scope: ReportScope): Promise<DecisionTimeRow[]> {
  const rows = await rawRows(
    db,
    sql`select v.id::text as unit_id, v.name as unit_name, count(*)::int as n,
               percentile_cont(0.5) within group (order by extract(epoch from r.decided_at - r.submitted_at)) / 86400 as median,
               percentile_cont(0.9) within group (order by extract(epoch from r.decided_at - r.submitted_at)) / 86400 as p90
        from portal.role_requests r
        join portal.units v on v.id = r.verifying_unit_id
        join portal.profiles p on p.id = r.profile_id
        join portal.request_submissions s on s.id = r.submission_id
        where ${requestScope(scope)} and r.decided_at is not null and r.decided_by is not null
          and r.decided_by <> p.user_id and s.source = 'wizard'
        group by v.id, v.name order by v.name`,
  );
  return rows.map((r) => ({
    unitId: String(r.unit_id),
    unitName: String(r.unit_name),
    decided: num(r.n),
    medianDays: r.median === null ? null : Number(r.median),
    p90Days: r.p90 === null ? null : Number(r.p90),
  }));
}

/**
 * People with an active profile, per kind of the profile's unit (a person active in two kinds
 * counts in each). In a unit's scope: the active profiles holding a role that unit approved.
 */
export async function activeUsersByUnitKind(db: DbOrTx, scope: ReportScope): Promise<CountRow[]> {
  const inScope =
    scope.kind === 'unit'
      ? sql` and exists (select 1 from portal.role_requests r where r.profile_id = p.id and r.status = 'zatwierdzony' and r.verifying_unit_id = ${scope.unitId}::uuid)`
      : sql``;
  const rows = await rawRows(
    db,
    sql`select k.code as key, k.name as label, count(distinct p.user_id)::int as n
        from portal.profiles p
        join portal.units u on u.id = p.unit_id
        join portal.unit_kinds k on k.code = u.kind_code
        where p.status = 'aktywny'${inScope}
        group by k.code, k.name, k.sort_order order by k.sort_order, k.code`,
  );
  return rows.map((r) => ({ key: String(r.key), label: String(r.label), count: num(r.n) }));
}
