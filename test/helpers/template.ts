import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { seedReferenceData } from '../../src/db/seed/reference.ts';
import { seedDemoData } from '../../src/demo/seed-demo.ts';
import { demoTemplatePaths } from '../../src/demo/first-start.ts';
import { buildDemoTemplate } from '../../src/demo/template.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const TMP_DIR = path.join(ROOT, '.tmp');
/** TEST_PG_TEMPLATE: a template database of one's own (several checkouts sharing one PostgreSQL server do not rebuild each other's) */
export const PG_TEMPLATE_DB = process.env.TEST_PG_TEMPLATE ?? 'ssoz_test_template';

/**
 * One migrated and seeded PGlite per test run (≈10 s), dumped to a tarball that every test file
 * loads (≈1 s) — never a migration per test. Reused across runs while its inputs are unchanged; the
 * same file a first `npm start` loads (src/demo/template.ts), so `npm install` prepares both.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const { file } = demoTemplatePaths();
  return existsSync(file) ? file : buildDemoTemplate();
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** PostgreSQL: a template database migrated and seeded once; each test file gets CREATE DATABASE … TEMPLATE. */
export async function ensurePostgresTemplate(baseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabase(baseUrl, PG_TEMPLATE_DB), pgliteDir: null });
  await database.migrate();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  await database.close();
}

export async function createPostgresDatabaseFromTemplate(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return withDatabase(baseUrl, name);
}

export async function dropPostgresDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
