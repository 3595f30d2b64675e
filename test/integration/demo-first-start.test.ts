import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { eq, isNotNull, sql } from 'drizzle-orm';
import { bootstrap } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/client.ts';
import { type Db } from '../../src/db/client.ts';
import { permissions, users } from '../../src/db/schema/index.ts';
import { recordSeedState, seedStateOf } from '../../src/db/seed/state.ts';
import { PERMISSIONS } from '../../src/domain/reference-data.ts';
import { DEMO_SEEDS, demoSeedFingerprint, demoTemplatePaths, prepareDemoDataDir } from '../../src/demo/first-start.ts';

/**
 * The demo's first start (issue #11, cold start and idle memory): the PGlite data directory is a copy of
 * the prepared template (built in a child process when missing), not initdb and seeding in the portal process.
 */
describe('demo first start from the prepared template', { skip: !!process.env.TEST_DATABASE_URL && 'PGlite only' }, () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'ssoz-first-start-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the template holds the migrated demo database and no secret; the directory appears whole, under its own name', async () => {
    assert.equal(demoTemplatePaths().file, path.resolve(process.env.PGLITE_TEMPLATE ?? ''), 'the tests start from the same template as npm start');
    const root = tmp();
    const dir = path.join(root, 'pglite');
    // what a first start killed during its copy leaves behind (under its own process id) is cleared
    mkdirSync(path.join(root, 'pglite.partial-99999', 'base'), { recursive: true });
    await prepareDemoDataDir(dir);
    assert.ok(existsSync(path.join(dir, 'PG_VERSION')));
    assert.deepEqual(readdirSync(root), ['pglite'], 'no half-made directory left beside it, not even an earlier one');
    const database = await openDatabase({ databaseUrl: null, pgliteDir: dir });
    try {
      const { rows } = (await database.db.execute(sql`SELECT count(*)::int AS n FROM portal.units`)) as unknown as { rows: Array<{ n: number }> };
      const units = rows[0];
      assert.ok(units!.n > 20_000, `the generated registry is there (${units!.n} units)`);
      const linked = await database.db.select({ id: users.id }).from(users).where(isNotNull(users.peselHash));
      assert.equal(linked.length, 0, 'PESEL link hashes depend on the data directory keys: none in the template');
    } finally {
      await database.close();
    }
  });

  it('bootstrap on an empty data directory starts the demo from it and links the demo people with this directory keys', async () => {
    const dataDir = tmp();
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKERS: 'false' });
    assert.equal(config.seedDemoData, true);
    const running = await bootstrap(config);
    try {
      assert.ok(existsSync(path.join(dataDir, 'pglite', 'PG_VERSION')));
      const res = await running.app.inject({ method: 'GET', url: '/' });
      assert.equal(res.statusCode, 200);
      const [jan] = await running.database.db.select({ peselHash: users.peselHash }).from(users).where(eq(users.login, 'jan.kowalski'));
      assert.ok(jan?.peselHash, 'the demo user is linked at start, with this data directory keys');
    } finally {
      await running.close();
    }
  });

  it('a later start skips the seeds while the code, the data and the keys they come from are unchanged, and runs them when any changes', async () => {
    const dataDir = tmp();
    const env = { NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKERS: 'false' };
    const config = loadConfig(env);
    const start = async (check: (db: Db) => Promise<void>, before?: (db: Db) => Promise<void>) => {
      const running = await bootstrap(loadConfig(env));
      try {
        await check(running.database.db);
        await before?.(running.database.db);
      } finally {
        await running.close();
      }
    };
    const code = 'SPR_SZUKAJ_BEZ_TRESCI';
    const nameOf = async (db: Db) => (await db.select({ name: permissions.name }).from(permissions).where(eq(permissions.code, code)))[0]?.name;
    const shipped = PERMISSIONS.find((p) => p.code === code)!.name;
    // first start: seeded, and recorded with this code's and these keys' fingerprint
    await start(
      async (db) => assert.equal(await seedStateOf(db, DEMO_SEEDS), demoSeedFingerprint(config)),
      // a shipped name changed behind the portal's back (no administrator's edit): only a seed would restore it
      (db) =>
        db
          .update(permissions)
          .set({ name: 'zmieniona poza portalem' })
          .where(eq(permissions.code, code))
          .then(() => undefined),
    );
    // the same code and keys: the seeds are skipped, so the change stays
    await start(
      async (db) => assert.equal(await nameOf(db), 'zmieniona poza portalem', 'skipped: nothing re-seeded'),
      // what a new release (or other keys) looks like to the next start
      (db) => recordSeedState(db, DEMO_SEEDS, 'an-older-release', new Date()),
    );
    // a different fingerprint: the seeds run and record the current one
    await start(async (db) => {
      assert.equal(await nameOf(db), shipped, 'seeded again: the shipped name is back');
      assert.equal(await seedStateOf(db, DEMO_SEEDS), demoSeedFingerprint(config));
    });
    // other keys give another fingerprint (the demo people's PESEL links depend on them)
    assert.notEqual(demoSeedFingerprint({ ...config, peselKey: Buffer.alloc(32, 1) }), demoSeedFingerprint(config));
  });
});
