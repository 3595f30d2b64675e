import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { bootstrap, type Running } from '../../src/bootstrap.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createPostgresDatabaseFromTemplate, dropPostgresDatabase } from './template.ts';

export interface TestApp extends Running {
  config: Config;
  /** a settable clock for time-dependent rules */
  clock: { now: Date };
  /** every route of the app as registered (method, url, config), for tests over the route table */
  routeTable: RouteEntry[];
}

export interface RouteEntry {
  methods: string[];
  url: string;
  config: Record<string, unknown>;
}

/**
 * A full app (database from the prepared template, job queue, workers) for one test file;
 * call close() in an after() hook.
 * PGlite by default; with TEST_DATABASE_URL a fresh PostgreSQL database cloned from the template.
 */
export interface TestAppOptions {
  env?: Record<string, string>;
  /** extra routes registered before the app is ready (e.g. a handler that throws) */
  routes?: (app: Running['app']) => void;
}

export async function buildTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ssoz-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    PESEL_KEY: randomBytes(32).toString('hex'),
    EPLOZ_LOOKUP_DELAY_MS: '0',
    ...opts.env,
  });
  const pgUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let dbName: string | null = null;
  if (pgUrl) {
    dbName = `ssoz_t_${process.pid}_${randomBytes(3).toString('hex')}`;
    database = await openDatabase({ databaseUrl: await createPostgresDatabaseFromTemplate(pgUrl, dbName), pgliteDir: null, poolSize: 4 });
  } else {
    const template = process.env.PGLITE_TEMPLATE;
    if (!template) throw new Error('PGLITE_TEMPLATE is not set: run the tests with `npm test`');
    database = await openDatabase({ databaseUrl: null, pgliteDir: null, pgliteLoadFrom: new Blob([readFileSync(template)]) });
  }
  const clock = { now: new Date() };
  // routes are registered inside bootstrap, before the app is handed back: an onRoute hook added on the
  // instance as Fastify creates it (its initialization channel) sees every one of them
  const routeTable: RouteEntry[] = [];
  let seen = false;
  const collect = (message: unknown) => {
    if (seen) return;
    seen = true;
    (message as { fastify: Running['app'] }).fastify.addHook('onRoute', (r) => {
      routeTable.push({ methods: [r.method].flat().map(String), url: r.url, config: { ...(r.config as Record<string, unknown> | undefined) } });
    });
  };
  diagnostics.subscribe('fastify.initialization', collect);
  let running: Running;
  try {
    running = await bootstrap({ ...config, seedDemoData: false }, { database, now: () => clock.now });
  } finally {
    diagnostics.unsubscribe('fastify.initialization', collect);
  }
  opts.routes?.(running.app);
  await running.app.ready();
  return {
    ...running,
    config,
    clock,
    routeTable,
    /** stop the app and workers, drop the test database, remove the data directory */
    async close() {
      await running.close();
      if (pgUrl && dbName) await dropPostgresDatabase(pgUrl, dbName);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * GET a page and return the CSRF token of its first form, with the cookie that goes with it. With
 * `cookie` (e.g. a session), the page is asked for in that session (tokens are bound to it) and the
 * returned cookie carries both.
 */
export async function getForm(app: TestApp['app'], url: string, cookie?: string): Promise<{ csrf: string; cookie: string; html: string }> {
  const res = await app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
  const html = res.body;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${url}`);
  const jar = new Map<string, string>();
  for (const part of (cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) jar.set(k, v.join('='));
  }
  for (const c of res.cookies) jar.set(c.name, c.value);
  return { csrf, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), html };
}

/** Poll until `check` returns a value (background jobs), failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
