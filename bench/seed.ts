/**
 * Benchmark: create, migrate and seed a fresh embedded database (what the first `npm start` does).
 *   npm run bench
 * Prints one JSON line per phase; README.md records the numbers measured on the 2-core machine.
 */
import { openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/db/seed/reference.ts';
import { generateRegistry } from '../src/demo/registry-generator.ts';
import { seedDemoData } from '../src/demo/seed-demo.ts';

const t = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const results: Record<string, number> = {};

let s = process.hrtime.bigint();
const registry = generateRegistry();
results.generateRegistryMs = t(s);

s = process.hrtime.bigint();
const database = await openDatabase({ databaseUrl: null, pgliteDir: null });
results.createPgliteMs = t(s);

s = process.hrtime.bigint();
await database.migrate();
results.migrateMs = t(s);

s = process.hrtime.bigint();
await seedReferenceData(database.db);
results.referenceDataMs = t(s);

s = process.hrtime.bigint();
const { unitsInserted } = await seedDemoData(database.db);
results.demoSeedMs = t(s);

s = process.hrtime.bigint();
await seedDemoData(database.db);
results.demoSeedSecondRunMs = t(s);

await database.close();
console.log(
  JSON.stringify({
    bench: 'seed',
    units: unitsInserted,
    registrySize: registry.length,
    ...Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v)])),
  }),
);
