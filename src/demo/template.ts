import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { seedReferenceData } from '../db/seed/reference.ts';
import { seedDemoData } from './seed-demo.ts';

/**
 * The demo database, prepared once: PGlite's initdb, every migration, the reference data and the demo
 * data (the generated registry of ~26,000 units, the demo people, requests and reports), dumped to a
 * tarball. A first `npm start` on an empty data directory loads it instead of doing that work itself
 * (issue #11, cold start: "seed faster … or a prepared template"), and the tests start every file from it.
 *
 * What it does not hold: anything secret. The PESEL link hashes and sealed PESELs depend on the data
 * directory's own keys and are added at every start (seedDemoData's linkDemoPeople is idempotent).
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the template is kept: `.tmp/` of the checkout (SSOZ_DEMO_TEMPLATE_DIR elsewhere: the benchmark times a first start without one). */
export const TEMPLATE_DIR = process.env.SSOZ_DEMO_TEMPLATE_DIR ?? path.join(ROOT, '.tmp');

/** Everything that shapes the template's contents: migrations, seeds, the demo data and the reference data. */
export function demoTemplateFingerprint(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(path.relative(ROOT, p)).update(readFileSync(p));
    }
  };
  for (const d of ['src/db/migrations', 'src/db/seed', 'src/demo', 'src/domain', 'reference']) walk(path.join(ROOT, d));
  return h.digest('hex').slice(0, 16);
}

export function demoTemplateFile(): string {
  return path.join(TEMPLATE_DIR, `pglite-template-${demoTemplateFingerprint()}.tar.gz`);
}

/**
 * Builds the template in this process and writes it atomically (a reader never sees half a file).
 * The WAL is checkpointed with recycling off first, so the tarball carries one WAL segment, not the
 * six the seeding wrote (97 MB less to unpack at every load).
 */
export async function buildDemoTemplate(file: string): Promise<void> {
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
}

/** A template older than this is rebuilt before a first start: the demo's dated items (the queue's "days ago", the current period's reports) stay current. */
export const DEMO_TEMPLATE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The template for a first start: the prepared one when it matches this code and is less than a day old, otherwise a new one. */
export async function ensureDemoTemplate(now = Date.now()): Promise<string> {
  const file = demoTemplateFile();
  if (!existsSync(file) || now - statSync(file).mtimeMs >= DEMO_TEMPLATE_MAX_AGE_MS) await buildDemoTemplate(file);
  return file;
}

/**
 * Creates the demo's PGlite data directory from the template (built first when missing or stale),
 * under a temporary name renamed into place at the end: a start interrupted half-way leaves no
 * half-made database behind.
 */
export async function createDemoDataDir(pgliteDir: string): Promise<void> {
  const file = await ensureDemoTemplate();
  const partial = `${pgliteDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const database = await openDatabase({ databaseUrl: null, pgliteDir: partial, pgliteLoadFrom: new Blob([readFileSync(file)]) });
  await database.close();
  rmSync(pgliteDir, { recursive: true, force: true });
  renameSync(partial, pgliteDir);
}
