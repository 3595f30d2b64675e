import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, sessions } from '../../src/db/schema/index.ts';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';
import { Agent, pathOf } from '../helpers/agent.ts';
import { pzLogin, startLogin } from '../helpers/login.ts';

describe('login: portal → UEOZ → Profil Zaufany (demo) → portal', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('jan.kowalski goes straight to the portal home with a new server-side session', async () => {
    const a = new Agent(t);
    const base = await startLogin(a);
    const preLoginSid = a.cookies.get('ssoz-sid');
    const done = await pzLogin(t, a, base, 'jan.kowalski', '+48 600 100 202');
    assert.equal(done.statusCode, 303);
    assert.equal(pathOf(done), `${base}/dokoncz`);
    const home = await a.follow(done);
    assert.equal(home.statusCode, 200, home.body.slice(0, 300));
    assert.match(home.body, /data-qa="page-home"/);
    assert.match(home.body, /Jan Kowalski/);
    assert.match(home.body, /Centrum e-Zdrowia/);
    assert.match(home.body, /Najnowszy komunikat/);
    assert.notEqual(a.cookies.get('ssoz-sid'), preLoginSid, 'new session id at login');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'login'));
    assert.ok(audit.some((r) => r.outcome === 'success' && r.actorLabel === 'jan.kowalski'));
  });

  it('logout ends the portal session and the identity provider session, with no confirmation step', async () => {
    const a = new Agent(t);
    const base = await startLogin(a);
    await a.follow(await pzLogin(t, a, base, 'jan.kowalski', '+48 600 100 202'));
    const before = (await t.database.db.select().from(sessions)).length;
    const home = await a.get('/start');
    const out = await a.post('/wyloguj', {}, { csrfFrom: home.body });
    assert.equal(out.statusCode, 303);
    // the built-in provider's session ends on the server: no form that only JavaScript would submit
    assert.equal(pathOf(out), '/wylogowano');
    assert.equal((await t.database.db.select().from(sessions)).length, before - 1);
    const landing = await a.get(pathOf(out));
    assert.match(landing.body, /Wylogowano z systemu SSOZ II/);
    assert.equal((await a.get('/start')).statusCode, 303, 'portal page needs a login again');
    // the identity provider forgot the login too: a new sign-in asks for Profil Zaufany again
    const again = await a.get(String((await a.get('/logowanie')).headers.location));
    assert.match(pathOf(again), /^\/ueoz\/logowanie\//);
  });

  it('anna.nowak: Z02 → new account → update → activation link → welcome screen', async () => {
    const a = new Agent(t);
    const base = await startLogin(a);
    const afterCode = await pzLogin(t, a, base, 'anna.nowak', '+48 600 100 200');
    assert.equal(pathOf(afterCode), `${base}/migracja`);
    const z02 = await eventually(async () => {
      const r = await a.get(`${base}/migracja`);
      return r.body.includes('data-qa="page-z02"') ? r : null;
    });
    assert.match(z02.body, /MIGRATION_\d{13}/);
    assert.match(z02.body, /Nie odnaleziono w ePŁOZ konta o podanym numerze PESEL/);
    assert.match(z02.body, /85\*{9}/);
    assert.doesNotMatch(z02.body, /85031401244/);
    const created = await a.post(`${base}/migracja/nowe-konto`, {}, { csrfFrom: z02.body });
    assert.equal(pathOf(created), `${base}/konto`);
    const form = await a.get(`${base}/konto`);
    assert.match(form.body, /Zaktualizuj informacje konta/);
    assert.match(form.body, /value="85031401244" readonly/);
    const bad = await a.post(`${base}/konto`, { login: 'jan.kowalski', email: 'anna@example.pl', email2: 'inna@example.pl' }, { csrfFrom: form.body });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Ten login jest już zajęty|Adresy e-mail muszą być takie same/);
    assert.match(bad.body, /Adresy e-mail muszą być takie same/);
    assert.match(bad.body, /Zaznacz, że znasz Warunki korzystania z serwisu/);
    assert.match(bad.body, /value="anna@example.pl"/, 'typed values kept');
    const ok = await a.post(
      `${base}/konto`,
      { login: 'anowak', email: 'anna.nowak@example.pl', email2: 'anna.nowak@example.pl', terms: 'tak' },
      { csrfFrom: bad.body },
    );
    assert.equal(pathOf(ok), `${base}/aktywacja`);
    const activate = await a.get(`${base}/aktywacja`);
    assert.match(activate.body, /Musisz zweryfikować swój adres e-mail/);
    const mail = await eventually(async () => {
      const list = (await t.app.inject({ url: '/dev/poczta.json?to=anna.nowak@example.pl' })).json() as Array<{ text: string }>;
      return list[0];
    });
    const link = /(http:\/\/\S+\/ueoz\/aktywuj\?token=[\w-]+)/.exec(mail.text)?.[1];
    assert.ok(link, 'activation link in the e-mail');
    // opening the link only shows the button (a mail scanner spends nothing); "Aktywuj konto" activates
    const linkPage = await a.get(link);
    assert.equal(linkPage.statusCode, 200);
    assert.match(linkPage.body, /data-qa="page-activation-link"/);
    const welcome = await a.follow(await a.post('/ueoz/aktywuj', { token: new URL(link).searchParams.get('token') ?? '' }, { csrfFrom: linkPage.body }));
    assert.equal(welcome.statusCode, 200, welcome.body.slice(0, 300));
    assert.match(welcome.body, /data-qa="page-welcome"/);
    assert.match(welcome.body, /Przenoszę uprawnienia z SSOZ I/);
    assert.match(welcome.body, /Składam wniosek/);
    const reused = await a.get(link);
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /został już użyty/);
  });

  it('piotr.zielinski: migration finds the ePŁOZ account and prefills the form', async () => {
    const a = new Agent(t);
    const base = await startLogin(a);
    const afterCode = await pzLogin(t, a, base, 'piotr.zielinski', '+48 600 100 201');
    assert.equal(pathOf(afterCode), `${base}/migracja`, afterCode.body.replace(/.*<main/s, '').slice(0, 600));
    const progress = await a.get(`${base}/migracja`);
    assert.ok(progress.statusCode === 200 || progress.statusCode === 303);
    const form = await eventually(async () => {
      const r = await a.follow(await a.get(`${base}/migracja`));
      return r.body.includes('data-qa="page-update-account"') ? r : null;
    });
    assert.match(form.body, /value="pzielinski"/);
    assert.match(form.body, /value="piotr.zielinski@example.pl"/);
  });
});
