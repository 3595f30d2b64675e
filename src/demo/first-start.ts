import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from '../config/index.ts';

/**
 * The demo's first start on PGlite (issue #11: cold start, idle memory), and where the prepared demo
 * database lives (built by src/demo/template.ts). Light on purpose — only Node's own modules — so
 * `src/server.ts` can do this before it loads the app.
 *
 * The template comes in two forms, made together: a tarball the tests load into an in-memory PGlite,
 * and a finished data directory a first start copies (a plain file copy: no PGlite, no child process).
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
const BUILD = path.join(HERE, 'template-build.ts');
const PRELOAD = pathToFileURL(path.join(HERE, '..', 'preload.mjs')).href;

/** Where the template is kept: `.tmp/` of the checkout (SSOZ_DEMO_TEMPLATE_DIR elsewhere: the benchmark times a first start without one). */
export const TEMPLATE_DIR = process.env.SSOZ_DEMO_TEMPLATE_DIR ?? path.join(ROOT, '.tmp');

/** A template older than this is rebuilt before a first start: the demo's dated items (the queue's "days ago", the current period's reports) stay current. */
export const DEMO_TEMPLATE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

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

/** The name of the demo's seeds in `portal.seed_state`. */
export const DEMO_SEEDS = 'demo';

/**
 * What the demo's reference and demo data are seeded from: the template's fingerprint (the code and data
 * that shape them) and a digest of the installation's keys (the demo people's PESEL links and sealed
 * PESELs depend on them; the keys themselves are not stored).
 */
export function demoSeedFingerprint(keys: { sessionSecret: string; peselKey: Buffer }): string {
  const digest = createHash('sha256').update('ssoz-demo-seed-keys-v1\n').update(keys.sessionSecret).update('\n').update(keys.peselKey).digest('hex');
  return `${demoTemplateFingerprint()}:${digest.slice(0, 16)}`;
}

/** The tarball (tests) and the data directory (first start) of the template for this code. */
export function demoTemplatePaths(): { file: string; dataDir: string } {
  const base = path.join(TEMPLATE_DIR, `pglite-template-${demoTemplateFingerprint()}`);
  return { file: `${base}.tar.gz`, dataDir: `${base}.d` };
}

/** Both forms exist and the template is less than a day old. */
export function demoTemplateReady(now = Date.now()): boolean {
  const { file, dataDir } = demoTemplatePaths();
  return existsSync(file) && existsSync(path.join(dataDir, 'PG_VERSION')) && now - statSync(file).mtimeMs < DEMO_TEMPLATE_MAX_AGE_MS;
}

export function pgliteDirFor(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

/** An embedded demo database whose data directory does not exist yet. */
export function needsDemoDataDir(config: Config): boolean {
  return !config.databaseUrl && config.seedDemoData && !existsSync(path.join(pgliteDirFor(config), 'PG_VERSION'));
}

/**
 * Copies the template's data directory to `pgliteDir`, under a temporary name renamed into place at the
 * end: a start interrupted half-way leaves no half-made database behind.
 */
export function copyDemoTemplate(pgliteDir: string): void {
  // a copy a start killed half-way left behind (under its own process id) goes first
  const parent = path.dirname(pgliteDir);
  const stem = `${path.basename(pgliteDir)}.partial-`;
  if (existsSync(parent)) for (const name of readdirSync(parent)) if (name.startsWith(stem)) rmSync(path.join(parent, name), { recursive: true, force: true });
  const partial = `${pgliteDir}.partial-${process.pid}`;
  cpSync(demoTemplatePaths().dataDir, partial, { recursive: true });
  rmSync(pgliteDir, { recursive: true, force: true });
  renameSync(partial, pgliteDir);
}

/**
 * Makes the demo's data directory: a copy of the prepared template when there is one for this code,
 * otherwise a child process builds the template first (initdb and seeding grow PGlite's WebAssembly
 * memory, which a process never gives back, so the portal itself never does them and stays lean).
 */
export async function prepareDemoDataDir(pgliteDir: string): Promise<{ ms: number; built: boolean }> {
  const started = Date.now();
  if (demoTemplateReady()) {
    copyDemoTemplate(pgliteDir);
    return { ms: Date.now() - started, built: false };
  }
  console.log('SSOZ II: pierwszy start — przygotowuję bazę demonstracyjną (zwykle około pół minuty; „npm install” robi to zawczasu).');
  await new Promise<void>((resolve, reject) => {
    // the IPC channel ties the child to this process: if this one dies (even by kill -9) the channel
    // closes and the child stops too (template-build.ts), instead of building on as an orphan
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', PRELOAD, BUILD], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`przygotowanie bazy demonstracyjnej nie powiodło się (kod ${code ?? signal})`)),
    );
  });
  copyDemoTemplate(pgliteDir);
  return { ms: Date.now() - started, built: true };
}
