import { and, asc, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { rawRows } from './raw.ts';
import { UUID_RE } from '../../lib/ids.ts';
import { normalizeNip } from '../../domain/identifiers.ts';
import { foldForSearch } from '../../lib/text.ts';
import type { DbOrTx } from '../client.ts';
import { unitKinds, units } from '../schema/index.ts';

/**
 * Registry search behind wizard step 1 ("Wybór jednostki": "Wyszukaj i wybierz jednostkę").
 * The UI asks to "Wybierz „Rodzaj” i wypełnij dowolne pole": with no usable filter the result is empty.
 */
export interface UnitSearchQuery {
  kindCode?: string;
  nip?: string;
  regon?: string;
  registryBookNo?: string;
  /** a TERYT code or its leading part (2 digits: voivodeship, 4: powiat, 7: gmina); spaces ignored */
  teryt?: string;
  /** the voivodeship's 2-digit TERC code */
  voivodeshipCode?: string;
  /** words of the name, each anywhere in it, in any order, case and Polish diacritics ignored; fewer than 2 characters: ignored */
  name?: string;
  sort: 'name' | 'kind' | 'nip';
  direction: 'asc' | 'desc';
  /** 1-based; clamped to [1, pageCount] */
  page: number;
  pageSize: 10 | 25 | 50 | 100;
}

export interface UnitSearchRow {
  id: string;
  kindCode: string;
  kindName: string;
  name: string;
  nip: string | null;
  regon: string | null;
  registryBookNo: string | null;
  locality: string | null;
  voivodeship: string | null;
  isActive: boolean;
}

/** Which units a search covers: the wizard offers active ones only; "Zarządzanie → Jednostki" chooses. */
export type UnitStatusFilter = 'active' | 'inactive' | 'all';

export interface UnitSearchResult {
  /** "Wszystkich pozycji N" */
  total: number;
  rows: UnitSearchRow[];
  /** the page actually returned (after clamping) */
  page: number;
  /** at least 1, also for an empty result ("1 -- 1") */
  pageCount: number;
}

export type UnitForRequest = typeof units.$inferSelect & {
  kindName: string;
  isCentral: boolean;
  isSupervising: boolean;
  isReporting: boolean;
};

export const UNIT_SEARCH_PAGE_SIZES = [10, 25, 50, 100] as const;
export const UNIT_SEARCH_MIN_NAME_LENGTH = 2;
/** longer input cannot be a fragment of a registry name; refuse it rather than send it to pg_trgm */
const MAX_NAME_LENGTH = 500;
const MAX_BOOK_NO_LENGTH = 30;

// ───────────────────────── Polish sort key ─────────────────────────
//
// Both databases use C collation, where "Ł" sorts after "Z". The ICU collation "pl-x-icu" exists on the
// Debian PostgreSQL 15 server but not in PGlite: its ICU carries only the root locale ("und-x-icu",
// "unicode"), whose order puts "Ł" among the "L"s ("Łódź" before "Lublin"), and CREATE COLLATION with
// locale 'pl' silently yields the root order too. So names are ordered by an IMMUTABLE expression that
// gives the same order on both engines, compared byte-wise (COLLATE "C"):
//   lower() of ASCII letters; each Polish letter (either case) → its base letter + '~' (ż → 'z~~'), so
//   "a…" < "ą…" < "b…", "l…" < "ł…" < "m…", "z…" < "ź…" < "ż…"; the typographic quotes „ ” “ → '/', after
//   '-', ',' and '.' as in ICU's punctuation order.
// That is the primary level of the Polish collation (case-insensitive); equal keys fall back to the id.
// Over the demo registry it orders all 26,625 names exactly as "pl-x-icu" on the server and
// Intl.Collator('pl') do (parentheses, ASCII quotes and foreign accented letters could differ; the
// registry has none). Being immutable, the expression can back an index on (kind_code, <key>, id) should
// sorting a whole kind (10,762 PODM rows, ~40 ms on PGlite) ever need it.

export { polishSortKey } from '../sort-key.ts';

// ───────────────────────── filters ─────────────────────────

interface Filters {
  conditions: SQL[];
  /** a name fragment is among the conditions (searched through the trigram index) */
  byName: boolean;
  /** a filter was given in a shape no unit can have (e.g. an 8-digit NIP): the answer is empty */
  impossible: boolean;
}

const stripSeparators = (s: string) => s.replace(/[\s-]/g, '');

/** Escape LIKE's wildcards (and its escape character) so user input matches literally. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function buildFilters(q: Partial<UnitSearchQuery>): Filters {
  const conditions: SQL[] = [];
  let impossible = false;
  let byName = false;

  const kind = typeof q.kindCode === 'string' ? q.kindCode.trim() : '';
  if (kind) {
    if (/^[A-Za-z_]{1,32}$/.test(kind)) conditions.push(eq(units.kindCode, kind));
    else impossible = true;
  }

  const nip = typeof q.nip === 'string' ? normalizeNip(q.nip) : '';
  if (nip) {
    if (/^\d{10}$/.test(nip)) conditions.push(eq(units.nip, nip));
    else impossible = true;
  }

  const regon = typeof q.regon === 'string' ? stripSeparators(q.regon) : '';
  if (regon) {
    if (/^(\d{9}|\d{14})$/.test(regon)) conditions.push(eq(units.regon, regon));
    else impossible = true;
  }

  const book = typeof q.registryBookNo === 'string' ? stripSeparators(q.registryBookNo) : '';
  if (book) {
    if (book.length <= MAX_BOOK_NO_LENGTH) conditions.push(eq(units.registryBookNo, book));
    else impossible = true;
  }

  const teryt = typeof q.teryt === 'string' ? q.teryt.replace(/\s/g, '') : '';
  if (teryt) {
    // a prefix of the 7-character code; the btree on teryt serves LIKE 'prefix%' (C collation)
    if (/^\d{2,7}$/.test(teryt)) conditions.push(sql`${units.teryt} like ${`${teryt}%`}`);
    else impossible = true;
  }

  const voiv = typeof q.voivodeshipCode === 'string' ? q.voivodeshipCode.trim() : '';
  if (voiv) {
    if (/^\d{2}$/.test(voiv)) conditions.push(eq(units.voivodeshipCode, voiv));
    else impossible = true;
  }

  const name = typeof q.name === 'string' ? foldForSearch(q.name) : '';
  if ([...name].length >= UNIT_SEARCH_MIN_NAME_LENGTH) {
    if (name.length <= MAX_NAME_LENGTH) {
      // each word anywhere in the name, in any order ("stomatologiczna przychodnia", "ani med",
      // "ośrodek zdrowia piotrowic"); `search_name LIKE '%…%'` (not ILIKE) is what the trigram index serves
      const words = [...new Set(name.split(/[\s„”"]+/).filter((w) => [...w].length >= UNIT_SEARCH_MIN_NAME_LENGTH))].slice(0, 8);
      for (const w of words.length ? words : [name]) conditions.push(sql`${units.searchName} like ${`%${escapeLike(w)}%`}`);
      byName = true;
    } else {
      impossible = true;
    }
  }

  return { conditions, impossible, byName };
}

/** Whether the query has at least one usable filter (otherwise the UI shows "Wybierz „Rodzaj” i wypełnij dowolne pole"). */
export function hasUnitSearchFilter(q: Partial<UnitSearchQuery>): boolean {
  const f = buildFilters(q);
  return f.conditions.length > 0 || f.impossible;
}

function orderBy(sort: UnitSearchQuery['sort'], direction: UnitSearchQuery['direction']): SQL[] {
  const dir = direction === 'desc' ? desc : asc;
  const nameKey = units.sortKey;
  switch (sort) {
    case 'kind':
      return [dir(units.kindCode), asc(nameKey), asc(units.id)];
    case 'nip':
      return [direction === 'desc' ? sql`${units.nip} desc nulls last` : sql`${units.nip} asc nulls last`, asc(nameKey), asc(units.id)];
    default:
      // the id follows the direction so that one index (units_active_sort_idx) serves both ways
      return [dir(nameKey), dir(units.id)];
  }
}

const toInt = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback);

