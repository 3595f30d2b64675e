import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { seedReferenceData } from '../db/seed/reference.ts';
import { demoTemplatePaths, demoTemplateReady } from './first-start.ts';
import { seedDemoData } from './seed-demo.ts';

/**
 * The demo database, prepared once: PGlite's initdb, every migration, the reference data and the demo
 * data (the generated registry of ~26,000 units, the demo people, requests and reports). A first
 * `npm start` on an empty data directory copies it instead of doing that work itself (issue #11, cold
 * start: "seed faster … or a prepared template"; src/demo/first-start.ts), and the tests start every
 * file from its tarball. `npm install` prepares it (scripts/prepare-demo.ts).
 *
 * What it does not hold: anything secret. The PESEL link hashes and sealed PESELs depend on the data
 * directory's own keys and are added at every start (seedDemoData's linkDemoPeople is idempotent).
 */

/**
 * Builds the template in this process: the tarball, written atomically (a reader never sees half a
 * file), then the data directory unpacked from it (under a temporary name, renamed into place). The WAL
 * is checkpointed with recycling off first, so the template carries one WAL segment, not the six the
 * seeding wrote (97 MB less to unpack or copy).
 */
export async function buildDemoTemplate(): Promise<string> {
  const { file, dataDir } = demoTemplatePaths();
  mkdirSync(path.dirname(file), { recursive: true });
  const database = await openDatabase({ databaseUrl: null, pgliteDir: null, pgliteStartParams: ['-c', 'wal_recycle=off'] });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    await seedDemoData(database.db);
    await database.db.execute(sql`CHECKPOINT`);
    const dump = await database.pglite!.dumpDataDir('gzip');
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await database.close();
  }
  const partialDir = `${dataDir}.partial-${process.pid}`;
  rmSync(partialDir, { recursive: true, force: true });
  const unpacked = await openDatabase({ databaseUrl: null, pgliteDir: partialDir, pgliteLoadFrom: new Blob([readFileSync(file)]) });
  await unpacked.close();
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(partialDir, dataDir);
  removeOldTemplates(path.basename(file, '.tar.gz'));
  return file;
}

/** Templates of earlier code (another fingerprint) untouched for an hour go: each is ~110 MB. */
function removeOldTemplates(keep: string): void {
  const dir = path.dirname(demoTemplatePaths().file);
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('pglite-template-') || name.startsWith(keep)) continue;
    const p = path.join(dir, name);
    if (Date.now() - statSync(p).mtimeMs > 60 * 60 * 1000) rmSync(p, { recursive: true, force: true });
  }
}

/** The template's tarball for this code, built first when missing or more than a day old. */
export async function ensureDemoTemplate(now = Date.now()): Promise<string> {
  return demoTemplateReady(now) ? demoTemplatePaths().file : buildDemoTemplate();
}
