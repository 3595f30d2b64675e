import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import argon2 from 'argon2';
import { eq } from 'drizzle-orm';
import { legacyAccounts, units } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { pathOf, type Agent } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

const PASSWORD = 'Ssoz1-Granica!';

/** A legacy SSOZ I account as the demo seed makes them: argon2id hash, a unit, a role that carries over. */
async function legacyAccount(t: TestApp, login: string, createdOn: string): Promise<void> {
  const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.sourceKey, 'pulsantis-max'));
  assert.ok(unit, 'PULSANTIS MAX in the registry');
  await t.database.db.insert(legacyAccounts).values({
    login,
    passwordHash: await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    unitId: unit.id,
    legacyRoles: ['Autor sprawozdań finansowych jednostki sprawozdawczej'],
    createdOn,
  });
}

async function tryTransfer(a: Agent, login: string) {
  const page = await a.get('/profil/przeniesienie');
  return a.post('/profil/przeniesienie', { login, password: PASSWORD }, { csrfFrom: page.body });
}

// "Konta utworzone przed …" cannot be transferred: the cut-off day itself is the first day that can.
for (const { name, env, cutoff, dayBefore, text } of [
  { name: 'default cut-off 2010-01-01', env: {}, cutoff: '2010-01-01', dayBefore: '2009-12-31', text: 'przed 1 stycznia 2010' },
  {
    name: 'configured LEGACY_CUTOFF_DATE=2015-03-01',
    env: { LEGACY_CUTOFF_DATE: '2015-03-01' },
    cutoff: '2015-03-01',
    dayBefore: '2015-02-28',
    text: 'przed 1 marca 2015',
  },
]) {
  describe(`SSOZ I transfer, ${name}`, () => {
    let t: TestApp;
    let a: Agent;
    before(async () => {
      t = await buildTestApp({ env });
      t.clock.now = new Date('2026-11-25T10:00:00Z');
      await legacyAccount(t, 'konto.w.dniu.granicy', cutoff);
      await legacyAccount(t, 'konto.dzien.przed', dayBefore);
      a = await signedIn(t, 'katarzyna.dabrowska', '+48 600 100 206');
    });
    after(() => t.close());

    it(`an account created on the cut-off day (${cutoff}) is accepted`, async () => {
      const res = await tryTransfer(a, 'konto.w.dniu.granicy');
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      assert.equal(pathOf(res), '/profil/przeniesienie/podsumowanie');
      const summary = await a.get('/profil/przeniesienie/podsumowanie');
      assert.match(summary.body, /PULSANTIS MAX/);
    });

    it(`an account created the day before (${dayBefore}) is refused`, async () => {
      const res = await tryTransfer(a, 'konto.dzien.przed');
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes(`Konto SSOZ I zostało utworzone ${text}`), 'names the cut-off date');
    });
  });
}
