import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'ssoz-cfg-'));

describe('config', () => {
  it('defaults to the embedded demo on port 3000', () => {
    const c = loadConfig({ DATA_DIR: tmp() });
    assert.equal(c.port, 3000);
    assert.equal(c.publicUrl, 'http://localhost:3000');
    assert.equal(c.databaseUrl, null);
    assert.equal(c.demo, true);
    assert.equal(c.seedDemoData, true);
    assert.ok(c.sessionSecret.length >= 32);
    assert.ok(Object.isFrozen(c));
  });

  it('derives the public URL from PORT unless set, and keeps the demo secret across starts', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir, PORT: '8080' });
    assert.equal(a.publicUrl, 'http://localhost:8080');
    assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, a.sessionSecret);
    assert.equal(loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'http://ssoz.local:9000/' }).publicUrl, 'http://ssoz.local:9000');
  });

  it('PESEL_KEY: a 32-byte key (hex or base64), generated once into the data directory in demo and kept across starts', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    assert.equal(a.peselKey.length, 32);
    assert.ok(existsSync(path.join(dir, 'pesel-key')));
    assert.ok(loadConfig({ DATA_DIR: dir }).peselKey.equals(a.peselKey));
    assert.equal(loadConfig({ DATA_DIR: tmp(), PESEL_KEY: '01'.repeat(32) }).peselKey.toString('hex'), '01'.repeat(32));
    assert.equal(loadConfig({ DATA_DIR: tmp(), PESEL_KEY: Buffer.alloc(32, 7).toString('base64') }).peselKey[0], 7);
    for (const bad of ['abc', '01'.repeat(16), 'z'.repeat(64)]) {
      assert.throws(
        () => loadConfig({ DATA_DIR: tmp(), PESEL_KEY: bad }),
        (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.includes('PESEL_KEY musi być kluczem 32-bajtowym')),
      );
    }
  });

  it('refuses production without what production needs, naming each', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() }),
      (e: unknown) =>
        e instanceof ConfigError &&
        ['SESSION_SECRET', 'PESEL_KEY', 'DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL', 'TRUST_PROXY'].every((k) => e.problems.some((p) => p.includes(k))),
    );
  });

  it('production never loads demo data or demo pages', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      TRUST_PROXY: '1',
      SESSION_SECRET: 's'.repeat(40),
      PESEL_KEY: 'ab'.repeat(32),
      DATABASE_URL: 'postgres://u@db/ssoz',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://ssoz.example.pl',
    });
    assert.equal(c.demo, false);
    assert.equal(c.seedDemoData, false);
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: 'production',
          TRUST_PROXY: '1',
          SESSION_SECRET: 's'.repeat(40),
          PESEL_KEY: 'ab'.repeat(32),
          DATABASE_URL: 'postgres://u@db/ssoz',
          SMTP_URL: 'smtp://mail:25',
          PUBLIC_URL: 'https://ssoz.example.pl',
          SEED_DEMO_DATA: '1',
        }),
      ConfigError,
    );
  });

  it('rejects malformed values', () => {
    assert.throws(() => loadConfig({ DATA_DIR: tmp(), PORT: 'abc' }), ConfigError);
    assert.throws(() => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'mysql://x' }), ConfigError);
  });

  it('role requests: decision due after 14 days and stale after 90 by default; both configurable and checked', () => {
    assert.deepEqual({ ...loadConfig({ DATA_DIR: tmp() }).requests }, { decisionDays: 14, staleDays: 90 });
    assert.deepEqual({ ...loadConfig({ DATA_DIR: tmp(), REQUEST_DECISION_DAYS: '7', REQUEST_STALE_DAYS: '30' }).requests }, { decisionDays: 7, staleDays: 30 });
    for (const bad of ['0', '-1', 'abc', '1.5']) {
      assert.throws(() => loadConfig({ DATA_DIR: tmp(), REQUEST_DECISION_DAYS: bad }), /REQUEST_DECISION_DAYS/);
      assert.throws(() => loadConfig({ DATA_DIR: tmp(), REQUEST_STALE_DAYS: bad }), /REQUEST_STALE_DAYS/);
    }
  });
});