/**
 * Active units matching every given filter (AND): NIP, REGON and book number exactly (spaces and dashes
 * ignored), the kind by code, the name by a fragment anywhere ignoring case and Polish diacritics,
 * TERYT by its leading digits, the voivodeship by code.
 * No usable filter → total 0, unless `listAll` (the wizard's first view: every active unit, paged).
 * `status` widens the search to inactive units (management); the wizard keeps the default, active only.
 */
export async function searchUnits(db: DbOrTx, q: UnitSearchQuery, opts: { listAll?: boolean; status?: UnitStatusFilter } = {}): Promise<UnitSearchResult> {
  const pageSize = (UNIT_SEARCH_PAGE_SIZES as readonly number[]).includes(q.pageSize) ? q.pageSize : 10;
  const sort = q.sort === 'kind' || q.sort === 'nip' ? q.sort : 'name';
  const direction = q.direction === 'desc' ? 'desc' : 'asc';
  const empty = { total: 0, rows: [], page: 1, pageCount: 1 };

  const filters = buildFilters(q);
  // the wizard lists the whole registry at once ("Wszystkich pozycji 26520"); other callers need a filter
  if (filters.impossible || (filters.conditions.length === 0 && !opts.listAll)) return empty;
  const status = opts.status ?? 'active';
  const where = and(status === 'all' ? undefined : eq(units.isActive, status === 'active'), ...filters.conditions);
  if (filters.byName) {
    const found = await searchByName(db, where, sort, direction, pageSize, Math.max(toInt(q.page, 1), 1));
    if (found) return found;
  }

  const [counted] = await db.select({ n: count() }).from(units).where(where);
  const total = Number(counted?.n ?? 0);
  if (total === 0) return empty;
  const pageCount = Math.ceil(total / pageSize);
  const page = Math.min(Math.max(toInt(q.page, 1), 1), pageCount);

  const rows = await db
    .select({
      id: units.id,
      kindCode: units.kindCode,
      kindName: unitKinds.name,
      name: units.name,
      nip: units.nip,
      regon: units.regon,
      registryBookNo: units.registryBookNo,
      locality: units.locality,
      voivodeship: units.voivodeship,
      isActive: units.isActive,
    })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(where)
    .orderBy(...orderBy(sort, direction))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  return { total, rows, page, pageCount };
}

