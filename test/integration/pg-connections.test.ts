import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { createPostgresDatabaseFromTemplate, dropPostgresDatabase } from '../helpers/template.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('PostgreSQL connections', { skip: pgUrl ? false : 'runs in the PostgreSQL run only (TEST_DATABASE_URL)' }, () => {
  it('an idle connection ended by the server is reported, not fatal; close() waits until every connection is gone', async () => {
    const name = `ssoz_c_${process.pid}_${randomBytes(3).toString('hex')}`;
    const url = await createPostgresDatabaseFromTemplate(pgUrl!, name);
    const errors: Error[] = [];
    const database = await openDatabase({ databaseUrl: url, pgliteDir: null, poolSize: 2, onIdleError: (e) => errors.push(e) });
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await Promise.all([database.pool!.query('SELECT 1'), database.pool!.query('SELECT pg_sleep(0.05)')]);
      assert.equal(database.pool!.idleCount, 2);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      for (let i = 0; i < 50 && errors.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(errors.length, 2, 'both idle connections reported');
      assert.match(errors[0]!.message, /terminating connection/);
      // the pool opens a new connection for the next query
      assert.equal((await database.pool!.query('SELECT 1 AS one')).rows[0].one, 1);
      await database.close();
      const left = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      assert.equal(left.rows[0].n, 0, 'no connection left once close() has answered');
    } finally {
      await admin.end();
      await dropPostgresDatabase(pgUrl!, name);
    }
  });

  it('a connection ended by the server while checked out between two statements fails that work, not the process', async () => {
    const name = `ssoz_c_${process.pid}_${randomBytes(3).toString('hex')}`;
    const url = await createPostgresDatabaseFromTemplate(pgUrl!, name);
    const database = await openDatabase({ databaseUrl: url, pgliteDir: null, poolSize: 2, onIdleError: () => {} });
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    // pg-pool takes its error listener off a client it hands out: without one of the portal's own, the
    // server's "terminating connection" would be an unhandled 'error' event and end the process
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.prependListener('uncaughtException', onUncaught);
    try {
      const client = await database.pool!.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // the client is checked out and no statement is running (as in a transaction awaiting other work)
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await new Promise((r) => setTimeout(r, 300));
      await assert.rejects(client.query('SELECT 1'), 'the next statement on that connection fails');
      client.release(true);
      assert.deepEqual(uncaught, [], 'no unhandled error event');
      assert.equal((await database.pool!.query('SELECT 1 AS one')).rows[0].one, 1, 'the pool goes on with a new connection');
      await database.close();
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      await admin.end();
      await dropPostgresDatabase(pgUrl!, name);
    }
  });
});
