import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { rawRows } from './raw.ts';

/**
 * The hash chains of the audit logs (migration 0005): every row carries `seq` (1, 2, 3 … without
 * gaps) and `hash` = sha256(previous row's hash + the row's canonical content), sealed by a database
 * trigger when the inserting transaction commits; `portal.audit_chain_heads` holds each chain's last
 * position and hash. This walks each chain and says where it breaks. The hash is recomputed here,
 * in Node, from the canonical content the database renders — so a changed database function does
 * not vouch for itself.
 */
const CHAINS: Record<string, SQL> = {
  'portal.audit_log': sql`portal.audit_log`,
  'identity.audit_events': sql`identity.audit_events`,
};

export type ChainProblemKind = 'edited' | 'missing' | 'missing_newest' | 'unsealed' | 'head';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** chain position of the row concerned (the first missing one for a gap) */
  seq: number | null;
  /** the row's id, when there is a row */
  id: string | null;
  message: string;
}

export interface ChainReport {
  chain: string;
  rows: number;
  lastSeq: number;
  problems: ChainProblem[];
}

export function chainLink(prevHash: string, canonical: string): string {
  return createHash('sha256')
    .update(prevHash + canonical, 'utf8')
    .digest('hex');
}

interface Row {
  id: string;
  seq: number;
  hash: string | null;
  canonical: string;
}

const BATCH = 2000;

async function rowsAfter(db: DbOrTx, table: SQL, cols: string[], afterSeq: number): Promise<Row[]> {
  const columns = sql`array[${sql.join(
    cols.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  const rows = await rawRows(
    db,
    sql`select t.id::text as id, t.seq::text as seq, t.hash, portal.audit_row_canonical(t, ${columns}) as canonical
        from ${table} t where t.seq > ${afterSeq} order by t.seq limit ${BATCH}`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    seq: Number(r.seq),
    hash: (r.hash as string | null) ?? null,
    canonical: String(r.canonical),
  }));
}

async function verifyChain(db: DbOrTx, chain: string, table: SQL, head: { columns: string[]; lastSeq: number; lastHash: string }): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let expected = 1;
  let prevHash = '';
  let last: Row | null = null;
  let rows = 0;
  for (;;) {
    const batch = await rowsAfter(db, table, head.columns, last?.seq ?? 0);
    for (const r of batch) {
      rows++;
      if (r.seq > expected) {
        const range = r.seq - 1 === expected ? `nr ${expected}` : `nr ${expected}–${r.seq - 1}`;
        problems.push({ kind: 'missing', seq: expected, id: null, message: `brak wpisów ${range} (usunięte) przed wpisem nr ${r.seq} (id ${r.id})` });
      } else if (r.hash !== chainLink(prevHash, r.canonical)) {
        problems.push({ kind: 'edited', seq: r.seq, id: r.id, message: `wpis nr ${r.seq} (id ${r.id}) nie zgadza się z łańcuchem: zmieniony po zapisie` });
      }
      prevHash = r.hash ?? '';
      expected = r.seq + 1;
      last = r;
    }
    if (batch.length < BATCH) break;
  }
  const lastSeq = last?.seq ?? 0;
  if (head.lastSeq > lastSeq) {
    const range = head.lastSeq === lastSeq + 1 ? `nr ${head.lastSeq}` : `nr ${lastSeq + 1}–${head.lastSeq}`;
    problems.push({ kind: 'missing_newest', seq: lastSeq + 1, id: null, message: `brak najnowszych wpisów ${range} (usunięte)` });
  } else if (head.lastSeq < lastSeq || head.lastHash !== (last?.hash ?? '')) {
    problems.push({
      kind: 'head',
      seq: lastSeq,
      id: last?.id ?? null,
      message: `początek łańcucha (nr ${head.lastSeq}) nie zgadza się z ostatnim wpisem nr ${lastSeq}`,
    });
  }
  const unsealed = await rawRows<{ id: string }>(
    db,
    sql`select t.id::text as id from ${table} t where t.seq is null or t.hash is null order by t.occurred_at limit 20`,
  );
  for (const r of unsealed) {
    problems.push({ kind: 'unsealed', seq: null, id: r.id, message: `wpis id ${r.id} jest poza łańcuchem (zapisany z wyłączonymi wyzwalaczami)` });
  }
  return { chain, rows, lastSeq, problems };
}

/** Every audit chain, checked from its first row to its head. */
export async function verifyAuditChains(db: DbOrTx): Promise<ChainReport[]> {
  const heads = await rawRows(db, sql`select chain, columns, last_seq::text as last_seq, last_hash from portal.audit_chain_heads order by chain`);
  const found = new Map(heads.map((h) => [String(h.chain), h]));
  const reports: ChainReport[] = [];
  for (const [chain, table] of Object.entries(CHAINS)) {
    const h = found.get(chain);
    if (!h) {
      reports.push({ chain, rows: 0, lastSeq: 0, problems: [{ kind: 'head', seq: null, id: null, message: 'brak początku łańcucha (audit_chain_heads)' }] });
      continue;
    }
    reports.push(await verifyChain(db, chain, table, { columns: h.columns as string[], lastSeq: Number(h.last_seq), lastHash: String(h.last_hash) }));
  }
  return reports;
}
