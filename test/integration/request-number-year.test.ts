import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { roleRequests } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf, type Agent } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

/** "Wniosek o nowy profil w SSOZ II" from the unit search to "Zapisz wniosek"; returns the submission id. */
async function submitNewProfile(a: Agent, nip: string, role: string): Promise<string> {
  const search = await a.get(`/profil/wniosek?nip=${nip}`);
  const unitId = /name="unitId" value="([^"]+)"/.exec(search.body)?.[1];
  assert.ok(unitId, `unit with NIP ${nip} found`);
  assert.equal(pathOf(await a.post('/profil/wniosek/jednostka', { unitId }, { csrfFrom: search.body })), '/profil/wniosek/role');
  const rolesPage = await a.get('/profil/wniosek/role');
  const toSummary = await a.post('/profil/wniosek/role', { roles: role, phone: '600 100 205', email: 'ewa.kaminska@example.pl' }, { csrfFrom: rolesPage.body });
  assert.equal(pathOf(toSummary), '/profil/wniosek/podsumowanie', toSummary.body.slice(0, 300));
  const summary = await a.get('/profil/wniosek/podsumowanie');
  const saved = await a.post('/profil/wniosek/podsumowanie', { akcja: 'zapisz', statement: 'tak', _csrf: csrfOf(summary.body) });
  const loc = pathOf(saved);
  assert.match(loc, /^\/wnioski\/[0-9a-f-]{36}$/);
  return loc.split('/')[2]!;
}

// The number's year is the year of submission in Poland (Europe/Warsaw), not in UTC: half an hour
// after midnight on New Year's Day in Warsaw is still 31 December in UTC.
describe('request number at the New Year boundary, Polish time', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const requestsOf = (submissionId: string) => t.database.db.select().from(roleRequests).where(eq(roleRequests.submissionId, submissionId));

  it('31 Dec 22:30 UTC (23:30 in Warsaw) is still the old year', async () => {
    t.clock.now = new Date('2026-12-31T22:25:00Z');
    const ewa = await signedIn(t, 'ewa.kaminska', '+48 600 100 205');
    t.clock.now = new Date('2026-12-31T22:30:00Z');
    const [r] = await requestsOf(await submitNewProfile(ewa, '7812345678', 'WYP_NIEFIN'));
    assert.equal(r?.year, 2026);
    assert.match(r?.number ?? '', /^U\d{6}\/2026$/);
  });

  it('31 Dec 23:30 UTC (00:30 on 1 January in Warsaw) gets the next year with sequence 1', async () => {
    t.clock.now = new Date('2026-12-31T23:25:00Z');
    const ewa = await signedIn(t, 'ewa.kaminska', '+48 600 100 205');
    t.clock.now = new Date('2026-12-31T23:30:00Z');
    const submissionId = await submitNewProfile(ewa, '9510001115', 'WYP_FIN');
    const [r] = await requestsOf(submissionId);
    assert.equal(r?.year, 2027);
    assert.equal(r?.seq, 1);
    assert.equal(r?.number, 'U000001/2027');
    const page = await ewa.get(`/wnioski/${submissionId}`);
    assert.ok(page.body.includes('U000001/2027'), 'the download page shows the number');
  });
});
