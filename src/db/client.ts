import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type repositories use; PGlite and node-postgres both implement it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database or an open transaction: repositories accept either. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** connection string in server mode (pg-boss opens its own small pool) */
  readonly url: string | null;
  /** The PGlite instance (embedded mode) — pg-boss and test templates need it. */
  readonly pglite: PGlite | null;
  /** The node-postgres pool (server mode). */
  readonly pool: pg.Pool | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… → PostgreSQL; otherwise PGlite. */
  databaseUrl: string | null;
  /** PGlite data directory; null → in memory. */
  pgliteDir: string | null;
  /** A dumped PGlite data directory (tar) to start from: the demo template (src/demo/template.ts) on a first start, and in tests. */
  pgliteLoadFrom?: Blob;
  /** More PostgreSQL settings for PGlite (`-c name=value` pairs), after PGLITE_SETTINGS. */
  pgliteStartParams?: string[];
  poolSize?: number;
  /**
   * Told of an error on an idle pooled connection (the server restarted, an administrator ended it).
   * node-postgres emits these on the pool; without a listener they would end the process.
   */
  onIdleError?: (err: Error) => void;
}

/**
 * PGlite's PostgreSQL runs inside the portal process, in WebAssembly memory that grows and never
 * shrinks: 16 MB of shared buffers instead of PostgreSQL's 128 MB default keep ~140 MB out of the demo
 * process (issue #11, demo idle RSS). Pages not in them come from the data directory's files, which
 * the operating system caches.
 */
export const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', (err) => (opts.onIdleError ?? (() => {}))(err));
    // pool.end() answers once every client is told to end, not once its connection is closed; close()
    // waits for the 'end' of each, so a database dropped right after sees no connection left
    const open = new Set<pg.Client>();
    pool.on('connect', (client) => {
      open.add(client);
      client.once('end', () => open.delete(client));
      // pg-pool listens for errors only while a client is idle: a connection the server ends while it
      // is checked out between two statements (a transaction awaiting a password hash or a file write,
      // during a PostgreSQL restart) would emit an unhandled 'error' and end the process. The error is
      // not lost: the next statement on that client fails, the work is rolled back, the pool drops it.
      client.on('error', () => {});
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      url: opts.databaseUrl,
      pglite: null,
      pool,
      migrate: async () => {
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      },
      close: async () => {
        const closing = [...open].map((c) => new Promise<void>((resolve) => c.once('end', () => resolve())));
        await pool.end();
        // bounded: a connection stuck in a query must not hold the shutdown forever
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.all(closing), new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))]);
        clearTimeout(timer);
      },
    };
  }
  if (opts.pgliteDir) mkdirSync(opts.pgliteDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(opts.pgliteDir ? { dataDir: opts.pgliteDir } : {}),
    ...(opts.pgliteLoadFrom ? { loadDataDir: opts.pgliteLoadFrom } : {}),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS, ...(opts.pgliteStartParams ?? [])],
  });
  const native = drizzlePglite(pglite, { schema });
  return {
    db: native as unknown as Db,
    kind: 'pglite',
    url: null,
    pglite,
    pool: null,
    migrate: async () => {
      await migratePglite(native, { migrationsFolder: MIGRATIONS_DIR });
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
