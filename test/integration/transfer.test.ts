import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, legacyAccounts, profiles, requestDrafts, requestStatusHistory, roleRequests, units, users } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { Agent, csrfOf, pathOf } from '../helpers/agent.ts';
import { pzLogin, startLogin } from '../helpers/login.ts';

describe('Przeniesienie uprawnień z SSOZ I', () => {
  let t: TestApp;
  let a: Agent;
  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    a = new Agent(t);
    const base = await startLogin(a);
    await a.follow(await pzLogin(t, a, base, 'katarzyna.dabrowska', '+48 600 100 206'));
  });
  after(() => t.close());

  it('needs a login', async () => {
    const res = await new Agent(t).get('/profil/przeniesienie');
    assert.equal(res.statusCode, 303);
    assert.match(pathOf(res), /^\/logowanie\?next=/);
  });

  it('wrong or missing data: "Wpisz poprawne dane" at each field and the summary', async () => {
    const page = await a.get('/profil/przeniesienie');
    assert.match(page.body, /Login i hasło konta SSOZ I/);
    const res = await a.post('/profil/przeniesienie', { login: 'goz.piotrowice', password: 'zle-haslo' }, { csrfFrom: page.body });
    assert.equal(res.statusCode, 400);
    assert.equal((res.body.match(/Wpisz poprawne dane/g) ?? []).length, 2);
    assert.match(res.body, /Zabrakło wymaganych danych lub dane niepoprawne/);
    assert.match(res.body, /value="goz.piotrowice"/);
    const empty = await a.post('/profil/przeniesienie', { login: '', password: '' }, { csrfFrom: page.body });
    assert.equal(empty.statusCode, 400);
  });

  it('the summary step is refused before the login step', async () => {
    const res = await new Agent(t).get('/profil/przeniesienie/podsumowanie');
    assert.equal(res.statusCode, 303);
    const own = await a.get('/profil/przeniesienie/podsumowanie');
    assert.equal(pathOf(own), '/profil/przeniesienie');
  });

  it('refuses an account created before the cut-off date', async () => {
    const page = await a.get('/profil/przeniesienie');
    const res = await a.post('/profil/przeniesienie', { login: 'stare.konto', password: 'Ssoz1-Demo!' }, { csrfFrom: page.body });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /utworzone przed 1 stycznia 2010/);
  });

  it('a NUL byte or a bidi override in the login: 400 with the message at the field, not 500', async () => {
    const page = await a.get('/profil/przeniesienie');
    for (const login of ['goz\u0000piotrowice', 'goz\u202epiotrowice']) {
      const res = await a.post('/profil/przeniesienie', { login, password: 'Ssoz1-Demo!' }, { csrfFrom: page.body });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Pole „Login konta SSOZ I” zawierało niedozwolone znaki/);
      assert.match(res.body, /href="#f-login"/);
    }
    const cookie = [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const nothing = await t.app.inject({
      method: 'POST',
      url: '/profil/przeniesienie',
      payload: 'null',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfOf(page.body) },
    });
    assert.equal(nothing.statusCode, 400);
    assert.match(nothing.body, /Zabrakło wymaganych danych lub dane niepoprawne/);
  });

  it('the verified account waits in the draft store for 15 minutes; a GET writes nothing', async () => {
    const db = t.database.db;
    const [user] = await db.select().from(users).where(eq(users.login, 'katarzyna.dabrowska'));
    const page = await a.get('/profil/przeniesienie');
    const ok = await a.post('/profil/przeniesienie', { login: 'goz.piotrowice', password: 'Ssoz1-Demo!' }, { csrfFrom: page.body });
    assert.equal(pathOf(ok), '/profil/przeniesienie/podsumowanie');
    const [legacy] = await db.select().from(legacyAccounts).where(eq(legacyAccounts.login, 'goz.piotrowice'));
    const stored = await db
      .select()
      .from(requestDrafts)
      .where(and(eq(requestDrafts.userId, user!.id), eq(requestDrafts.kind, 'ssoz1_transfer')));
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0]?.data, { legacyId: legacy!.id, verifiedAt: t.clock.now.toISOString() });

    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 14 * 60_000);
      assert.equal((await a.get('/profil/przeniesienie/podsumowanie')).statusCode, 200, 'still valid after 14 minutes');
      t.clock.now = new Date(start.getTime() + 16 * 60_000);
      const late = await a.get('/profil/przeniesienie/podsumowanie');
      assert.equal(pathOf(late), '/profil/przeniesienie', 'after 15 minutes step 1 again');
      const form = await a.get('/profil/przeniesienie');
      const post = await a.post('/profil/przeniesienie/podsumowanie', { phone: '+48 600 100 206', email: 'k@example.pl' }, { csrfFrom: form.body });
      assert.equal(pathOf(post), '/profil/przeniesienie');
      const after = await db.select().from(requestDrafts).where(eq(requestDrafts.userId, user!.id));
      assert.deepEqual(after, stored, 'the GETs changed no draft');
      assert.equal((await db.select().from(profiles).where(eq(profiles.userId, user!.id))).length, 1, 'nothing transferred');
    } finally {
      t.clock.now = start;
    }
  });

  it('goz.piotrowice: summary, contact data checked, then an active profile at once — once', async () => {
    const page = await a.get('/profil/przeniesienie');
    const ok = await a.post('/profil/przeniesienie', { login: 'GOZ.Piotrowice', password: 'Ssoz1-Demo!' }, { csrfFrom: page.body });
    assert.equal(pathOf(ok), '/profil/przeniesienie/podsumowanie');
    const summary = await a.get('/profil/przeniesienie/podsumowanie');
    assert.match(summary.body, /Podsumowanie/);
    assert.match(summary.body, /Gminny Ośrodek Zdrowia w Piotrowicach filia w Kietczewicach/);
    assert.match(summary.body, /JEDN_ORG/);
    const carried = summary.body.slice(summary.body.indexOf('carried-roles'), summary.body.indexOf('not-carried-roles'));
    assert.match(carried, /Wypełniający sprawozdania finansowe/);
    const notCarried = summary.body.slice(summary.body.indexOf('not-carried-roles'));
    assert.match(notCarried, /Administrator jednostki sprawozdawczej/);
    assert.match(notCarried, /Obserwator sprawozdań standardowych jednostki sprawozdawczej/);

    const bad = await a.post('/profil/przeniesienie/podsumowanie', { phone: '12', email: 'katarzyna' }, { csrfFrom: summary.body });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Wpisz poprawny numer telefonu/);
    assert.match(bad.body, /Wpisz poprawny adres e-mail/);
    assert.match(bad.body, /value="katarzyna"/);

    const fields = { phone: '+48 600 100 206', email: 'katarzyna.dabrowska@example.pl' };
    const [first, second] = await Promise.all([
      a.post('/profil/przeniesienie/podsumowanie', fields, { csrfFrom: bad.body }),
      a.post('/profil/przeniesienie/podsumowanie', fields, { csrfFrom: bad.body }),
    ]);
    assert.ok([first, second].some((r) => pathOf(r) === '/start?przeniesiono=1'));
    assert.ok(
      [first, second].every((r) => ['/start?przeniesiono=1', '/start'].includes(pathOf(r))),
      'the second click shows the result, not step 1',
    );
    const home = await a.get('/start?przeniesiono=1');
    assert.match(home.body, /Profil został utworzony z uprawnień SSOZ I/);
    assert.match(home.body, /Gminny Ośrodek Zdrowia w Piotrowicach/);

    const db = t.database.db;
    const [user] = await db.select().from(users).where(eq(users.login, 'katarzyna.dabrowska'));
    const [unit] = await db.select().from(units).where(eq(units.sourceKey, 'goz-piotrowice'));
    const profs = await db
      .select()
      .from(profiles)
      .where(and(eq(profiles.userId, user!.id), eq(profiles.unitId, unit!.id)));
    assert.equal(profs.length, 1, 'one profile, even with a double submit');
    assert.equal(profs[0]?.status, 'aktywny');
    assert.equal(profs[0]?.phone, '+48 600 100 206');
    const reqs = await db.select().from(roleRequests).where(eq(roleRequests.profileId, profs[0]!.id));
    assert.equal(reqs.length, 1);
    assert.equal(reqs[0]?.roleCode, 'WYP_FIN');
    assert.equal(reqs[0]?.status, 'zatwierdzony');
    assert.match(reqs[0]?.number ?? '', /^U\d{6}\/2026$/);
    const [legacy] = await db.select().from(legacyAccounts).where(eq(legacyAccounts.login, 'goz.piotrowice'));
    assert.ok(legacy?.transferredAt);
    const history = await db.select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, reqs[0]!.id));
    assert.deepEqual(
      history.map((h) => [h.fromStatus, h.toStatus, h.reason]),
      [[null, 'zatwierdzony', 'Przeniesione z SSOZ I (konto goz.piotrowice)']],
    );
    assert.equal(
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'request.transferred'), eq(auditLog.subjectId, reqs[0]!.id)))
      ).length,
      1,
    );
    assert.equal((await db.select().from(requestDrafts).where(eq(requestDrafts.userId, user!.id))).length, 0, 'the draft is gone');
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'ssoz1.transfer'));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.details.legacyLogin, 'goz.piotrowice');
    assert.equal(audit[0]?.actorUserId, user!.id);

    const again = await a.get('/profil/przeniesienie');
    const twice = await a.post('/profil/przeniesienie', { login: 'goz.piotrowice', password: 'Ssoz1-Demo!' }, { csrfFrom: again.body });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /zostały już przeniesione/);
  });

  it('five wrong passwords lock that legacy login for a while', async () => {
    const page = await a.get('/profil/przeniesienie');
    for (let i = 0; i < 4; i++)
      assert.equal((await a.post('/profil/przeniesienie', { login: 'stare.konto', password: `zle-${i}` }, { csrfFrom: page.body })).statusCode, 400);
    const locked = await a.post('/profil/przeniesienie', { login: 'stare.konto', password: 'zle-5' }, { csrfFrom: page.body });
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /zablokowane do godziny 11:15/);
    const right = await a.post('/profil/przeniesienie', { login: 'stare.konto', password: 'Ssoz1-Demo!' }, { csrfFrom: page.body });
    assert.equal(right.statusCode, 429, 'even the right password while locked');
  });
});
