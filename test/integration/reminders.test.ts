import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, roleRequests } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { type Agent, csrfOf, pathOf } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

describe('Brak załączników do wniosków o rolę', () => {
  let t: TestApp;
  let maria: Agent;
  let jan: Agent;
  /** a POST with a JSON body (e.g. `null`), the CSRF token in the header */
  const postJson = async (a: Agent, url: string, payload: string) => {
    const page = await a.get('/moje-konto');
    const cookie = [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfOf(page.body) } });
  };
  const request = async (number: string) => (await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, number)))[0]!;

  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
  });
  after(() => t.close());

  it('the page keeps a same-site next only', async () => {
    const page = await maria.get('/przypomnienie?next=%2Fmoje-konto');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-qa="page-reminder"/);
    assert.match(page.body, /U000593\/2023/);
    assert.match(page.body, /<input type="hidden" name="next" value="\/moje-konto"/);
    const foreign = await maria.get('/przypomnienie?next=https%3A%2F%2Fevil.example%2F');
    assert.doesNotMatch(foreign.body, /name="next"/);
    const odd = await maria.get('/przypomnienie?next=%2Fa%00b&next=%2Fx');
    assert.equal(odd.statusCode, 200);
    assert.doesNotMatch(odd.body, /name="next"/);
  });

  it('"Przypomnij mi przy kolejnym logowaniu" goes on to next; a null body goes home, not 500', async () => {
    const page = await maria.get('/przypomnienie');
    assert.equal(pathOf(await maria.post('/przypomnienie', { next: '/moje-konto' }, { csrfFrom: page.body })), '/moje-konto');
    assert.equal(pathOf(await maria.post('/przypomnienie', { next: '//evil.example/' }, { csrfFrom: page.body })), '/start');
    const nothing = await postJson(maria, '/przypomnienie', 'null');
    assert.equal(nothing.statusCode, 303);
    assert.equal(pathOf(nothing), '/start');
  });

  it('the opt-out: own pending request only, audited; a null body is "not checked", not 500', async () => {
    const r593 = await request('U000593/2023');
    const page = await maria.get('/moje-konto');
    const on = await maria.post(`/wnioski/${r593.id}/bez-przypomnien`, { optOut: 'tak' }, { csrfFrom: page.body });
    assert.equal(pathOf(on), '/moje-konto?zapisano-przypomnienie=1#oczekujace-wnioski');
    assert.equal((await request('U000593/2023')).reminderOptOut, true);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'request.reminder_opt_out'), eq(auditLog.subjectId, r593.id)));
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]?.details, { number: 'U000593/2023', optOut: true });

    const off = await postJson(maria, `/wnioski/${r593.id}/bez-przypomnien`, 'null');
    assert.equal(off.statusCode, 303);
    assert.equal((await request('U000593/2023')).reminderOptOut, false);

    const janPage = await jan.get('/moje-konto');
    assert.equal(
      (await jan.post(`/wnioski/${r593.id}/bez-przypomnien`, { optOut: 'tak' }, { csrfFrom: janPage.body })).statusCode,
      404,
      "another user's request is not found",
    );
    assert.equal((await maria.post('/wnioski/nie-uuid/bez-przypomnien', { optOut: 'tak' }, { csrfFrom: page.body })).statusCode, 404);
    const approved = await request('U000573/2023');
    assert.equal(
      (await maria.post(`/wnioski/${approved.id}/bez-przypomnien`, { optOut: 'tak' }, { csrfFrom: page.body })).statusCode,
      404,
      'an own request that is not pending has no opt-out to find',
    );
    assert.equal((await request('U000573/2023')).reminderOptOut, false);
  });
});
