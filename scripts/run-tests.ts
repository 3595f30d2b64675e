/**
 * `npm test`: unit tests, integration tests (app.inject on PGlite from a prepared template) and,
 * when Debian's Chromium is installed, browser tests with axe-core. With DATABASE_URL (or
 * TEST_DATABASE_URL) set to postgres://…, the integration tests run on PostgreSQL instead.
 *   npm test                 all suites
 *   npm test -- unit|integration|e2e
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { ensurePgliteTemplate, ensurePostgresTemplate } from '../test/helpers/template.ts';
import { CHROMIUM_PATH } from '../e2e/helpers/browser.ts';

const suites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = new Set(suites.length ? suites : ['unit', 'integration', 'e2e']);
const env: NodeJS.ProcessEnv = { ...process.env };
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
delete env.DATABASE_URL; // the app under test gets its database from the test helper, never from the shell

const files: string[] = [];
if (wanted.has('unit')) files.push(...globSync('test/unit/**/*.test.ts'));
if (wanted.has('integration')) files.push(...globSync('test/integration/**/*.test.ts'));
if (wanted.has('e2e')) {
  if (existsSync(CHROMIUM_PATH)) files.push(...globSync('e2e/**/*.test.ts'));
  else console.log(`\nTesty przeglądarkowe POMINIĘTE: brak ${CHROMIUM_PATH} (zainstaluj pakiet Debiana: apt-get install -y chromium).\n`);
}
if (files.length === 0) {
  console.error('Brak plików testów do uruchomienia.');
  process.exit(1);
}

if (wanted.has('integration') || wanted.has('e2e')) {
  const t0 = Date.now();
  env.PGLITE_TEMPLATE = await ensurePgliteTemplate();
  console.log(`Szablon bazy PGlite gotowy (${((Date.now() - t0) / 1000).toFixed(1)} s): ${env.PGLITE_TEMPLATE}`);
  if (pgUrl && wanted.has('integration')) {
    await ensurePostgresTemplate(pgUrl);
    env.TEST_DATABASE_URL = pgUrl;
    console.log('Testy integracyjne na PostgreSQL:', new URL(pgUrl).host);
  }
}

const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files.sort()], {
  stdio: 'inherit',
  env,
});
process.exit(res.status ?? 1);
