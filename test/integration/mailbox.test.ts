import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';

describe('demo mailbox and outbox', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('starts empty', async () => {
    const res = await t.app.inject({ url: '/dev/poczta.json' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), []);
  });

  it('delivers a committed message and shows it newest first, filtered by address or phone', async () => {
    await t.database.db.transaction(async (tx) => {
      await t.app.deps.outbox.enqueue(tx, { channel: 'sms', to: '+48 600 100 200', text: 'Kod autoryzacyjny: 123456' });
    });
    await t.database.db.transaction(async (tx) => {
      await t.app.deps.outbox.enqueue(tx, {
        channel: 'email',
        to: 'anna.nowak@example.pl',
        subject: 'Aktywuj konto',
        text: 'Kliknij http://localhost:3000/aktywuj?t=abc',
        html: '<p>x</p>',
      });
    });
    const all = await eventually(async () => {
      const list = (await t.app.inject({ url: '/dev/poczta.json' })).json() as Array<Record<string, unknown>>;
      return list.length === 2 ? list : null;
    });
    assert.equal(all[0]?.subject, 'Aktywuj konto', 'newest first');
    assert.deepEqual(Object.keys(all[0] ?? {}).sort(), ['channel', 'createdAt', 'html', 'id', 'subject', 'text', 'to']);
    const sms = (await t.app.inject({ url: '/dev/poczta.json?to=%2B48600100200' })).json() as Array<Record<string, unknown>>;
    assert.equal(sms.length, 1);
    assert.equal(sms[0]?.channel, 'sms');
    const page = await t.app.inject({ url: '/dev/poczta' });
    assert.match(page.body, /Aktywuj konto/);
    const one = await t.app.inject({ url: `/dev/poczta/${String(all[0]?.id)}` });
    assert.match(one.body, /<a href="http:\/\/localhost:3000\/aktywuj\?t=abc">/, 'links clickable');
  });

  it('?to= and the message id pass the input boundary: a NUL byte is no filter, a bad id is not found', async () => {
    const nul = await t.app.inject({ url: '/dev/poczta.json?to=%00' });
    assert.equal(nul.statusCode, 200);
    assert.equal((nul.json() as unknown[]).length, 2, 'unfiltered');
    assert.equal((await t.app.inject({ url: '/dev/poczta?to=a%00b' })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/dev/poczta/nie-ma-takiej' })).statusCode, 404);
  });

  it('a rolled-back transaction sends nothing', async () => {
    await assert.rejects(
      t.database.db.transaction(async (tx) => {
        await t.app.deps.outbox.enqueue(tx, { channel: 'email', to: 'rollback@example.pl', subject: 'x', text: 'x' });
        throw new Error('rollback');
      }),
    );
    await new Promise((r) => setTimeout(r, 1500));
    const list = (await t.app.inject({ url: '/dev/poczta.json?to=rollback@example.pl' })).json() as unknown[];
    assert.equal(list.length, 0);
  });
});

describe('demo pages are absent in production mode', () => {
  it('/dev/poczta answers 404', async (ctx) => {
    const t = await buildTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
        TRUST_PROXY: '1',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://ssoz.example.pl',
      },
    });
    assert.equal(t.config.demo, false);
    assert.equal((await t.app.inject({ url: '/dev/poczta.json' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/dev/poczta' })).statusCode, 404);
    ctx.after(() => t.close());
  });
});
