/**
 * Benchmark: the registry search of wizard step 1 (searchUnits) over the seeded demo registry.
 *   node --import tsx bench/unit-search.ts
 * Builds a fresh embedded database as the test template does (migrate + reference data + demo data), then
 * times 50 name-fragment searches (page 1 of 10, sorted by name: count + page query) twice: as seeded,
 * and after VACUUM ANALYZE (the seeders never analyze and PGlite has no autovacuum, so until then the
 * planner seq-scans instead of using the trigram index). Also times a whole-kind search (PODM, sorted by
 * the Polish name key). Prints one JSON line.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { searchUnits, type UnitSearchQuery } from '../src/db/repositories/unit-search.ts';
import { seedReferenceData } from '../src/db/seed/reference.ts';
import { seedDemoData } from '../src/demo/seed-demo.ts';

const FRAGMENTS = [
  'przychodnia',
  'lodz',
  'Łódź',
  'k-dent',
  'stomatolog',
  'medyczn',
  'szpital',
  'zdrow',
  'rehabilit',
  'warszaw',
  'kraków',
  'poradnia',
  'Vita',
  'centrum',
  'praktyka lekarska',
  'pielęgniar',
  'gminny ośrodek',
  'psychiatr',
  'sp. z o.o.',
  'opieki',
  'medica',
  'NZOZ',
  'ani-med',
  'pulsantis',
  'starostwo',
  'urząd',
  'sanitarno',
  'dent',
  'lux',
  'gdańsk',
  'poznań',
  'wrocław',
  'lublin',
  'szczecin',
  'kielc',
  'olsztyn',
  'rzesz',
  'białystok',
  'opole',
  'katowic',
  'zakład',
  'laborator',
  'fizjo',
  'hospicjum',
  'ortomed',
  'kinezis',
  'filia',
  'specjalist',
  'rodzinna',
  'xyzzy',
];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 10) / 10;

const database = await openDatabase({ databaseUrl: null, pgliteDir: null });
await database.migrate();
await seedReferenceData(database.db);
const { unitsInserted } = await seedDemoData(database.db);

const base: Omit<UnitSearchQuery, 'name'> = { sort: 'name', direction: 'asc', page: 1, pageSize: 10 };

async function timeSearches(queries: Array<Partial<UnitSearchQuery>>): Promise<{ p50Ms: number; p95Ms: number; maxMs: number }> {
  for (const q of queries.slice(0, 5)) await searchUnits(database.db, { ...base, ...q }); // warm-up
  const times: number[] = [];
  for (const q of queries) {
    const s = process.hrtime.bigint();
    await searchUnits(database.db, { ...base, ...q });
    times.push(ms(s));
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(pct(times, 50)), p95Ms: round(pct(times, 95)), maxMs: round(times.at(-1)!) };
}

const byName = FRAGMENTS.map((name) => ({ name }));
const wholeKind = Array.from({ length: 10 }, (_, i) => ({ kindCode: 'PODM', page: i + 1 }));

const seeded = await timeSearches(byName);
const seededKind = await timeSearches(wholeKind);
await database.db.execute(sql`vacuum analyze portal.units`);
const analyzed = await timeSearches(byName);
const analyzedKind = await timeSearches(wholeKind);

await database.close();
console.log(
  JSON.stringify({
    bench: 'unit-search',
    units: unitsInserted,
    searches: byName.length,
    ...analyzed,
    asSeeded: seeded,
    wholeKindPodm: { asSeeded: seededKind, analyzed: analyzedKind },
  }),
);