/**
 * A search by a name fragment, in one statement: the matches come from the trigram index first (a
 * materialized CTE of the few columns the order needs), are counted and sorted, and only the page's
 * rows are read in full. Left to itself the planner walks the name-order index and filters, expecting
 * matches spread evenly; fragments are not ("szpital", "poradnia": all near one letter), and it read
 * most of the table for 10 rows (issue #11: 23,000 rows removed by the filter, p95 17 ms). Answers
 * null when the page asked for is past the last one (no rows, so no count): the caller then counts
 * and clamps as for the other filters.
 */
async function searchByName(
  db: DbOrTx,
  where: SQL | undefined,
  sort: UnitSearchQuery['sort'],
  direction: UnitSearchQuery['direction'],
  pageSize: number,
  page: number,
): Promise<UnitSearchResult | null> {
  const dir = direction === 'desc' ? sql`desc` : sql`asc`;
  const order = (t: string) => {
    const a = sql.identifier(t);
    return sort === 'kind'
      ? sql`${a}.kind_code ${dir}, ${a}.sort_key asc, ${a}.id asc`
      : sort === 'nip'
        ? sql`${a}.nip ${dir} nulls last, ${a}.sort_key asc, ${a}.id asc`
        : sql`${a}.sort_key ${dir}, ${a}.id ${dir}`;
  };
  const rows = await rawRows<{
    id: string;
    kind_code: string;
    kind_name: string;
    name: string;
    nip: string | null;
    regon: string | null;
    registry_book_no: string | null;
    locality: string | null;
    voivodeship: string | null;
    is_active: boolean;
    total: string | number;
  }>(
    db,
    sql`with m as materialized (
        select ${units.id}, ${units.kindCode}, ${units.nip}, ${units.sortKey} from ${units} where ${where}
      ), p as (
        select m.id, count(*) over () as total from m order by ${order('m')} limit ${pageSize} offset ${(page - 1) * pageSize}
      )
      select u.id, u.kind_code, k.name as kind_name, u.name, u.nip, u.regon, u.registry_book_no, u.locality, u.voivodeship, u.is_active, p.total
      from p join ${units} u on u.id = p.id join ${unitKinds} k on k.code = u.kind_code
      order by ${order('u')}`,
  );
  const first = rows[0];
  if (!first) return page === 1 ? { total: 0, rows: [], page: 1, pageCount: 1 } : null;
  const total = Number(first.total);
  return {
    total,
    page,
    pageCount: Math.ceil(total / pageSize),
    rows: rows.map((r) => ({
      id: r.id,
      kindCode: r.kind_code,
      kindName: r.kind_name,
      name: r.name,
      nip: r.nip,
      regon: r.regon,
      registryBookNo: r.registry_book_no,
      locality: r.locality,
      voivodeship: r.voivodeship,
      isActive: r.is_active,
    })),
  };
}

/** The unit chosen in step 1, with its kind's name and class flags; null if unknown or no longer active. */
export async function getUnitForRequest(db: DbOrTx, id: string): Promise<UnitForRequest | null> {
  if (typeof id !== 'string' || !UUID_RE.test(id)) return null;
  const [row] = await db
    .select({
      ...getTableColumns(units),
      kindName: unitKinds.name,
      isCentral: unitKinds.isCentral,
      isSupervising: unitKinds.isSupervising,
      isReporting: unitKinds.isReporting,
    })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(and(eq(units.id, id), eq(units.isActive, true)));
  return row ?? null;
}
