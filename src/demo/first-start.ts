import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/index.ts';

/**
 * The demo's first start on PGlite (issue #11: cold start, idle memory). Light on purpose — only Node's
 * own modules — so `src/server.ts` can start the work before it loads the app, and both run at once.
 */

export function pgliteDirFor(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

/** An embedded demo database whose data directory does not exist yet. */
export function needsDemoDataDir(config: Config): boolean {
  return !config.databaseUrl && config.seedDemoData && !existsSync(path.join(pgliteDirFor(config), 'PG_VERSION'));
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BUILD = path.join(HERE, 'template-build.ts');
const ROOT = path.resolve(HERE, '..', '..');

/**
 * Makes the data directory in a child process, from the prepared template (src/demo/template.ts; built
 * first when missing or stale): initdb, seeding and unpacking grow PGlite's WebAssembly memory and the
 * allocator's, which a process never gives back, so the portal only opens the finished directory, as on
 * any later start, and stays lean.
 */
export function prepareDemoDataDir(pgliteDir: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BUILD, pgliteDir], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`przygotowanie bazy demonstracyjnej nie powiodło się (kod ${code ?? signal})`)),
    );
  });
}
