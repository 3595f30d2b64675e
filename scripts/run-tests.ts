/**
 * `npm test`: unit tests, integration tests (app.inject on PGlite from a prepared template) and,
 * when Debian's Chromium is installed, browser tests with axe-core. With DATABASE_URL (or
 * TEST_DATABASE_URL) set to postgres://…, the integration tests run on PostgreSQL instead.
 *   npm test                 all suites
 *   npm test -- unit|integration|e2e
 *   npm run fuzz             only the form fuzzing (test/integration/form-fuzz.test.ts), long: FUZZ_RUNS
 *                            (default 3000) random cases from FUZZ_SEED (default the file's fixed one)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { ensurePgliteTemplate, ensurePostgresTemplate } from '../test/helpers/template.ts';
import { CHROMIUM_PATH } from '../e2e/helpers/browser.ts';

const suites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = new Set(suites.length ? suites : ['unit', 'integration', 'e2e']);
const FUZZ_FILE = 'test/integration/form-fuzz.test.ts';
const env: NodeJS.ProcessEnv = { ...process.env };
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
delete env.DATABASE_URL; // the app under test gets its database from the test helper, never from the shell

const files: string[] = [];
if (wanted.has('unit')) files.push(...globSync('test/unit/**/*.test.ts'));
if (wanted.has('integration')) files.push(...globSync('test/integration/**/*.test.ts'));
if (wanted.has('fuzz')) {
  files.push(FUZZ_FILE);
  env.FUZZ_RUNS ??= '3000';
}
if (wanted.has('e2e')) {
  if (existsSync(CHROMIUM_PATH)) files.push(...globSync('e2e/**/*.test.ts'));
  else console.log(`\nTesty przeglądarkowe POMINIĘTE: brak ${CHROMIUM_PATH} (zainstaluj pakiet Debiana: apt-get install -y chromium).\n`);
}
if (files.length === 0) {
  console.error('Brak plików testów do uruchomienia.');
  process.exit(1);
}

const integration = wanted.has('integration') || wanted.has('fuzz');
if (integration || wanted.has('e2e')) {
  const t0 = Date.now();
  env.PGLITE_TEMPLATE = await ensurePgliteTemplate();
  console.log(`Szablon bazy PGlite gotowy (${((Date.now() - t0) / 1000).toFixed(1)} s): ${env.PGLITE_TEMPLATE}`);
  if (pgUrl && integration) {
    await ensurePostgresTemplate(pgUrl);
    env.TEST_DATABASE_URL = pgUrl;
    console.log('Testy integracyjne na PostgreSQL:', new URL(pgUrl).host);
  }
}

// the long fuzz run has no time limit of its own (its number of cases is its limit)
const timeout = wanted.has('fuzz') ? [] : ['--test-timeout=120000'];
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--import', './src/preload.mjs', '--test', '--test-concurrency=2', ...timeout, ...[...new Set(files)].sort()],
  {
    stdio: 'inherit',
    env,
  },
);
process.exit(res.status ?? 1);
