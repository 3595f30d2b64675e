/**
 * What the database says about accepted work: every submission the portal accepted is there with
 * its requests, none is half-written, and this year's request numbers are unique and gap-free.
 */
import type { PrivatePostgres } from './lib.ts';

export interface Baseline {
  year: number;
  lastSeq: number;
}

export async function baseline(pg: PrivatePostgres, db: string): Promise<Baseline> {
  const year = new Date().getFullYear();
  const rows = await pg.query<{ last_seq: number }>(db, 'select last_seq from portal.request_number_counters where year = $1', [year]);
  return { year, lastSeq: rows[0]?.last_seq ?? 0 };
}

/**
 * Losses: an accepted submission missing or without requests; a submission of the run with no
 * request (half-written); a number of this year used twice, or missing between the baseline and the
 * counter (a gap among committed numbers), or a request whose number does not match its seq.
 */
export async function checkLedger(pg: PrivatePostgres, db: string, base: Baseline, accepted: readonly string[]): Promise<{ lost: string[]; facts: string[] }> {
  const lost: string[] = [];
  const ids = [...new Set(accepted)];
  const found = await pg.query<{ id: string; n: number }>(
    db,
    `select s.id, count(r.id)::int as n from portal.request_submissions s left join portal.role_requests r on r.submission_id = s.id
      where s.id = any($1::uuid[]) group by s.id`,
    [ids],
  );
  const byId = new Map(found.map((r) => [r.id, r.n]));
  for (const id of ids) {
    if (!byId.has(id)) lost.push(`accepted submission ${id} is not in the database`);
    else if (byId.get(id) === 0) lost.push(`accepted submission ${id} has no request`);
  }
  const half = await pg.query<{ id: string }>(
    db,
    `select s.id from portal.request_submissions s where not exists (select 1 from portal.role_requests r where r.submission_id = s.id)`,
  );
  for (const h of half) lost.push(`half-written submission ${h.id} (no request)`);
  const reqs = await pg.query<{ seq: number; number: string }>(db, 'select seq, number from portal.role_requests where year = $1 and seq > $2 order by seq', [
    base.year,
    base.lastSeq,
  ]);
  const [counter] = await pg.query<{ last_seq: number }>(db, 'select last_seq from portal.request_number_counters where year = $1', [base.year]);
  const last = counter?.last_seq ?? base.lastSeq;
  const seen = new Set<number>();
  for (const r of reqs) {
    if (seen.has(r.seq)) lost.push(`number ${r.number} used twice`);
    seen.add(r.seq);
    if (r.number !== `U${String(r.seq).padStart(6, '0')}/${base.year}`) lost.push(`number ${r.number} does not match seq ${r.seq}`);
  }
  const gaps: number[] = [];
  for (let s = base.lastSeq + 1; s <= last; s++) if (!seen.has(s)) gaps.push(s);
  if (gaps.length) lost.push(`${gaps.length} gap(s) in ${base.year}'s numbers: ${gaps.slice(0, 10).join(', ')}`);
  const facts = [
    `${ids.length} accepted submissions all in the database`,
    `${reqs.length} numbers of ${base.year} (${base.lastSeq + 1}…${last}), unique and gap-free`,
  ];
  return { lost, facts: lost.length ? [] : facts };
}
