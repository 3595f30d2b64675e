import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { users } from '../../src/db/schema/index.ts';
import { seedDemoData } from '../../src/demo/seed-demo.ts';
import { peselLinkHash } from '../../src/portal/auth/pesel-link.ts';

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
});
