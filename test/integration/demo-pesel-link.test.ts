import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { users } from '../../src/db/schema/index.ts';
import { seedDemoData } from '../../src/demo/seed-demo.ts';
import { randomBytes } from 'node:crypto';
import { DEMO_QUEUE } from '../../src/demo/demo-accounts.ts';
import { isValidPesel, parsePesel } from '../../src/domain/identifiers.ts';
import { peselLinkHash } from '../../src/portal/auth/pesel-link.ts';
import { decryptPesel, sealPesel } from '../../src/portal/auth/pesel-vault.ts';

describe('demo people can be linked from another identity provider before their first built-in sign-in', () => {
  let d: Database;
  before(async () => {
    d = await openDatabase({ databaseUrl: null, pgliteDir: null, pgliteLoadFrom: new Blob([readFileSync(process.env.PGLITE_TEMPLATE!)]) });
  });
  after(async () => d.close());

  it('bootstrap’s seed stores the keyed PESEL hash of each demo user, once', async () => {
    const config = { sessionSecret: 'x'.repeat(40) };
    const [before] = await d.db.select().from(users).where(eq(users.login, 'jan.kowalski'));
    assert.equal(before?.peselHash, null, 'the test template has none');
    await seedDemoData(d.db, { peselHash: (p) => peselLinkHash(config, p) });
    const [jan] = await d.db.select().from(users).where(eq(users.login, 'jan.kowalski'));
    assert.equal(jan?.peselHash, peselLinkHash(config, '65022802359'));
    // a second start with another key changes nothing already stored
    await seedDemoData(d.db, { peselHash: (p) => peselLinkHash({ sessionSecret: 'y'.repeat(40) }, p) });
    const [again] = await d.db.select().from(users).where(eq(users.login, 'jan.kowalski'));
    assert.equal(again?.peselHash, jan?.peselHash);
  });

  it('bootstrap’s seed stores the masked and encrypted PESEL of the demo people and of every queue applicant (valid fictitious numbers), once', async () => {
    const key = randomBytes(32);
    const seal = (p: string) => sealPesel(key, p);
    for (const q of DEMO_QUEUE) {
      const p = parsePesel(q.applicant.pesel);
      assert.ok(p.valid, `${q.applicant.login}: a valid PESEL`);
      assert.equal(p.sex, /a$/.test(q.applicant.firstName) ? 'K' : 'M', `${q.applicant.login}: the sex digit fits the name`);
    }
    assert.equal(new Set(DEMO_QUEUE.map((q) => q.applicant.pesel)).size, new Set(DEMO_QUEUE.map((q) => q.applicant.login)).size, 'one number a person');
    await seedDemoData(d.db, { peselSeal: seal });
    const [jan] = await d.db.select().from(users).where(eq(users.login, 'jan.kowalski'));
    assert.equal(jan?.peselMasked, '65*********');
    assert.equal(decryptPesel(key, jan!.peselEnc!), '65022802359');
    for (const q of DEMO_QUEUE) {
      const [u] = await d.db
        .select()
        .from(users)
        .where(eq(users.subject, `demo-applicant:${q.applicant.login}`));
      assert.equal(u?.peselMasked, `${q.applicant.pesel.slice(0, 2)}*********`, q.applicant.login);
      assert.ok(isValidPesel(decryptPesel(key, u!.peselEnc!) ?? ''), q.applicant.login);
      assert.equal(decryptPesel(key, u!.peselEnc!), q.applicant.pesel);
    }
    // a second start (even with another key) keeps what is stored
    await seedDemoData(d.db, { peselSeal: (p) => sealPesel(randomBytes(32), p) });
    const [again] = await d.db.select().from(users).where(eq(users.login, 'jan.kowalski'));
    assert.equal(again?.peselEnc, jan?.peselEnc);
  });
});
